import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum StatementKind {
  STATEMENT = 'STATEMENT',
  OBJECTION = 'OBJECTION',
}

/**
 * 陈述申辩: what the entity says about its record, through the access code and without an account; the
 * team's answer and, where the team says so, the re-check. A draft (`submitted_at` null) collects the
 * attachments; once submitted the entity's words never change, and the answer and re-check are given once.
 */
@Entity('inspection_statements')
@Index(['tenantId', 'inspectionId'])
export class InspectionStatement {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Column({ type: 'text' }) kind!: StatementKind;
  @Column({ type: 'text', default: '' }) body!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  /** Submitted after the record's report was due: still accepted (the deadline binds the inspectors, not the entity). */
  @Column({ name: 'after_report_due', type: 'boolean', default: false }) afterReportDue!: boolean;
  /** Submitted after the record was published: flagged for the office, which may open a correction. */
  @Column({ name: 'after_publication', type: 'boolean', default: false }) afterPublication!: boolean;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'answered_by_name', type: 'text', nullable: true }) answeredByName!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'recheck_required', type: 'boolean', default: false }) recheckRequired!: boolean;
  @Column({ name: 'recheck_result', type: 'text', nullable: true }) recheckResult!: string | null;
  @Column({ name: 'rechecked_by', type: 'uuid', nullable: true }) recheckedBy!: string | null;
  @Column({ name: 'rechecked_at', type: 'timestamptz', nullable: true }) recheckedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
