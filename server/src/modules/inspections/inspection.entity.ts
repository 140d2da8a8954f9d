import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Handling, InspectionState } from '@spotcheck/shared';
import { Node } from '../../graphql/node';

export enum InspectionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  REVIEWED = 'REVIEWED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(InspectionStatus, { name: 'InspectionStatus', description: '草稿 / 待部门审核 / 已退回 / 待领导审批 / 待公示 / 已公示' });
// The enum and the shared workflow name the same states.
const _sameStates: Record<InspectionState, InspectionStatus> = InspectionStatus;
void _sameStates;

/**
 * 检查记录: one drawn entity's inspection by its team. Created when the team (or the office) first opens
 * it, from a selection of the bureau's own draw or, for a joint task's participant, from what the lead's
 * draw gave its part (then `drawId`/`seq` name the lead's draw and `participationId` the part).
 */
@Entity('inspections')
// The portal's published results in their order, by bureau, by USCC, by name bigrams and by item: migration PortalResultIndexes.
@Index('idx_inspections_published_order', { synchronize: false })
@Index('idx_inspections_published_tenant_order', { synchronize: false })
@Index('idx_inspections_published_uscc', { synchronize: false })
@Index('idx_inspections_published_name_bigrams', { synchronize: false })
@Index('idx_inspections_published_items', { synchronize: false })
@Index(['tenantId', 'drawId', 'seq'])
@Index(['tenantId', 'taskId'])
@Index(['tenantId', 'status'])
@Index(['tenantId', 'entityId'])
@ObjectType({ implements: Node, description: '检查记录' })
export class Inspection extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Column({ name: 'draw_id', type: 'uuid' }) drawId!: string;
  @Field(() => Int, { description: '摇号顺序' }) @Column({ type: 'integer' }) seq!: number;
  /** The task of the bureau's own draw; null for a joint task's participant (the task is the lead's). */
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column({ name: 'participation_id', type: 'uuid', nullable: true }) participationId!: string | null;
  @Column({ name: 'entity_id', type: 'uuid', nullable: true }) entityId!: string | null;
  @Field({ description: '统一社会信用代码' }) @Column({ name: 'entity_uscc', type: 'text' }) entityUscc!: string;
  @Field({ description: '检查对象名称' }) @Column({ name: 'entity_name', type: 'text' }) entityName!: string;
  @Column({ name: 'item_ids', type: 'uuid', array: true }) itemIds!: string[];
  @Column({ name: 'team_ids', type: 'uuid', array: true }) teamIds!: string[];

  @Field(() => InspectionStatus) @Column({ type: 'text', default: InspectionStatus.DRAFT }) status!: InspectionStatus;
  @Field(() => String, { nullable: true, description: '检查日期 YYYY-MM-DD' }) @Column({ name: 'inspected_on', type: 'date', nullable: true }) inspectedOn!:
    string | null;
  @Field(() => String, { nullable: true, description: '检查地点' }) @Column({ type: 'text', nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true, description: '现场检查情况' }) @Column({ name: 'site_conditions', type: 'text', nullable: true }) siteConditions!:
    string | null;
  @Field(() => String, { nullable: true, description: '发现的问题' }) @Column({ type: 'text', nullable: true }) findings!: string | null;
  @Column({ name: 'result_category', type: 'text', nullable: true }) resultCategory!: string | null;
  @Field(() => String, { nullable: true, description: '询问（谈话）记录' }) @Column({ name: 'interview_notes', type: 'text', nullable: true }) interviewNotes!:
    string | null;
  /** SHA-256 of the confirmed content (shared `inspectionContentText`). */
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;

  /** Given to the entity so that it can read its record and object, without an account. */
  @Column({ name: 'access_code', type: 'text' }) accessCode!: string;
  @Index() @Column({ name: 'access_code_hash', type: 'text' }) accessCodeHash!: string;

  @Field(() => String, { nullable: true, description: '报告截止日' }) @Column({ name: 'report_due_on', type: 'date', nullable: true }) reportDueOn!:
    string | null;
  @Field({ description: '报告截止日依据的日历尚未公布（暂定）' })
  @Column({ name: 'report_due_provisional', type: 'boolean', default: false })
  reportDueProvisional!: boolean;
  @Field(() => String, { nullable: true, description: '公示截止日' }) @Column({ name: 'publication_due_on', type: 'date', nullable: true }) publicationDueOn!:
    string | null;
  @Field({ description: '公示截止日暂定' })
  @Column({ name: 'publication_due_provisional', type: 'boolean', default: false })
  publicationDueProvisional!: boolean;

  @Field(() => String, { nullable: true, description: '部门审核截止日（报告提交后 N 个工作日）' })
  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn!: string | null;
  @Field(() => String, { nullable: true, description: '领导审批截止日（审核截止后 N 个工作日）' })
  @Column({ name: 'approval_due_on', type: 'date', nullable: true })
  approvalDueOn!: string | null;
  /** Set once, at the first submission, and never reset: how many working days after its due date the report came. */
  @Field(() => Int, { nullable: true, description: '报告逾期提交的工作日数（0 为按期；首次提交时确定，永久保留）' })
  @Column({ name: 'reported_late_days', type: 'integer', nullable: true })
  reportedLateDays!: number | null;
  @Field(() => Int, { nullable: true, description: '逾期公示的工作日数（0 为按期；公示时确定，永久保留）' })
  @Column({ name: 'published_late_days', type: 'integer', nullable: true })
  publishedLateDays!: number | null;

  @Field(() => Date, { nullable: true }) @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  /** A correction is a new record; the published original keeps its text and points to it. */
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true }) correctsId!: string | null;
  @Column({ name: 'corrected_by_id', type: 'uuid', nullable: true }) correctedById!: string | null;
  @Field(() => String, { nullable: true, description: '更正理由' }) @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason!:
    string | null;
  /** 处理建议, then (once approved) 处理决定: the handling module reads and changes it. */
  @Column({ type: 'jsonb', nullable: true }) handling!: Handling | null;
  /** Each change of the handling by the head's review or the leader's approval, oldest first. */
  @Column({ name: 'handling_changes', type: 'jsonb', default: () => "'[]'" }) handlingChanges!: HandlingChange[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One change of a record's handling: who changed it, in which step, from what to what. */
export interface HandlingChange {
  at: string;
  action: string;
  userId: string;
  userName: string;
  before: Handling | null;
  after: Handling;
}
