import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { withRuleDefaults, type RuleSet } from '@spotcheck/shared';

/** One version of a bureau's rules (细则). Versions are never changed; a draw records the one it used. */
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

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
