import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../graphql/node';

export enum ListKind {
  ITEMS = 'ITEMS',
  ENTITIES = 'ENTITIES',
  INSPECTORS = 'INSPECTORS',
}
registerEnumType(ListKind, { name: 'ListKind', description: '随机抽查事项清单 / 检查对象名录库 / 执法检查人员名录库' });

export enum ListPublicationStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(ListPublicationStatus, { name: 'ListPublicationStatus', description: '待审议 / 审议通过并公布 / 退回' });

/**
 * The office's submission of the list or a directory to the leader (局长办公会审议, 实施细则第七条) and
 * the leader's decision; an approved one is published. For the item list `contents` names each
 * item's version submitted, for a directory its counts at submission.
 */
@Entity('list_publications')
@Index('ux_list_publications_open', ['tenantId', 'kind'], { unique: true, where: "status = 'SUBMITTED'" })
@ObjectType({ implements: Node, description: '清单、名录的报审与公布' })
export class ListPublication extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Field(() => ListKind) @Column({ type: 'text' }) kind!: ListKind;
  @Field(() => ListPublicationStatus) @Column({ type: 'text', default: ListPublicationStatus.SUBMITTED }) status!: ListPublicationStatus;
  @Field(() => String, { nullable: true, description: '报审说明' }) @Column({ type: 'text', nullable: true }) note!: string | null;
  @Field(() => GraphQLJSON, { description: '报审内容：事项清单为各事项的版本，名录为条数' }) @Column({ type: 'jsonb' }) contents!: Record<string, unknown>;

  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy!: string;
  @Field({ description: '报审人' }) @Column({ name: 'submitted_by_name', type: 'text' }) submittedByName!: string;
  @Field() @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true, description: '审议人（局领导）' }) @Column({ name: 'decided_by_name', type: 'text', nullable: true }) decidedByName!:
    string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审议意见，如“局长办公会 2026 年第 3 次会议审议通过”' })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;
}
