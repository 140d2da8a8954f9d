import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Region } from '../regions/region.entity';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';

export enum TenantKind {
  PLATFORM = 'PLATFORM',
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  CITY_BUREAU = 'CITY_BUREAU',
  COUNTY_BUREAU = 'COUNTY_BUREAU',
}
registerEnumType(TenantKind, { name: 'TenantKind', description: '平台 / 省厅 / 市局 / 县局' });

export enum TenantStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(TenantStatus, { name: 'TenantStatus' });

/**
 * A bureau (or the platform operator, or a provincial department). Tenants form a tree by GB/T 2260
 * region code; `path` lists the ids from the root down to this tenant so a tenant sees its subtree.
 */
@Entity('tenants')
@ObjectType({ implements: Node, description: '租户：一个局（或省厅、平台运营方）' })
export class Tenant extends Node {
  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field({ description: 'GB/T 2260 行政区划代码' })
  @Index()
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  /** Declares the foreign key to the region table; read the region through the GraphQL field instead. */
  @ManyToOne(() => Region, { createForeignKeyConstraints: true })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_tenants_region' })
  regionRow?: Region;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => TenantKind)
  @Column({ type: 'text' })
  kind!: TenantKind;

  @Field(() => TenantStatus)
  @Column({ type: 'text', default: TenantStatus.ACTIVE })
  status!: TenantStatus;

  @Field(() => String, { nullable: true, description: '对外显示名称' })
  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true, description: '联系方式' })
  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @Field(() => String, { nullable: true, description: '公示页页眉' })
  @Column({ name: 'public_header', type: 'text', nullable: true })
  publicHeader!: string | null;

  @Field(() => String, { nullable: true, description: '公示页页脚' })
  @Column({ name: 'public_footer', type: 'text', nullable: true })
  publicFooter!: string | null;

  /** `/rootId/…/ownId/`: the ids from the root tenant down to this one. */
  @Column({ type: 'text' })
  path!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
