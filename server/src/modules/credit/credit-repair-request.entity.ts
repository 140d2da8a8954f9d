import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum CreditRepairStatus {
  /** Asked by the entity, waiting for the office. */
  SUBMITTED = 'SUBMITTED',
  /** The office grants it; waiting for a leader's approval. */
  GRANTED = 'GRANTED',
  /** The office refuses it (final; the entity may ask again). */
  REFUSED = 'REFUSED',
  /** A leader approved the office's grant: the entry ended. */
  APPROVED = 'APPROVED',
  /** A leader did not approve the grant (final; the entity may ask again). */
  RETURNED = 'RETURNED',
}

/** 信用修复: the entity's request (through its access code) to end an entry early, and its decision. */
@Entity('credit_repair_requests')
@Index(['tenantId', 'entryId'])
export class CreditRepairRequest {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  /** The record whose access code the entity used. */
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ type: 'text' }) reasons!: string;
  @Column({ type: 'text', default: CreditRepairStatus.SUBMITTED }) status!: CreditRepairStatus;
  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
}
