import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/date-scalar';

/** A bureau's own change to the calendar (a local day off, or a local working day); one per date. */
@Entity('calendar_adjustments')
@Index(['tenantId', 'date'], { unique: true })
@ObjectType({ description: '本单位的工作日调整（地方放假或补班）' })
export class CalendarAdjustment {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  date!: string;

  @Field({ description: '是否为工作日：true 为上班，false 为放假' })
  @Column({ type: 'boolean' })
  working!: boolean;

  @Field({ description: '依据或说明' })
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
