import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CREDIT_LIST_KINDS, toGlobalId, type CreditListKind as SharedListKind } from '@spotcheck/shared';
import { CreditEntryStatus, type CreditListEntry } from './credit-list-entry.entity';
import { CreditRepairStatus, type CreditRepairRequest } from './credit-repair-request.entity';

export enum CreditListKind {
  BLACKLIST = 'BLACKLIST',
  WATCH = 'WATCH',
}
registerEnumType(CreditListKind, { name: 'CreditListKind', description: '黑名单 / 重点关注名单' });
const _sameKinds: Record<SharedListKind, CreditListKind> = CreditListKind;
void _sameKinds;
void CREDIT_LIST_KINDS;

registerEnumType(CreditEntryStatus, { name: 'CreditEntryStatus', description: '待审批 / 已审批（公示期内生效）/ 未批准 / 经信用修复提前移出' });
registerEnumType(CreditRepairStatus, {
  name: 'CreditRepairStatus',
  description: '已申请（待办公室决定）/ 办公室同意待领导审批 / 办公室不予修复 / 领导审批同意（已移出名单）/ 领导未同意',
});

@ObjectType({ description: '信用惩戒名单条目（黑名单、重点关注名单）' })
export class CreditListEntryView {
  @Field(() => ID) id!: string;
  @Field(() => CreditListKind) list!: CreditListKind;
  @Field(() => ID, { description: '检查对象（本单位名录）' }) entityId!: string;
  @Field() entityName!: string;
  @Field({ description: '统一社会信用代码' }) entityUscc!: string;
  @Field({ description: '列入理由' }) reason!: string;
  @Field({ description: '法律依据' }) legalBasis!: string;
  @Field({ description: '决定日期' }) decidedOn!: string;
  @Field({ description: '期限（含当日）' }) validUntil!: string;
  @Field(() => CreditEntryStatus) status!: CreditEntryStatus;
  @Field({ description: '今日是否在公示期内生效（已审批、已到决定日期、未到期、未修复）' }) inForce!: boolean;
  @Field(() => ID, { nullable: true, description: '提出该名单的检查记录（处理决定：纳入信用惩戒）' }) sourceInspectionId!: string | null;
  @Field({ description: '提出人' }) proposedByName!: string;
  @Field({ description: '是否本人提出（本人不能审批）' }) proposedByMe!: boolean;
  @Field() proposedAt!: Date;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审批意见' }) reviewComment!: string | null;
  @Field(() => String, { nullable: true, description: '经信用修复移出的日期' }) endedOn!: string | null;
}

export function entryView(row: CreditListEntry, names: ReadonlyMap<string, string>, viewerId: string, today: string): CreditListEntryView {
  return {
    id: toGlobalId('CreditListEntry', row.id),
    list: row.list as CreditListKind,
    entityId: toGlobalId('MarketEntity', row.entityId),
    entityName: row.entityName,
    entityUscc: row.entityUscc,
    reason: row.reason,
    legalBasis: row.legalBasis,
    decidedOn: row.decidedOn,
    validUntil: row.validUntil,
    status: row.status,
    inForce: row.status === CreditEntryStatus.APPROVED && row.decidedOn <= today && today <= row.validUntil,
    sourceInspectionId: row.sourceInspectionId ? toGlobalId('Inspection', row.sourceInspectionId) : null,
    proposedByName: names.get(row.proposedBy) ?? '',
    proposedByMe: row.proposedBy === viewerId,
    proposedAt: row.proposedAt,
    reviewedAt: row.reviewedAt,
    reviewComment: row.reviewComment,
    endedOn: row.endedOn,
  };
}

@ObjectType({ description: '信用修复申请' })
export class CreditRepairView {
  @Field(() => ID) id!: string;
  @Field(() => CreditListEntryView, { description: '申请修复的名单条目' }) entry!: CreditListEntryView;
  @Field({ description: '检查对象陈述的修复理由' }) reasons!: string;
  @Field(() => CreditRepairStatus) status!: CreditRepairStatus;
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '办公室的决定意见' }) decisionNote!: string | null;
  @Field({ description: '是否本人作出办公室决定（本人不能审批）' }) decidedByMe!: boolean;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '领导审批意见' }) reviewComment!: string | null;
}

export function repairView(row: CreditRepairRequest, entry: CreditListEntryView, viewerId: string | null): CreditRepairView {
  return {
    id: toGlobalId('CreditRepairRequest', row.id),
    entry,
    reasons: row.reasons,
    status: row.status,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    decidedByMe: viewerId !== null && row.decidedBy === viewerId,
    reviewedAt: row.reviewedAt,
    reviewComment: row.reviewComment,
  };
}

@ObjectType({ description: '检查对象凭查阅码看到的本单位名单条目（公示期内）及其修复申请' })
export class EntityCreditEntry {
  @Field(() => ID) id!: string;
  @Field(() => CreditListKind) list!: CreditListKind;
  @Field() reason!: string;
  @Field() legalBasis!: string;
  @Field() decidedOn!: string;
  @Field() validUntil!: string;
  @Field(() => [EntityCreditRepair], { description: '本条目的修复申请，最新在前' }) repairs!: EntityCreditRepair[];
}

@ObjectType({ description: '检查对象的信用修复申请' })
export class EntityCreditRepair {
  @Field(() => ID) id!: string;
  @Field() reasons!: string;
  @Field(() => CreditRepairStatus) status!: CreditRepairStatus;
  @Field() submittedAt!: Date;
  @Field(() => String, { nullable: true, description: '决定意见（办公室的，或领导未同意时的意见）' }) note!: string | null;
}

@ObjectType({ description: '公示：信用惩戒名单条目' })
export class PublicCreditEntry {
  @Field(() => ID) id!: string;
  @Field(() => CreditListKind) list!: CreditListKind;
  @Field() entityName!: string;
  @Field() entityUscc!: string;
  @Field() reason!: string;
  @Field() legalBasis!: string;
  @Field() decidedOn!: string;
  @Field() validUntil!: string;
}

@ObjectType({ description: '省级联合惩戒设置' })
export class JointPunishmentView {
  @Field({ description: '是否实行联合惩戒' }) enabled!: boolean;
  @Field({ description: '在省内其他单位黑名单上的对象在本省各单位抽取中的权重' }) weight!: number;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}
