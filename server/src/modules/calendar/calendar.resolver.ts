import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/date-scalar';
import { badInput } from '../../graphql/errors';
import { Allow, Public, SignedIn } from '../../graphql/permissions';
import { CalendarAdjustment } from './calendar-adjustment.entity';
import { PlatformCalendarEntry } from './calendar-entry.entity';
import {
  addLocalAdjustment,
  addPlatformEntries,
  calendarRowsInYear,
  localWorkdays,
  nationalWorkdays,
  platformCalendarYears,
  removeLocalAdjustment,
  removePlatformEntry,
  yearProblems,
} from './calendar.service';
import { officialCalendar } from './official-calendar';

@ObjectType({ description: '按工作日计算的期限' })
class WorkdayDeadline {
  @Field(() => DateScalar, { description: '期限日：其后第 N 个工作日（当天不计）' }) date!: string;
  @Field({ description: '暂定：计算经过了尚未发布节假日安排的年份，日期可能变动' }) provisional!: boolean;
  @Field(() => [Int], { description: '使期限暂定的年份' }) provisionalYears!: number[];
}

@ObjectType({ description: '已知节假日安排的年份' })
class CalendarCoverage {
  @Field(() => [Int], { description: '随 chinese-days 收录国务院安排的年份' }) officialYears!: number[];
  @Field(() => [Int], { description: '由平台日历条目补充的年份' }) platformYears!: number[];
}

@InputType({ description: '日历条目：某日放假或上班' })
class CalendarDayInput {
  @Field(() => DateScalar) date!: string;
  @Field({ description: 'true 为上班（含调休上班），false 为放假' }) working!: boolean;
  @Field({ description: '依据或说明' }) note!: string;
}

@Resolver()
export class CalendarResolver {
  @Public()
  @Query(() => WorkdayDeadline, { description: '某日之后第 N 个工作日（当天不计），按全国日历：国务院节假日安排与平台日历条目' })
  addWorkdays(@Ctx() ctx: RequestContext, @Arg('from', () => DateScalar) from: string, @Arg('days', () => Int) days: number) {
    return nationalWorkdays(ctx, from, days);
  }

  @SignedIn()
  @Query(() => WorkdayDeadline, { description: '同 addWorkdays，另计本单位的工作日调整' })
  addLocalWorkdays(@Ctx() ctx: RequestContext, @Arg('from', () => DateScalar) from: string, @Arg('days', () => Int) days: number) {
    return localWorkdays(ctx, from, days);
  }

  @Public()
  @Query(() => CalendarCoverage, { description: '哪些年份的节假日安排已知；其余年份的期限为暂定' })
  async calendarCoverage(@Ctx() ctx: RequestContext): Promise<CalendarCoverage> {
    const rows = await platformCalendarYears(ctx);
    return { officialYears: [...officialCalendar().years].sort((a, b) => a - b), platformYears: rows.map((r) => r.year) };
  }

  @Allow('read', 'PlatformCalendarEntry')
  @Query(() => [PlatformCalendarEntry], { description: '平台日历条目（可按年份筛选）' })
  platformCalendarEntries(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    const problems = yearProblems(year);
    if (problems.length) throw badInput(problems);
    return calendarRowsInYear(ctx, PlatformCalendarEntry, year);
  }

  @Allow('create', 'PlatformCalendarEntry')
  @Mutation(() => [PlatformCalendarEntry], { description: '添加平台日历条目（如一份国务院节假日安排通知的全部日期），全部成功或全部不添加' })
  addPlatformCalendarEntries(@Ctx() ctx: RequestContext, @Arg('entries', () => [CalendarDayInput]) entries: CalendarDayInput[]) {
    return addPlatformEntries(ctx, entries);
  }

  @Allow('delete', 'PlatformCalendarEntry')
  @Mutation(() => Boolean, { description: '删除某日的平台日历条目' })
  removePlatformCalendarEntry(@Ctx() ctx: RequestContext, @Arg('date', () => DateScalar) date: string) {
    return removePlatformEntry(ctx, date);
  }

  @Allow('read', 'CalendarAdjustment')
  @Query(() => [CalendarAdjustment], { description: '本单位的工作日调整（可按年份筛选）' })
  calendarAdjustments(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    const problems = yearProblems(year);
    if (problems.length) throw badInput(problems);
    return calendarRowsInYear(ctx, CalendarAdjustment, year);
  }

  @Allow('create', 'CalendarAdjustment')
  @Mutation(() => CalendarAdjustment, { description: '添加本单位的工作日调整（地方放假或补班）' })
  addCalendarAdjustment(@Ctx() ctx: RequestContext, @Arg('input') input: CalendarDayInput) {
    return addLocalAdjustment(ctx, input);
  }

  @Allow('delete', 'CalendarAdjustment')
  @Mutation(() => Boolean, { description: '删除本单位某日的工作日调整' })
  removeCalendarAdjustment(@Ctx() ctx: RequestContext, @Arg('date', () => DateScalar) date: string) {
    return removeLocalAdjustment(ctx, date);
  }
}
