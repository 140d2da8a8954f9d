import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CreditListKind } from '@spotcheck/shared';

export enum CreditEntryStatus {
  /** Proposed by the office (or by a handling decision), waiting for a leader. */
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Ended before its period through an approved 信用修复. */
  REPAIRED = 'REPAIRED',
}

/**
 * One entry of the bureau's 黑名单 or 重点关注名单: the entity (its name and USCC as decided), the
 * reason, the legal basis, the decision date and the period. In force, once approved, from the decision
 * date to `valid_until`; it ends early only through an approved repair request.
 */
@Entity('credit_list_entries')
@Index(['tenantId', 'entityId'])
@Index(['tenantId', 'status', 'list'])
export class CreditListEntry {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ name: 'entity_name', type: 'text' }) entityName!: string;
  @Column({ name: 'entity_uscc', type: 'text' }) entityUscc!: string;
  @Column({ type: 'text' }) list!: CreditListKind;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ name: 'decided_on', type: 'date' }) decidedOn!: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil!: string;
  @Column({ type: 'text', default: CreditEntryStatus.PENDING }) status!: CreditEntryStatus;
  /** The inspection record whose handling decision (纳入信用惩戒) proposed it, if any. */
  @Column({ name: 'source_inspection_id', type: 'uuid', nullable: true }) sourceInspectionId!: string | null;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ name: 'ended_by_repair_id', type: 'uuid', nullable: true }) endedByRepairId!: string | null;
}
