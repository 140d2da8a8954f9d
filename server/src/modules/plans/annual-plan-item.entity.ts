import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { formatRatio } from '@spotcheck/shared';

/** One item of a plan, with the ratio and the number of rounds planned for it. */
@Entity('annual_plan_items')
@ObjectType({ description: '计划中的抽查事项' })
export class AnnualPlanItem {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;

  @Field({ description: '计划抽查比例' })
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: { to: (v: string) => v, from: (v: string | null) => (v == null ? v : formatRatio(v)) } })
  ratio!: string;

  @Field(() => Int, { description: '该事项全年轮次' }) @Column({ type: 'integer' }) rounds!: number;
}
