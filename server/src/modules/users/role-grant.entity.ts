import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '@spotcheck/shared';
import { Node } from '../../graphql/node';
import { RoleEnum } from './user.entity';

export enum RoleGrantStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Another change of the same account's roles replaced it before anyone decided. */
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(RoleGrantStatus, { name: 'RoleGrantStatus', description: '待审批 / 已批准 / 已驳回 / 已被新的角色变更取代' });

/**
 * A change of an account's roles that grants OFFICE, LEADER or SUPERVISOR: proposed by the office, held
 * only once a second person approves it (see mayApproveRoleGrant). `roles` is the whole set the account
 * holds after approval; `addedRoles` the ones that needed approval.
 */
@Entity('role_grants')
@Index(['tenantId', 'userId'])
@ObjectType({ implements: Node, description: '待审批的角色授予（四眼原则）' })
export class RoleGrant extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Field({ description: '被授予角色的账号' }) @Column({ type: 'text' }) username!: string;
  @Field(() => [RoleEnum], { description: '批准后该账号持有的全部角色' }) @Column({ type: 'text', array: true }) roles!: Role[];
  @Field(() => [RoleEnum], { description: '须经审批的新增角色' }) @Column({ name: 'added_roles', type: 'text', array: true }) addedRoles!: Role[];
  @Field(() => [RoleEnum], { description: '提出时该账号持有的角色' }) @Column({ name: 'roles_before', type: 'text', array: true }) rolesBefore!: Role[];
  @Field(() => RoleGrantStatus) @Column({ type: 'text', default: RoleGrantStatus.PENDING }) status!: RoleGrantStatus;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true }) proposedBy!: string | null;
  @Field({ description: '提出人' }) @Column({ name: 'proposed_by_name', type: 'text' }) proposedByName!: string;
  @Field(() => GraphQLISODateTime) @Column({ name: 'proposed_at', type: 'timestamptz', default: () => 'now()' }) proposedAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true, description: '审批人' }) @Column({ name: 'decided_by_name', type: 'text', nullable: true }) decidedByName!:
    string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审批意见' }) @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!:
    string | null;
}
