import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { formatRatio } from '@spotcheck/shared';
import { Node } from '../../graphql/node';

export enum ItemCategory {
  GENERAL = 'GENERAL',
  KEY = 'KEY',
}
registerEnumType(ItemCategory, { name: 'ItemCategory', description: '一般检查事项 / 重点检查事项' });

export enum ItemStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ItemStatus, { name: 'ItemStatus', description: '草稿 / 已公布 / 已撤回' });

/** An entry of a department's 随机抽查事项清单; every change is kept as a version. */
@Entity('inspection_items')
@Index(['tenantId', 'departmentId'])
@ObjectType({ implements: Node, description: '随机抽查事项' })
export class InspectionItem extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Field(() => Int, { description: '当前版本号' })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Field({ description: '抽查事项名称' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: '抽查依据' })
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  @Field(() => String, { nullable: true, description: '检查内容（实施细则第六条）；新增事项和提交审议时必填' })
  @Column({ type: 'text', nullable: true })
  content!: string | null;

  @Field({ description: '检查主体' })
  @Column({ name: 'inspecting_body', type: 'text' })
  inspectingBody!: string;

  @Field(() => ItemCategory, { description: '事项类别' })
  @Column({ type: 'text' })
  category!: ItemCategory;

  @Field({ description: '检查对象' })
  @Column({ name: 'target_type', type: 'text' })
  targetType!: string;

  @Field({ description: '最低抽查比例，精确小数，如 0.10 表示“不低于10%”' })
  @Column({
    name: 'min_ratio',
    type: 'numeric',
    precision: 5,
    scale: 4,
    transformer: { to: (v: string) => v, from: (v: string | null) => (v == null ? v : formatRatio(v)) },
  })
  minRatio!: string;

  @Field(() => Int, { description: '在清单中的序号' })
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Field(() => Int, { description: '抽查频次/年' })
  @Column({ name: 'frequency_per_year', type: 'integer' })
  frequencyPerYear!: number;

  @Field(() => [String], { description: '检查方式' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  methods!: string[];

  @Field(() => String, { nullable: true, description: '备注' })
  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  @Field(() => Int, { nullable: true, description: '局领导审议通过、向社会公布的版本；公示清单显示该版本' })
  @Column({ name: 'published_version', type: 'integer', nullable: true })
  publishedVersion!: number | null;

  @Field(() => ItemStatus)
  @Column({ type: 'text', default: ItemStatus.DRAFT })
  status!: ItemStatus;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
