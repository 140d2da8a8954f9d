import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OwnOutcomeStatus } from './own-outcome.entity';
import { HANDLING_LABELS, type HandlingOutcome as SharedOutcome } from '@spotcheck/shared';

export enum HandlingOutcome {
  NO_PROBLEM = 'NO_PROBLEM',
  RECTIFY = 'RECTIFY',
  CASE = 'CASE',
  TRANSFER = 'TRANSFER',
  CREDIT = 'CREDIT',
}
registerEnumType(HandlingOutcome, {
  name: 'HandlingOutcome',
  description: Object.entries(HANDLING_LABELS)
    .map(([k, v]) => `${k} ${v}`)
    .join(' / '),
});
const _sameOutcomes: Record<SharedOutcome, HandlingOutcome> = HandlingOutcome;
void _sameOutcomes;

export enum CreditListChoice {
  BLACKLIST = 'BLACKLIST',
  WATCH = 'WATCH',
}
registerEnumType(CreditListChoice, { name: 'HandlingCreditList', description: 'BLACKLIST 黑名单 / WATCH 重点关注名单' });

@InputType({ description: '处理建议（检查组提出；部门审核、领导审批时可修改）' })
export class HandlingInput {
  @Field(() => HandlingOutcome) outcome!: HandlingOutcome;
  @Field({ description: '处理依据' }) basis!: string;
  @Field(() => Int, { nullable: true, description: '责令整改：整改期限（工作日）' }) deadlineWorkdays?: number | null;
  @Field(() => String, { nullable: true, description: '移送立案查处 / 移交其他部门：接收部门（本单位或其他单位）的全局 id' }) targetDepartmentId?:
    string | null;
  @Field(() => String, { nullable: true, description: '或系统外接收机关名称' }) targetExternalName?: string | null;
  @Field(() => CreditListChoice, { nullable: true, description: '纳入信用惩戒：名单' }) creditList?: CreditListChoice | null;
  @Field(() => String, { nullable: true, description: '纳入信用惩戒：名单期限截止日 YYYY-MM-DD' }) creditValidUntil?: string | null;
  @Field(() => String, { nullable: true, description: '本单位经审定的处理结果代码（outcome 须为其所按的标准处理结果）' }) ownOutcome?: string | null;
}

@ObjectType({ description: '处理建议 / 处理决定' })
export class HandlingView {
  @Field(() => HandlingOutcome) outcome!: HandlingOutcome;
  @Field({ description: '处理结果名称' }) label!: string;
  @Field({ description: '处理依据' }) basis!: string;
  @Field(() => Int, { nullable: true }) deadlineWorkdays!: number | null;
  @Field(() => String, { nullable: true }) targetDepartmentId!: string | null;
  @Field(() => String, { nullable: true }) targetExternalName!: string | null;
  @Field(() => CreditListChoice, { nullable: true }) creditList!: CreditListChoice | null;
  @Field(() => String, { nullable: true }) creditValidUntil!: string | null;
  @Field(() => String, { nullable: true, description: '本单位处理结果的代码（label 为其名称）' }) ownOutcome!: string | null;
  @Field({ description: '是否已由领导审批决定（此后不再修改）' }) decided!: boolean;
}

@ObjectType({ description: '处理建议的修改：谁、在哪一环节、由什么改为什么' })
export class HandlingChangeView {
  @Field(() => Date) at!: Date;
  @Field({ description: 'PASS_REVIEW 部门审核 / APPROVE 领导审批' }) action!: string;
  @Field() userName!: string;
  @Field(() => HandlingView, { nullable: true }) before!: HandlingView | null;
  @Field(() => HandlingView) after!: HandlingView;
}

@ObjectType('OwnHandlingOutcome', { description: '本单位增设的处理结果（办公室提出，分管领导审定后可用）' })
export class OwnHandlingOutcomeView {
  @Field(() => ID) id!: string;
  @Field({ description: '代码' }) code!: string;
  @Field({ description: '名称' }) label!: string;
  @Field(() => HandlingOutcome, { description: '按哪一标准处理结果办理' }) behavesAs!: HandlingOutcome;
  @Field({ description: '增设理由' }) reason!: string;
  @Field(() => OwnOutcomeStatus) status!: OwnOutcomeStatus;
  @Field(() => String, { nullable: true, description: '提出人' }) proposedBy!: string | null;
  @Field({ description: '待审定的增设或停用是否为当前用户提出（提出人不能审定）' }) proposedByMe!: boolean;
  @Field(() => String, { nullable: true, description: '停用理由' }) retireReason!: string | null;
  @Field() proposedAt!: Date;
  @Field(() => String, { nullable: true, description: '审定人' }) reviewedBy!: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审定意见' }) reviewComment!: string | null;
}
