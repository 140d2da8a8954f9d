import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the deadline sweep has already announced: one row per (item, kind, due moment). Inserting the
 * row is the claim, so a reminder or an overdue notice goes out once however often the sweep runs,
 * and on however many servers. A deadline that moves is a new deadline and is announced again.
 */
@Entity('deadline_notices')
export class DeadlineNotice {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @PrimaryColumn({ type: 'text' }) kind!: string;
  @PrimaryColumn({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;

  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'integer' }) recipients!: number;
  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
}
