import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum ReferralStatus {
  PROPOSED = 'PROPOSED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  SENT = 'SENT',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
  FILED = 'FILED',
  NOT_FILED = 'NOT_FILED',
  CLOSED = 'CLOSED',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: '待领导审批 / 领导未同意 / 已撤回 / 已移送 / 已退回 / 已接收 / 已立案 / 不予立案 / 已结案',
});

export enum ReferralTargetKind {
  DEPARTMENT = 'DEPARTMENT',
  BUREAU = 'BUREAU',
  EXTERNAL = 'EXTERNAL',
}
registerEnumType(ReferralTargetKind, { name: 'ReferralTargetKind', description: '本单位部门 / 其他单位的部门 / 系统外机关（登记名称）' });

/** Referrals still running: a record is not referred twice to the same receiver while one is. */
export const OPEN_REFERRAL_STATUSES = [ReferralStatus.PROPOSED, ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.FILED];

/**
 * A referral (移送) of an inspection record, owned by the referring bureau. What the receiver may see is
 * copied onto the row when it is proposed (entity, findings, result, the evidence list): the receiver
 * never reads the record itself. The receiving bureau reaches the row only through the owner-rights
 * functions of the ReferralWalls migration, which answer it its own referrals and write its columns only.
 */
@Entity('referrals')
@Index(['tenantId', 'inspectionId'])
@Index(['targetTenantId', 'status'])
export class Referral {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ type: 'text', default: ReferralStatus.PROPOSED }) status!: ReferralStatus;

  @Column({ name: 'target_kind', type: 'text' }) targetKind!: ReferralTargetKind;
  @Column({ name: 'target_tenant_id', type: 'uuid', nullable: true }) targetTenantId!: string | null;
  @Column({ name: 'target_department_id', type: 'uuid', nullable: true }) targetDepartmentId!: string | null;
  /** The receiving bureau's name, or the external body's as recorded. */
  @Column({ name: 'target_bureau_name', type: 'text' }) targetBureauName!: string;
  @Column({ name: 'target_department_name', type: 'text', nullable: true }) targetDepartmentName!: string | null;
  @Column({ type: 'text' }) reason!: string;

  // What was referred, as it stood when proposed.
  @Column({ name: 'entity_name', type: 'text' }) entityName!: string;
  @Column({ name: 'entity_uscc', type: 'text' }) entityUscc!: string;
  @Column({ type: 'text' }) findings!: string;
  @Column({ name: 'result_label', type: 'text', nullable: true }) resultLabel!: string | null;
  @Column({ name: 'inspected_on', type: 'date', nullable: true }) inspectedOn!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) evidence!: ReferredEvidence[];

  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;

  @Column({ name: 'sent_on', type: 'date', nullable: true }) sentOn!: string | null;
  @Column({ name: 'accept_due_on', type: 'date', nullable: true }) acceptDueOn!: string | null;
  @Column({ name: 'accepted_on', type: 'date', nullable: true }) acceptedOn!: string | null;
  @Column({ name: 'returned_on', type: 'date', nullable: true }) returnedOn!: string | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ name: 'filed_on', type: 'date', nullable: true }) filedOn!: string | null;
  @Column({ name: 'case_no', type: 'text', nullable: true }) caseNo!: string | null;
  @Column({ name: 'not_filed_on', type: 'date', nullable: true }) notFiledOn!: string | null;
  @Column({ name: 'not_filed_reason', type: 'text', nullable: true }) notFiledReason!: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn!: string | null;
  @Column({ name: 'closing_note', type: 'text', nullable: true }) closingNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One evidence file as the receiver sees it listed: its name, type, size and digest, never its bytes. */
export interface ReferredEvidence {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}
