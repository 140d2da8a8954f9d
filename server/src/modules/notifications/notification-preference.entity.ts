import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One user's choice for one group of notification kinds on one outbound channel. In-app notifications are
 * always on; without a row nothing goes out on that channel.
 */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'kind_group', type: 'text' }) kindGroup!: string;
  @PrimaryColumn({ type: 'text' }) channel!: string;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
