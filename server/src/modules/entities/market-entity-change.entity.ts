import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** The change history of an entity: each version's before and after, by hand or by an import. */
@Entity('market_entity_changes')
@ObjectType({ description: '检查对象变更记录' })
export class MarketEntityChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Field(() => Int) @PrimaryColumn({ type: 'integer' }) version!: number;

  @Field(() => GraphQLJSON, { nullable: true }) @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSON) @Column({ type: 'jsonb' }) after!: Record<string, unknown>;

  @Field({ description: 'MANUAL 或 IMPORT' }) @Column({ type: 'text' }) source!: string;
  @Column({ name: 'import_job_id', type: 'uuid', nullable: true }) importJobId!: string | null;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Field() @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}
