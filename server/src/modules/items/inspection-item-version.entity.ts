import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** One version of an item: what it said, who changed it, when and why. Never changed afterwards. */
@Entity('inspection_item_versions')
@ObjectType({ description: '抽查事项的历史版本' })
export class InspectionItemVersion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Field(() => Int)
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Field(() => GraphQLJSON, { description: '该版本的全部字段' })
  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Field({ description: '变更类型：create / update / publish / withdraw' })
  @Column({ type: 'text' })
  change!: string;

  @Field(() => String, { nullable: true, description: '变更理由' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'changed_by_name', type: 'text', nullable: true })
  changedByName!: string | null;

  @Field()
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
