import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { withRuleDefaults, type RuleSet } from '@spotcheck/shared';

/**
 * One approved version of a bureau's rules (细则): only a leader's approval of a proposal adds one, and
 * the latest is the one in force. Versions are never changed; plans, tasks and draws record the one they used.
 */
@Entity('rule_sets')
@ObjectType('RuleSetVersion', { description: '规则版本' })
export class RuleSetVersion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** Read with the defaults of sections added after the version was saved (versions are never rewritten). */
  @Field(() => GraphQLJSON)
  @Column({ type: 'jsonb', transformer: { from: (v: RuleSet | null) => (v ? withRuleDefaults(v) : v), to: (v: RuleSet) => v } })
  rules!: RuleSet;

  @Field(() => String, { nullable: true, description: '修改理由' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Who proposed the change (the office); null for the seeded and template versions. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** The leader whose approval made this version current (领导小组审定); null for version 1. */
  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Field(() => Date, { nullable: true, description: '审定时间（自审定起生效）' })
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
