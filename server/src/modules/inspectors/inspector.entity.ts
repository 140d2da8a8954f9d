import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

export enum Establishment {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  INSTITUTIONAL = 'INSTITUTIONAL',
}
registerEnumType(Establishment, { name: 'Establishment', description: '行政编制 / 事业编制' });

export enum InspectorStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LEFT = 'LEFT',
}
registerEnumType(InspectorStatus, { name: 'InspectorStatus', description: '在岗 / 暂停执法 / 调离' });

/** An entry of the 执法检查人员名录库. Only active inspectors with a valid certificate are drawable. */
@Entity('inspectors')
@Index(['tenantId', 'certificateNo'], { unique: true })
@ObjectType({ implements: Node, description: '执法检查人员' })
export class Inspector extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  /** 属地: the region (GB/T 2260, inside the bureau's area) the inspector belongs to, for “same region” recusal. */
  @Field(() => String, { nullable: true, description: '属地（所在行政区划代码），用于同一区域回避' })
  @Column({ name: 'region_code', type: 'varchar', length: 6, nullable: true })
  regionCode!: string | null;

  @Field() @Column({ type: 'text' }) name!: string;

  @Field(() => Gender) @Column({ type: 'text' }) gender!: Gender;

  @Field({ description: '执法岗位' }) @Column({ type: 'text' }) post!: string;

  @Field(() => [String], { description: '执法类别' })
  @Column({ name: 'enforcement_categories', type: 'text', array: true, default: () => "'{}'" })
  enforcementCategories!: string[];

  @Field({ description: '执法证号' }) @Column({ name: 'certificate_no', type: 'text' }) certificateNo!: string;

  @Field({ description: '执法证有效期起（YYYY-MM-DD）' })
  @Column({ name: 'certificate_valid_from', type: 'date' })
  certificateValidFrom!: string;

  @Field({ description: '执法证有效期止（YYYY-MM-DD）' })
  @Column({ name: 'certificate_valid_to', type: 'date' })
  certificateValidTo!: string;

  @Field(() => Establishment) @Column({ type: 'text' }) establishment!: Establishment;

  @Field(() => [String], { description: '专长' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  specialties!: string[];

  @Field(() => InspectorStatus) @Column({ type: 'text', default: InspectorStatus.ACTIVE }) status!: InspectorStatus;

  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
