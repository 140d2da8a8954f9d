import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** One problem found in one row of an import: row, column, a stable code and a Chinese message. */
@Entity('import_errors')
@ObjectType({ description: '导入错误（逐行）' })
export class ImportError {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;

  @Field(() => Int, { description: '文件中的行号（表头为第 1 行）' }) @Column({ name: 'row_number', type: 'integer' }) rowNumber!: number;
  @Field(() => String, { nullable: true, description: '列名' }) @Column({ type: 'text', nullable: true }) column!: string | null;
  @Field({ description: '错误代码' }) @Column({ type: 'text' }) code!: string;
  @Field() @Column({ type: 'text' }) message!: string;
  @Field({ description: '是否仅为警告（已按确认导入）' }) @Column({ type: 'boolean', default: false }) warning!: boolean;
  @Field(() => String, { nullable: true, description: '该行内容（可识别各列，如“名称：…；统一社会信用代码：…”）；表头等非数据行为空' })
  @Column({ name: 'row_content', type: 'text', nullable: true })
  rowContent!: string | null;
}
