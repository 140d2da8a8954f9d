import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RuleSet } from '@spotcheck/shared';

/** One version of a bureau's rules (细则). Versions are never changed; a draw records the one it used. */
@Entity('rule_sets')
@ObjectType('RuleSetVersion', { description: '规则版本' })
export class RuleSetVersion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Field(() => GraphQLJSON)
  @Column({ type: 'jsonb' })
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
