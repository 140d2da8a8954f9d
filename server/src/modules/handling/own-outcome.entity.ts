import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import type { HandlingOutcome } from '@spotcheck/shared';

export enum OwnOutcomeStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  RETURNED = 'RETURNED',
  /** Retirement proposed by the office: still usable until a leader approves it. */
  RETIRING = 'RETIRING',
  RETIRED = 'RETIRED',
}
registerEnumType(OwnOutcomeStatus, { name: 'OwnOutcomeStatus', description: '待审定 / 已审定可用 / 已退回 / 停用待审定 / 已停用' });

/** The statuses in which a handling may name the outcome. */
export const USABLE_OWN_OUTCOME = [OwnOutcomeStatus.ACTIVE, OwnOutcomeStatus.RETIRING];

/**
 * A bureau's own handling outcome (e.g. 约谈 behaving as 未发现问题): proposed by the office, in use only
 * once a leader — not the proposer — approves it, like the bureau's rules.
 */
@Entity('own_handling_outcomes')
@Check('chk_own_handling_outcomes_behaves_as', `behaves_as IN ('NO_PROBLEM', 'RECTIFY', 'CASE', 'TRANSFER', 'CREDIT')`)
// One code and one label per bureau among those proposed or in use (a returned or retired one may be proposed again).
@Index('uq_own_handling_outcomes_code', ['tenantId', 'code'], { unique: true, where: "status NOT IN ('RETURNED', 'RETIRED')" })
@Index('uq_own_handling_outcomes_label', ['tenantId', 'label'], { unique: true, where: "status NOT IN ('RETURNED', 'RETIRED')" })
export class OwnHandlingOutcome {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ name: 'behaves_as', type: 'text' }) behavesAs!: HandlingOutcome;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text', default: OwnOutcomeStatus.PENDING }) status!: OwnOutcomeStatus;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  /** The office's reason for retiring it, and who proposed that (a leader approves it as any change). */
  @Column({ name: 'retire_reason', type: 'text', nullable: true }) retireReason!: string | null;
  @Column({ name: 'retire_proposed_by', type: 'uuid', nullable: true }) retireProposedBy!: string | null;
}
