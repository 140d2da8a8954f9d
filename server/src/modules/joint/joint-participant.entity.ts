import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';

export enum JointStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(JointStatus, { name: 'JointStatus', description: '待答复 / 已接受 / 已谢绝 / 已撤回' });

/**
 * A department's part in a joint task (联合抽查). The row belongs to the participant's tenant (its items,
 * its inspectors) and names the lead's task; the row-level policy lets both the participant and the lead
 * see it, nobody else.
 */
@Entity('joint_participants')
@Unique(['tenantId', 'taskId', 'departmentId'])
@Index(['leadTenantId', 'taskId'])
@ObjectType({ implements: Node, description: '联合抽查的参与部门' })
export class JointParticipation extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Column({ name: 'lead_tenant_id', type: 'uuid' }) leadTenantId!: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Field(() => JointStatus) @Column({ type: 'text', default: JointStatus.INVITED }) status!: JointStatus;
  @Field(() => String, { nullable: true, description: '邀请说明' }) @Column({ type: 'text', nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true, description: '答复意见' }) @Column({ name: 'response_note', type: 'text', nullable: true }) responseNote!:
    string | null;
  /** The participant's own items that this joint task inspects. */
  @Column({ name: 'item_ids', type: 'uuid', array: true, default: () => "'{}'" }) itemIds!: string[];
  /** The participant's own inspectors that join the draw. */
  @Column({ name: 'inspector_ids', type: 'uuid', array: true, default: () => "'{}'" }) inspectorIds!: string[];
  /** The lead's task items the participant's part applies to; empty means all of them. */
  @Column({ name: 'lead_item_ids', type: 'uuid', array: true, default: () => "'{}'" }) leadItemIds!: string[];
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy!: string | null;
  @Column({ name: 'responded_by', type: 'uuid', nullable: true }) respondedBy!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
