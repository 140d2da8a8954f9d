import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RuleSet } from '@spotcheck/shared';

export enum RuleProposalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RuleProposalStatus, { name: 'RuleProposalStatus', description: '待审定 / 已审定生效 / 已退回' });

/** A change of the bureau's rules proposed by the office, in force only once a leader approves it. */
@Entity('rule_proposals')
@ObjectType('RuleProposal', { description: '细则修改提议' })
export class RuleProposal {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Field(() => GraphQLJSON, { description: '提议的完整细则' })
  @Column({ type: 'jsonb' })
  rules!: RuleSet;

  @Field({ description: '修改理由' }) @Column({ type: 'text' }) reason!: string;
  @Field(() => RuleProposalStatus) @Column({ type: 'text', default: RuleProposalStatus.PENDING }) status!: RuleProposalStatus;
  @Field(() => Int, { description: '提议所依据的现行版本' }) @Column({ name: 'base_version', type: 'integer' }) baseVersion!: number;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @Field() @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审定意见' }) @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!:
    string | null;
  @Field(() => Int, { nullable: true, description: '审定后生效的版本号' })
  @Column({ name: 'approved_version', type: 'integer', nullable: true })
  approvedVersion!: number | null;
}
