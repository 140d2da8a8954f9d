import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../graphql/node';

/**
 * One entry of a tenant's append-only audit chain. `hash` covers the event's content and the
 * previous event's hash, so editing or deleting any row breaks every hash after it.
 */
@Entity('audit_events')
@Index(['tenantId', 'id'], { unique: true })
@ObjectType({ implements: Node, description: '审计留痕事件' })
export class AuditEvent extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => Int, { description: '本租户链上的序号，从 1 开始' })
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Column({ type: 'uuid' })
  declare id: string;

  @Field()
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  @Field({ description: '动作，如 auth.login' })
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_type', type: 'text', nullable: true })
  objectType!: string | null;

  @Field(() => String, { nullable: true, description: '对象的全局 id' })
  @Column({ name: 'object_id', type: 'text', nullable: true })
  objectId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Field()
  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Field()
  @Column({ type: 'text' })
  hash!: string;
}
