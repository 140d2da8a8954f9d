import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import { ReferralStatus, ReferralTargetKind, type Referral, type ReferredEvidence } from './referral.entity';
import { ReferralStep } from './referral-receiving.service';
import type { ReceivedReferralRow } from './referral-views';

registerEnumType(ReferralStep, { name: 'ReferralStep', description: '接收 / 退回 / 立案 / 不予立案 / 结案' });

@ObjectType('ReferredEvidence', { description: '随案移送的证据材料清单（文件名、类型、大小、摘要）' })
export class ReferredEvidenceView {
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int) size!: number;
  @Field() sha256!: string;
}

/** What both sides see of a referral: what was referred and the receiver's steps. */
@ObjectType('ReferralCommon')
abstract class ReferralCommon {
  @Field(() => ID) id!: string;
  @Field(() => ReferralStatus) status!: ReferralStatus;
  @Field(() => ReferralTargetKind) targetKind!: ReferralTargetKind;
  @Field(() => String, { nullable: true, description: '接收部门' }) targetDepartmentName!: string | null;
  @Field({ description: '移送理由及依据' }) reason!: string;
  @Field({ description: '检查对象名称' }) entityName!: string;
  @Field({ description: '统一社会信用代码' }) entityUscc!: string;
  @Field({ description: '发现的问题' }) findings!: string;
  @Field(() => String, { nullable: true, description: '检查结果' }) resultLabel!: string | null;
  @Field(() => String, { nullable: true, description: '检查日期' }) inspectedOn!: string | null;
  @Field(() => [ReferredEvidenceView]) evidence!: ReferredEvidence[];
  @Field(() => String, { nullable: true, description: '移送日期' }) sentOn!: string | null;
  @Field(() => String, { nullable: true, description: '接收期限（工作日）' }) acceptDueOn!: string | null;
  @Field(() => String, { nullable: true }) acceptedOn!: string | null;
  @Field(() => String, { nullable: true }) returnedOn!: string | null;
  @Field(() => String, { nullable: true, description: '退回理由' }) returnReason!: string | null;
  @Field(() => String, { nullable: true, description: '立案日期' }) filedOn!: string | null;
  @Field(() => String, { nullable: true, description: '立案案号' }) caseNo!: string | null;
  @Field(() => String, { nullable: true, description: '不予立案日期' }) notFiledOn!: string | null;
  @Field(() => String, { nullable: true, description: '不予立案理由' }) notFiledReason!: string | null;
  @Field(() => String, { nullable: true, description: '结案日期' }) closedOn!: string | null;
  @Field(() => String, { nullable: true, description: '结案情况' }) closingNote!: string | null;
}

@ObjectType('Referral', { description: '检查记录的移送（移送方所见）' })
export class ReferralView extends ReferralCommon {
  @Field(() => ID, { description: '被移送的检查记录' }) inspectionId!: string;
  @Field({ description: '接收单位，或系统外机关名称' }) targetBureauName!: string;
  @Field() proposedAt!: Date;
  @Field(() => Date, { nullable: true, description: '领导审批时间' }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '领导审批意见' }) decisionNote!: string | null;

  static of(r: Referral): ReferralView {
    return Object.assign(new ReferralView(), {
      ...r,
      id: toGlobalId('Referral', r.id),
      inspectionId: toGlobalId('Inspection', r.inspectionId),
    });
  }
}

@ObjectType('ReceivedReferral', { description: '本单位收到的移送（只含移送的内容）' })
export class ReceivedReferral extends ReferralCommon {
  @Field({ description: '移送单位' }) fromBureauName!: string;
  @Field(() => ID, { nullable: true, description: '接收部门的全局 id' }) targetDepartmentId!: string | null;

  static of(r: ReceivedReferralRow): ReceivedReferral {
    return Object.assign(new ReceivedReferral(), {
      id: toGlobalId('Referral', r.id),
      status: r.status,
      targetKind: r.target_kind,
      targetDepartmentId: r.target_department_id ? toGlobalId('Department', r.target_department_id) : null,
      targetDepartmentName: r.target_department_name,
      fromBureauName: r.from_bureau_name,
      reason: r.reason,
      entityName: r.entity_name,
      entityUscc: r.entity_uscc,
      findings: r.findings,
      resultLabel: r.result_label,
      inspectedOn: r.inspected_on,
      evidence: r.evidence,
      sentOn: r.sent_on,
      acceptDueOn: r.accept_due_on,
      acceptedOn: r.accepted_on,
      returnedOn: r.returned_on,
      returnReason: r.return_reason,
      filedOn: r.filed_on,
      caseNo: r.case_no,
      notFiledOn: r.not_filed_on,
      notFiledReason: r.not_filed_reason,
      closedOn: r.closed_on,
      closingNote: r.closing_note,
    });
  }
}

@InputType({ description: '移送对象：本单位或其他单位的部门，或系统外机关' })
export class ReferralTargetGql {
  @Field(() => ID, { nullable: true, description: '接收部门（本单位或其他单位）' }) departmentId?: string | null;
  @Field(() => String, { nullable: true, description: '系统外机关名称' }) externalName?: string | null;
}

@InputType()
export class ReferralStepGql {
  @Field(() => ReferralStep) step!: ReferralStep;
  @Field({ description: '日期 YYYY-MM-DD' }) on!: string;
  @Field(() => String, { nullable: true, description: '理由或说明' }) text?: string | null;
  @Field(() => String, { nullable: true, description: '立案案号' }) caseNo?: string | null;
}
