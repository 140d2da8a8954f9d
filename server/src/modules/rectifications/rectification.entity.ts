import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import type { RecheckDraw } from '@spotcheck/shared';

export enum RectificationStatus {
  /** 整改中: waiting for the entity's report. */
  OPEN = 'OPEN',
  /** 企业已报告整改情况: waiting for the re-check. */
  REPORTED = 'REPORTED',
  /** 已复查: waiting for the head's closing proposal. */
  RECHECKED = 'RECHECKED',
  /** 办结待领导审批. */
  CLOSE_PROPOSED = 'CLOSE_PROPOSED',
  /** 整改完成. */
  DONE = 'DONE',
  /** 未按期整改. */
  NOT_DONE = 'NOT_DONE',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '整改中 / 企业已报告 / 已复查 / 办结待审批 / 整改完成 / 未按期整改',
});

/** Rectifications not yet closed: one record has at most one of these. */
export const OPEN_RECTIFICATION_STATUSES = [
  RectificationStatus.OPEN,
  RectificationStatus.REPORTED,
  RectificationStatus.RECHECKED,
  RectificationStatus.CLOSE_PROPOSED,
];

/**
 * A rectification (整改) ordered by the leader's handling decision 责令整改 on an inspection record. The
 * deadline is `dueWorkingDays` working days after `openedOn` on the bureau's calendar, fixed when opened.
 */
@Entity('rectifications')
@Index('idx_rectifications_inspection', ['tenantId', 'inspectionId'])
@Index('idx_rectifications_status_due', ['tenantId', 'status', 'dueOn'])
// At most one running rectification per record.
@Index('uq_rectifications_running', ['tenantId', 'inspectionId'], { unique: true, where: "status IN ('OPEN', 'REPORTED', 'RECHECKED', 'CLOSE_PROPOSED')" })
export class Rectification {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ type: 'text', default: RectificationStatus.OPEN }) status!: RectificationStatus;
  /** 整改要求及依据. */
  @Column({ type: 'text' }) basis!: string;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'due_working_days', type: 'integer' }) dueWorkingDays!: number;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy!: string;

  // The entity's report, through its access code.
  @Column({ name: 'report_text', type: 'text', nullable: true }) reportText!: string | null;
  @Column({ name: 'report_files', type: 'jsonb', default: () => "'[]'" }) reportFiles!: { evidenceId: string; fileName: string }[];
  @Column({ name: 'reported_on', type: 'date', nullable: true }) reportedOn!: string | null;

  // The re-check by a team: fixed when opened, the record's own or drawn at random (the bureau's rules).
  @Column({ name: 'recheck_team_ids', type: 'uuid', array: true, default: () => "'{}'" }) recheckTeamIds!: string[];
  /** The random draw of the re-check team, recorded so that anyone can draw it again; null for the record's own team. */
  @Column({ name: 'recheck_draw', type: 'jsonb', nullable: true }) recheckDraw!: RecheckDraw | null;
  @Column({ name: 'recheck_result', type: 'text', nullable: true }) recheckResult!: string | null;
  @Column({ name: 'recheck_passed', type: 'boolean', nullable: true }) recheckPassed!: boolean | null;
  @Column({ name: 'rechecked_on', type: 'date', nullable: true }) recheckedOn!: string | null;
  @Column({ name: 'rechecked_by', type: 'uuid', nullable: true }) recheckedBy!: string | null;

  // The closing decision: proposed by the department head, approved by a leader.
  @Column({ name: 'proposed_outcome', type: 'text', nullable: true }) proposedOutcome!: RectificationStatus | null;
  @Column({ name: 'proposed_by', type: 'uuid', nullable: true }) proposedBy!: string | null;
  @Column({ name: 'closing_note', type: 'text', nullable: true }) closingNote!: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn!: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
