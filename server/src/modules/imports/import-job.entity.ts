import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';

export enum ImportKind {
  ENTITIES = 'ENTITIES',
  INSPECTORS = 'INSPECTORS',
}
registerEnumType(ImportKind, { name: 'ImportKind' });

export enum ImportMode {
  /** Any invalid row refuses the whole file. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** Valid rows go in; invalid ones are reported. */
  VALID_ROWS = 'VALID_ROWS',
}
registerEnumType(ImportMode, { name: 'ImportMode', description: '全部成功才导入 / 导入有效行并报告其余' });

export enum ImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** One uploaded file being imported: progress while it runs, counts and the row errors afterwards. */
@Entity('import_jobs')
@ObjectType({ implements: Node, description: '导入任务' })
export class ImportJob extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;

  @Field(() => ImportKind) @Column({ type: 'text' }) kind!: ImportKind;
  @Field(() => ImportMode) @Column({ type: 'text' }) mode!: ImportMode;
  @Field(() => ImportStatus) @Column({ type: 'text', default: ImportStatus.QUEUED }) status!: ImportStatus;

  @Field({ description: '上传的文件名' }) @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Field(() => String, { nullable: true, description: 'csv 或 xlsx' }) @Column({ name: 'file_format', type: 'text', nullable: true }) fileFormat!:
    string | null;
  @Field(() => String, { nullable: true, description: '识别出的编码（utf-8 / gb18030）' }) @Column({ type: 'text', nullable: true }) encoding!: string | null;
  @Field({ description: '允许校验码不符的统一社会信用代码（人工确认）' })
  @Column({ name: 'accept_checksum_warnings', type: 'boolean', default: false })
  acceptChecksumWarnings!: boolean;

  @Field(() => Int, { description: '已读取的数据行' }) @Column({ name: 'processed_rows', type: 'integer', default: 0 }) processedRows!: number;
  @Field(() => Int) @Column({ name: 'inserted_rows', type: 'integer', default: 0 }) insertedRows!: number;
  @Field(() => Int) @Column({ name: 'updated_rows', type: 'integer', default: 0 }) updatedRows!: number;
  @Field(() => Int) @Column({ name: 'error_rows', type: 'integer', default: 0 }) errorRows!: number;
  @Field(() => Int) @Column({ name: 'warning_rows', type: 'integer', default: 0 }) warningRows!: number;

  @Field(() => String, { nullable: true, description: '整体失败的原因' }) @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!:
    string | null;

  /** The uploaded file's size: the bureau's daily upload quota counts it. */
  @Column({ name: 'file_bytes', type: 'bigint', default: 0 }) fileBytes!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
