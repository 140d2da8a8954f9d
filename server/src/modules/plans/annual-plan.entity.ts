import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../graphql/node';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  /** A published version replaced by the publication of a later one: kept, readable, no longer in force. */
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus', description: '草稿 / 待审批 / 已退回 / 已批准 / 已公布 / 已被新版本替代' });

export interface PlanRound {
  round: number;
  from: string;
  to: string;
}

/** 年度抽查计划: what will be inspected this year, how much, how often and when. */
@Entity('annual_plans')
@Index(['tenantId', 'year'])
@Index('annual_plans_year_version', ['tenantId', 'year', 'version'], { unique: true })
@Index('annual_plans_one_published', ['tenantId', 'year'], { unique: true, where: "status = 'PUBLISHED'" })
@ObjectType({ implements: Node, description: '年度抽查计划' })
export class AnnualPlan extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Field(() => Int) @Column({ type: 'integer' }) year!: number;
  @Field(() => Int, { description: '版本：1 为原计划，之后每次调整为一个新版本' }) @Column({ type: 'integer', default: 1 }) version!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '被新版本替代的时间' })
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
  @Field() @Column({ type: 'text' }) title!: string;
  @Field({ description: '抽查范围' }) @Column({ type: 'text' }) scope!: string;
  @Field(() => String, { nullable: true, description: '检查人员要求' })
  @Column({ name: 'inspector_requirements', type: 'text', nullable: true })
  inspectorRequirements!: string | null;
  @Field(() => Int, { description: '全年抽查轮次' }) @Column({ type: 'integer' }) rounds!: number;
  @Field(() => GraphQLJSON, { description: '各轮时间安排：[{ round, from, to }]' }) @Column({ type: 'jsonb' }) schedule!: PlanRound[];
  @Field(() => PlanStatus) @Column({ type: 'text', default: PlanStatus.DRAFT }) status!: PlanStatus;
  @Field(() => Int, { description: '校验所依据的细则版本' }) @Column({ name: 'rule_version', type: 'integer' }) ruleVersion!: number;
  @Field(() => String, { nullable: true, description: '退回意见或审批意见' }) @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!:
    string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
