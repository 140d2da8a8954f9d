import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 信用记录: one per published inspection record of an entity of the bureau's directory, written in the
 * transaction that publishes it. Append-only; the one change is the link a published correction sets
 * when it supersedes the original's record.
 */
@Entity('credit_records')
@Index(['tenantId', 'entityId'])
@Index(['tenantId', 'inspectionId'], { unique: true })
@Index(['tenantId', 'publishedAt'])
export class CreditRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  /** The result code as published (`CORRECTED`, `custom:<id>`). */
  @Column({ name: 'result_category', type: 'text' }) resultCategory!: string;
  /** Whether the category counted as a problem when the result was published. */
  @Column({ type: 'boolean' }) problem!: boolean;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true }) supersededById!: string | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
