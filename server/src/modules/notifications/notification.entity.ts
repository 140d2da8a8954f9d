import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

/** A message in one user's in-app inbox: deadline reminders, overdue notices, whatever a module sends. */
@Entity('notifications')
@Index(['tenantId', 'userId', 'createdAt'])
@Index('idx_notifications_unread', ['tenantId', 'userId'], { where: 'read_at IS NULL' })
// A repeated notify() with the same dedupe key gives the user nothing new (NULL keys never collide).
@Index('uq_notifications_dedupe', ['tenantId', 'userId', 'dedupeKey'], { unique: true })
@ObjectType({ implements: Node, description: '站内通知' })
export class Notification extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;

  @Field({ description: '通知类别，如 DEADLINE_REMINDER（即将到期）、DEADLINE_OVERDUE（已逾期）' })
  @Column({ type: 'text' })
  kind!: string;

  @Field() @Column({ type: 'text' }) title!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) body!: string | null;
  @Field(() => String, { nullable: true, description: '网页端内的路径，如 /tasks/…' })
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey!: string | null;

  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;

  @Field({ description: '是否已读' })
  get read(): boolean {
    return this.readAt !== null;
  }
}
