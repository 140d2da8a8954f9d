import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { PublicDraw } from '../draws/public-draw.resolver';

@ObjectType({ description: '公示内容所属的单位' })
export class PublicBureauRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
}

@ObjectType({ description: '公示的检查结果类别' })
export class PublicResultCategory {
  @Field() code!: string;
  @Field() label!: string;
  @Field({ description: '是否属于发现问题' }) problem!: boolean;
}

@ObjectType({ description: '事项（名称）' })
export class PublicItemRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: '抽查任务（名称）' })
export class PublicTaskRef {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ID, { nullable: true, description: '所属年度计划' }) planId!: string | null;
}

@ObjectType({ description: '摇号记录的下载地址' })
export class PublicDrawLink {
  @Field(() => ID) id!: string;
  @Field({ description: '完整记录（JSON），任何人可据此复核' }) recordUrl!: string;
}

@ObjectType({ description: '公示的处理决定及其依据' })
export class PublicHandling {
  @Field({ description: 'NO_PROBLEM / RECTIFY / CASE / TRANSFER / CREDIT' }) outcome!: string;
  @Field({ description: '处理决定：未发现问题、责令整改、移送立案查处、移交其他部门、纳入信用惩戒，或本单位增设的处理结果' }) label!: string;
  @Field(() => String, { nullable: true, description: '本单位增设的处理结果的代码（outcome 为其所按的标准处理结果）' }) ownOutcome!: string | null;
  @Field({ description: '处理依据' }) basis!: string;
  @Field(() => Int, { nullable: true, description: '责令整改的期限（工作日）' }) deadlineWorkdays!: number | null;
}

@ObjectType({ description: '公示的抽查结果：一条已公示的检查记录' })
export class PublicResult {
  @Field(() => ID) id!: string;
  @Field(() => PublicBureauRef) bureau!: PublicBureauRef;
  @Field(() => PublicTaskRef, { nullable: true, description: '抽查任务（联合抽查为牵头单位的任务）' }) task!: PublicTaskRef | null;
  @Field(() => [PublicItemRef]) items!: PublicItemRef[];
  @Field({ description: '检查对象名称' }) entityName!: string;
  @Field({ description: '统一社会信用代码' }) entityUscc!: string;
  @Field(() => String, { nullable: true, description: '检查日期 YYYY-MM-DD' }) inspectedOn!: string | null;
  @Field(() => PublicResultCategory, { nullable: true }) resultCategory!: PublicResultCategory | null;
  @Field(() => String, { nullable: true, description: '发现的问题' }) findings!: string | null;
  @Field() publishedAt!: Date;
  @Field(() => ID, { nullable: true, description: '本条更正的原公示结果' }) correctsId!: string | null;
  @Field(() => String, { nullable: true, description: '更正理由' }) correctionReason!: string | null;
  @Field(() => ID, { nullable: true, description: '更正本条的公示结果（本条已被取代）' }) correctedById!: string | null;
  @Field(() => PublicDrawLink, { description: '摇中本检查对象的摇号' }) draw!: PublicDrawLink;
  @Field(() => PublicHandling, { nullable: true, description: '处理决定及依据（领导审批决定，随结果公示）' }) handling!: PublicHandling | null;
}

@ObjectType({ description: '任务中的事项与抽查比例' })
export class PublicTaskItem {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() ratio!: string;
}

export enum PublicTaskStatus {
  COMMITTED = 'COMMITTED',
  DRAWN = 'DRAWN',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PublicTaskStatus, { name: 'PublicTaskStatus', description: '已封存名单待摇号 / 已摇号 / 已取消' });

@ObjectType({ description: '抽查任务公告（含实施方案），名单封存后公布' })
export class PublicTaskNotice {
  @Field(() => ID) id!: string;
  @Field(() => PublicBureauRef) bureau!: PublicBureauRef;
  @Field(() => ID, { nullable: true, description: '所属年度计划' }) planId!: string | null;
  @Field(() => Int, { nullable: true }) round!: number | null;
  @Field() title!: string;
  @Field({ description: '检查目的' }) purpose!: string;
  @Field({ description: '检查程序' }) procedure!: string;
  @Field({ description: '工作分工' }) divisionOfLabour!: string;
  @Field({ description: '保密要求' }) confidentiality!: string;
  @Field({ description: '检查开始日期 YYYY-MM-DD' }) startsOn!: string;
  @Field({ description: '检查结束日期 YYYY-MM-DD' }) endsOn!: string;
  @Field(() => Int, { description: '每组执法人员人数' }) teamSize!: number;
  @Field({ description: '联合抽查（本单位牵头）' }) joint!: boolean;
  @Field(() => PublicTaskStatus) status!: PublicTaskStatus;
  @Field(() => [PublicTaskItem]) items!: PublicTaskItem[];
  @Field({ description: '公告时间（首次封存名单）' }) announcedAt!: Date;
  @Field(() => PublicDraw, { description: '最近一次摇号' }) draw!: PublicDraw;
}

@ObjectType({ description: '某单位名录中的该检查对象' })
export class PublicEntityListing {
  @Field(() => PublicBureauRef) bureau!: PublicBureauRef;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType({ description: '公示：一个检查对象在各单位的名录与已公示的抽查结果' })
export class PublicEntityProfile {
  @Field() uscc!: string;
  @Field({ description: '最近的名称' }) name!: string;
  @Field(() => [PublicEntityListing]) listings!: PublicEntityListing[];
}

export const PublicResultConnection = Connection(PublicResult);
export const PublicTaskNoticeConnection = Connection(PublicTaskNotice);
