import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

/** A declared conflict of interest: the inspector is never drawn for the entity during the period (回避). */
@Entity('recusals')
@Index(['tenantId', 'inspectorId'])
@Index(['tenantId', 'entityId'])
@ObjectType({ implements: Node, description: '回避声明' })
export class Recusal extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Column({ name: 'inspector_id', type: 'uuid' }) inspectorId!: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;

  @Field({ description: '回避理由' }) @Column({ type: 'text' }) reason!: string;
  @Field() @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
