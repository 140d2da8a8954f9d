import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RuleBounds } from '@spotcheck/shared';

/** A province's bounds for the rules of the bureaus below it (one row per provincial department). */
@Entity('rule_bounds')
@ObjectType('RuleBounds', { description: '省级对下级单位细则设定的范围' })
export class RuleBoundsRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Field(() => GraphQLJSON, { description: 'ratio.floor/ceiling, roundsPerYear.min/max, maxDrawsPerEntityPerYear' })
  @Column({ type: 'jsonb' })
  bounds!: RuleBounds;
  @Field(() => String, { nullable: true, description: '设定理由' }) @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
