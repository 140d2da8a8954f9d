import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RestrictableRiskClass } from '@spotcheck/shared';
import { Node } from '../../graphql/node';

export enum TaskStatus {
  DRAFT = 'DRAFT',
  /** The eligible pool is frozen and its hash and the server seed's commitment are published. */
  COMMITTED = 'COMMITTED',
  /** Drawn and the server seed revealed. */
  DRAWN = 'DRAWN',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus', description: '草稿 / 已封存名单待摇号 / 已摇号 / 已取消' });

export enum TaskKind {
  /** 双随机抽查: a round of the bureau's published annual plan. */
  PLANNED = 'PLANNED',
  /** 专项检查 outside the plan (complaints, referrals): a reason and the leader's approval. */
  SPECIAL = 'SPECIAL',
}
registerEnumType(TaskKind, { name: 'TaskKind', description: '年度计划内的双随机抽查 / 计划外的专项检查' });

/** Which entities a task may draw from, beyond each item's own target type. */
export interface TargetFilter {
  targetTypes?: string[];
  regionCodes?: string[];
  industries?: string[];
  statuses?: string[];
  /** 风险分类监管: only entities of these risk classes (riskClassOf under the rules in force); a round of them only. */
  riskClasses?: RestrictableRiskClass[];
}

/** Which inspectors a task may draw from; certificates must be valid on every inspection day. */
export interface InspectorFilter {
  departmentIds?: string[];
  categories?: string[];
}

/** 抽查任务 and its 实施方案: items, time, purpose, procedure, division of labour, numbers, confidentiality. */
@Entity('tasks')
@Index(['tenantId', 'planId'])
@ObjectType({ implements: Node, description: '抽查任务（含实施方案）' })
export class Task extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Field(() => TaskKind) @Column({ type: 'text', default: TaskKind.PLANNED }) kind!: TaskKind;
  /** The version of the annual plan the task was made under (a later amendment does not move it). */
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId!: string | null;
  @Field(() => String, { nullable: true, description: '专项检查的事由，或检查期已开始、已结束仍须办理的理由' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
  @Field({ description: '须经分管领导批准后才能封存名单（专项检查，或检查期已开始、已结束）' })
  @Column({ name: 'needs_leader_approval', type: 'boolean', default: false })
  needsLeaderApproval!: boolean;
  @Column({ name: 'leader_approved_by', type: 'uuid', nullable: true }) leaderApprovedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '分管领导批准时间' })
  @Column({ name: 'leader_approved_at', type: 'timestamptz', nullable: true })
  leaderApprovedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '分管领导的批准意见' })
  @Column({ name: 'leader_comment', type: 'text', nullable: true })
  leaderComment!: string | null;
  @Field(() => Int, { nullable: true, description: '年度计划中的轮次' }) @Column({ type: 'integer', nullable: true }) round!: number | null;
  @Field() @Column({ type: 'text' }) title!: string;
  @Field({ description: '检查目的' }) @Column({ type: 'text' }) purpose!: string;
  @Field({ description: '检查程序' }) @Column({ type: 'text' }) procedure!: string;
  @Field({ description: '工作分工' }) @Column({ name: 'division_of_labour', type: 'text' }) divisionOfLabour!: string;
  @Field({ description: '保密要求' }) @Column({ type: 'text' }) confidentiality!: string;
  @Field({ description: '检查开始日期 YYYY-MM-DD' }) @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Field({ description: '检查结束日期 YYYY-MM-DD' }) @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Field(() => Int, { description: '每组执法人员人数' }) @Column({ name: 'team_size', type: 'integer' }) teamSize!: number;
  @Field(() => GraphQLJSON, { description: '检查对象筛选：targetTypes, regionCodes, industries, statuses, riskClasses' })
  @Column({ name: 'target_filter', type: 'jsonb', default: () => "'{}'" })
  targetFilter!: TargetFilter;
  @Field(() => GraphQLJSON, { description: '执法人员筛选：departmentIds, categories' })
  @Column({ name: 'inspector_filter', type: 'jsonb', default: () => "'{}'" })
  inspectorFilter!: InspectorFilter;
  @Field({ description: '是否为联合抽查任务（本单位牵头）' }) @Column({ type: 'boolean', default: false }) joint!: boolean;
  /** The lead department of a joint task: its inspectors form the lead's group in every team. */
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true }) leadDepartmentId!: string | null;
  @Field(() => TaskStatus) @Column({ type: 'text', default: TaskStatus.DRAFT }) status!: TaskStatus;
  @Field(() => Int, { nullable: true, description: '校验所依据的细则版本' }) @Column({ name: 'rule_version', type: 'integer', nullable: true }) ruleVersion!:
    number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
