import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** One workflow step of a record with its comment: the review trail shown with the report. */
@Entity('inspection_steps')
@Index(['tenantId', 'inspectionId'])
@ObjectType({ description: '检查记录的办理步骤' })
export class InspectionStep {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @Field({ description: '办理动作' }) @Column({ type: 'text' }) action!: string;
  @Field({ description: '办理后状态' }) @Column({ name: 'to_status', type: 'text' }) toStatus!: string;
  @Field(() => String, { nullable: true, description: '意见' }) @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Field({ description: '办理人' }) @Column({ name: 'user_name', type: 'text' }) userName!: string;
  @Field() @CreateDateColumn({ name: 'at', type: 'timestamptz' }) at!: Date;
}
