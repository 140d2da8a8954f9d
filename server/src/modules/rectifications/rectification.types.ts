import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { toGlobalId, type RecheckDraw } from '@spotcheck/shared';
import { EvidenceFileView } from '../evidence/evidence.types';
import { Rectification, RectificationStatus } from './rectification.entity';

/** A rectification as the bureau's staff see it. */
@ObjectType('Rectification', { description: '整改（责令整改决定开立）' })
export class RectificationView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '检查记录' }) inspectionId!: string;
  @Field(() => RectificationStatus) status!: RectificationStatus;
  @Field({ description: '整改要求及依据' }) basis!: string;
  @Field({ description: '责令整改日期' }) openedOn!: string;
  @Field(() => Int, { description: '整改期限（工作日）' }) dueWorkingDays!: number;
  @Field({ description: '整改截止日（按本单位工作日历）' }) dueOn!: string;
  @Field(() => String, { nullable: true, description: '检查对象报告的整改情况' }) reportText!: string | null;
  @Field(() => String, { nullable: true, description: '检查对象报告日期' }) reportedOn!: string | null;
  @Field(() => String, { nullable: true, description: '复查结果' }) recheckResult!: string | null;
  @Field(() => Boolean, { nullable: true, description: '复查是否通过' }) recheckPassed!: boolean | null;
  @Field(() => String, { nullable: true, description: '复查日期' }) recheckedOn!: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: '随机抽取复查组的记录（算法、种子、候选人员、抽取结果），可据此复核；原检查组复查时为空',
  })
  recheckDraw!: RecheckDraw | null;
  /** The re-check team's inspector ids (named by the resolver). */
  recheckTeamIds!: string[];
  @Field(() => RectificationStatus, { nullable: true, description: '部门负责人提出的办结意见' }) proposedOutcome!: RectificationStatus | null;
  @Field(() => String, { nullable: true, description: '办结说明' }) closingNote!: string | null;
  @Field(() => String, { nullable: true, description: '办结日期（领导批准）' }) closedOn!: string | null;
  @Field({ description: '已过整改期限而检查对象未报告' }) overdue!: boolean;

  static of(r: Rectification, today: string): RectificationView {
    return {
      ...r,
      id: toGlobalId('Rectification', r.id),
      inspectionId: toGlobalId('Inspection', r.inspectionId),
      overdue: r.status === RectificationStatus.OPEN && r.dueOn < today,
    };
  }
}

/** What the entity sees of its rectification through its access code. */
@ObjectType({ description: '检查对象凭查阅码看到的整改' })
export class EntityRectification {
  @Field(() => RectificationStatus) status!: RectificationStatus;
  @Field({ description: '整改要求及依据' }) basis!: string;
  @Field({ description: '整改截止日' }) dueOn!: string;
  @Field(() => String, { nullable: true }) reportText!: string | null;
  @Field(() => String, { nullable: true }) reportedOn!: string | null;
  @Field(() => String, { nullable: true, description: '办结日期' }) closedOn!: string | null;
  @Field(() => [EvidenceFileView], { description: '检查对象上传的整改附件' }) files!: EvidenceFileView[];

  static of(r: Rectification, files: EvidenceFileView[]): EntityRectification {
    return { status: r.status, basis: r.basis, dueOn: r.dueOn, reportText: r.reportText, reportedOn: r.reportedOn, closedOn: r.closedOn, files };
  }
}
