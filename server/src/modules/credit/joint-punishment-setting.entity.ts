import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A province's 联合惩戒 setting (one row per provincial department that set it). */
@Entity('joint_punishment_settings')
export class JointPunishmentSetting {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ type: 'numeric', precision: 8, scale: 4 }) weight!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
