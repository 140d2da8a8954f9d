import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { INSPECTION_WORKFLOW, type InspectionAction as SharedAction } from '@spotcheck/shared';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionItem } from '../items/inspection-item.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Inspection, InspectionStatus } from './inspection.entity';

export enum InspectionAction {
  SUBMIT = 'SUBMIT',
  RETURN = 'RETURN',
  PASS_REVIEW = 'PASS_REVIEW',
  REJECT = 'REJECT',
  APPROVE = 'APPROVE',
  PUBLISH = 'PUBLISH',
}
registerEnumType(InspectionAction, {
  name: 'InspectionAction',
  description: INSPECTION_WORKFLOW.transitions.map((t) => `${t.action} ${t.label}`).join(' / '),
});
const _sameActions: Record<SharedAction, InspectionAction> = InspectionAction;
void _sameActions;

@ObjectType({ description: '检查结果类别：标准类别及本单位自定义类别' })
export class ResultCategory {
  @Field({ description: '代码；自定义类别为 custom:<id>' }) code!: string;
  @Field() label!: string;
  @Field({ description: '是否属于发现问题' }) problem!: boolean;
  @Field({ description: '是否为标准类别' }) standard!: boolean;
  @Field() active!: boolean;
}

@ObjectType({ description: '检查组成员的确认' })
export class InspectionConfirmationView {
  @Field(() => Inspector, { nullable: true }) inspector!: Inspector | null;
  @Field(() => Date) confirmedAt!: Date;
  @Field({ description: '确认的是否为当前内容（内容修改后需重新确认）' }) current!: boolean;
}

@ObjectType({ description: '摇中的检查对象及其检查记录（如已建立）' })
export class InspectionAssignment {
  @Field({ description: '摇号的全局 id' }) drawId!: string;
  @Field(() => Int) seq!: number;
  @Field(() => MarketEntity, { nullable: true }) entity!: MarketEntity | null;
  @Field(() => [InspectionItem]) items!: InspectionItem[];
  @Field(() => [Inspector]) team!: Inspector[];
  @Field(() => Inspection, { nullable: true }) inspection!: Inspection | null;
}

@InputType({ description: '检查记录内容' })
export class InspectionInput {
  @Field(() => String, { nullable: true, description: '检查日期 YYYY-MM-DD' }) inspectedOn?: string | null;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true }) siteConditions!: string | null;
  @Field(() => String, { nullable: true }) findings!: string | null;
  @Field(() => String, { nullable: true, description: '检查结果类别代码' }) resultCategory!: string | null;
  @Field(() => String, { nullable: true }) interviewNotes!: string | null;
}

@ObjectType({ description: '批量办理中一条检查记录的结果：已办理，或被拒绝（与逐条办理相同的错误代码和原因）' })
export class InspectionBatchResult {
  @Field(() => ID, { description: '提交的检查记录 id' }) id!: string;
  @Field({ description: '是否已办理' }) ok!: boolean;
  @Field(() => Inspection, { nullable: true, description: '办理后的检查记录' }) inspection!: Inspection | null;
  @Field(() => String, { nullable: true, description: '拒绝时的错误代码（FORBIDDEN、RULE_VIOLATION、NOT_FOUND、BAD_USER_INPUT 等）' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'RULE_VIOLATION 时违反的规则' }) rule!: string | null;
  @Field(() => String, { nullable: true, description: '拒绝的原因' }) message!: string | null;
}

@ObjectType({ description: '任务的检查记录按状态计数' })
export class InspectionStatusCount {
  @Field(() => InspectionStatus) status!: InspectionStatus;
  @Field(() => Int) count!: number;
}
