import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { formatRatio } from '@spotcheck/shared';

/** An item a task inspects, with the ratio drawn for it (rounded up when counted). */
@Entity('task_items')
@ObjectType({ description: '任务中的抽查事项' })
export class TaskItem {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'task_id', type: 'uuid' }) taskId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;

  @Field({ description: '抽查比例' })
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: { to: (v: string) => v, from: (v: string | null) => (v == null ? v : formatRatio(v)) } })
  ratio!: string;
}
