import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

/** A department of a bureau (科室/股室); the leading-group office is marked `isOffice`. */
@Entity('departments')
@ObjectType({ implements: Node, description: '检查部门（科室/股室）' })
export class Department extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: '是否为领导小组办公室' })
  @Column({ name: 'is_office', type: 'boolean', default: false })
  isOffice!: boolean;

  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
