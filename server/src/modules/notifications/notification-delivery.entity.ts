import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * A copy of one notification to go out on one channel, written with the notification in the step's
 * transaction and sent after it commits by the delivery job, which retries it until `attempts` runs out.
 * The in-app notification never depends on it.
 */
@Entity('notification_deliveries')
@Index('idx_notification_deliveries_due', ['tenantId', 'nextAttemptAt'], { where: `status = 'PENDING'` })
export class NotificationDelivery {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'notification_id', type: 'uuid' }) notificationId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text', default: 'PENDING' }) status!: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
