import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { CreditStatus } from '../credit/credit-status.enum';
import { Department } from '../departments/department.entity';

export enum EntityStatus {
  EXISTING = 'EXISTING',
  OPERATING = 'OPERATING',
  CANCELLED = 'CANCELLED',
  REVOKED = 'REVOKED',
  WITHDRAWN = 'WITHDRAWN',
  MOVED_OUT = 'MOVED_OUT',
  CLOSED = 'CLOSED',
}
registerEnumType(EntityStatus, { name: 'EntityStatus', description: '存续 / 在业 / 注销 / 吊销 / 撤销 / 迁出 / 停业' });

export enum CreditClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(CreditClass, { name: 'CreditClass' });

export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(RiskLevel, { name: 'RiskLevel' });

export enum EntityKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: '单位（有统一社会信用代码） / 自然人（以身份证号识别）' });

/**
 * Entries that lack what 实施细则第六条 requires of the 名录 (登记机关、法定代表人、地址; a natural person
 * has no 登记机关 or 法定代表人, only the address): kept, listed for completion.
 */
export const INCOMPLETE_ENTITY_SQL = (alias: string) =>
  `(${alias}.address IS NULL OR (${alias}.kind = 'ORGANIZATION' AND (${alias}.registration_authority IS NULL OR ${alias}.legal_representative IS NULL)))`;

/** An entry of the 检查对象名录库, unique by key within a bureau: the USCC, or a natural person's `P:` key. */
@Entity('market_entities')
@Index(['tenantId', 'uscc'], { unique: true })
@Index('idx_market_entities_supervising_department', ['tenantId', 'supervisingDepartmentId'], { where: 'supervising_department_id IS NOT NULL' })
@Index('idx_market_entities_credit_flagged', ['tenantId'], { where: "credit_status <> 'NORMAL'" })
@Index('idx_market_entities_incomplete', ['tenantId'], {
  where: "address IS NULL OR (kind = 'ORGANIZATION' AND (registration_authority IS NULL OR legal_representative IS NULL))",
})
// An import looks up the bureau's natural persons by key once (imports/entity-import.ts).
@Index('idx_market_entities_persons', ['tenantId'], { where: "kind = 'PERSON'" })
// The name's bigrams (GIN) and the portal's order (expressions TypeORM cannot declare): migration ListIndexes.
@Index('idx_market_entities_name_bigrams', { synchronize: false })
@Index('idx_market_entities_public_order', { synchronize: false })
@ObjectType({ implements: Node, description: '检查对象（市场主体或自然人）' })
export class MarketEntity extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Field() @Column({ type: 'text' }) name!: string;

  @Field(() => EntityKind, { description: '单位或自然人' })
  @Column({ type: 'text', default: EntityKind.ORGANIZATION })
  kind!: EntityKind;

  /**
   * The entity's key: the USCC of an organization; for a natural person `P:` and a keyed hash of the ID
   * number (security/id-numbers.ts), which is what the draw, the selections and the record carry.
   */
  @Field({ description: '统一社会信用代码；自然人为以 P: 开头的匿名标识（由身份证号加密散列得出）' })
  @Column({ type: 'varchar', length: 18 })
  uscc!: string;

  @Field(() => String, { nullable: true, description: '自然人的身份证号（脱敏，仅保留前 4 位和后 4 位）；身份证号本身不保存' })
  @Column({ name: 'id_number_masked', type: 'varchar', length: 18, nullable: true })
  idNumberMasked!: string | null;

  @Field({ description: '校验码不符但经人工确认' })
  @Column({ name: 'uscc_checksum_override', type: 'boolean', default: false })
  usccChecksumOverride!: boolean;

  @Field(() => String, { nullable: true, description: '登记机关' })
  @Column({ name: 'registration_authority', type: 'text', nullable: true })
  registrationAuthority!: string | null;

  @Field(() => String, { nullable: true, description: '法定代表人' })
  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative!: string | null;

  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) address!: string | null;

  @Field({ description: '所在行政区划代码' }) @Column({ name: 'region_code', type: 'varchar', length: 6 }) regionCode!: string;

  @Field(() => String, { nullable: true, description: '行业' }) @Column({ type: 'text', nullable: true }) industry!: string | null;

  @Field(() => String, { nullable: true, description: '检查对象类型' })
  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType!: string | null;

  @Field(() => EntityStatus) @Column({ type: 'text', default: EntityStatus.EXISTING }) status!: EntityStatus;

  @Field(() => CreditClass, { nullable: true }) @Column({ name: 'credit_class', type: 'text', nullable: true }) creditClass!: CreditClass | null;

  @Field(() => RiskLevel, { nullable: true }) @Column({ name: 'risk_level', type: 'text', nullable: true }) riskLevel!: RiskLevel | null;

  /** The department (科室/股室) that supervises the entity day to day: “same department” recusal. */
  @Column({ name: 'supervising_department_id', type: 'uuid', nullable: true })
  supervisingDepartmentId!: string | null;

  /** Declares the foreign key to a department of the same bureau; read it through the GraphQL field instead. */
  @ManyToOne(() => Department, { createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_market_entities_supervising_department' },
    { name: 'supervising_department_id', referencedColumnName: 'id' },
  ])
  supervisingDepartmentRow?: Department;

  @Field(() => Int, { description: '投诉举报次数' }) @Column({ type: 'integer', default: 0 }) complaints!: number;

  @Field(() => String, { nullable: true, description: '违法违规记录' })
  @Column({ name: 'violation_record', type: 'text', nullable: true })
  violationRecord!: string | null;

  /**
   * Kept by the credit loop (`modules/credit/credit-status.ts`) from the credit records under the bureau's
   * rules; not a directory edit, so it neither bumps the version nor writes a change.
   */
  @Field(() => CreditStatus, { description: '信用状态：列入重点关注或严重失信名单的检查对象，下次摇号按细则提高权重' })
  @Column({ name: 'credit_status', type: 'text', default: CreditStatus.NORMAL })
  creditStatus!: CreditStatus;

  @Field(() => Int, { description: '版本号，每次修改加一' }) @Column({ type: 'integer', default: 1 }) version!: number;

  @Column({ name: 'import_job_id', type: 'uuid', nullable: true }) importJobId!: string | null;

  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
