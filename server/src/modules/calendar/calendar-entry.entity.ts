import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/date-scalar';

/**
 * A platform-level day of the national calendar, entered by the platform operator from a State
 * Council notice that the `chinese-days` package does not carry yet (or to correct it). Reference data
 * with no tenant: every tenant reads it, only the platform tenant writes (see CalendarWalls).
 */
@Entity('platform_calendar_entries')
@ObjectType({ description: '平台日历条目：尚未收录的国务院节假日安排（放假日或调休上班日）' })
export class PlatformCalendarEntry {
  @Field(() => DateScalar)
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Field({ description: '是否为工作日：true 为调休上班，false 为放假' })
  @Column({ type: 'boolean' })
  working!: boolean;

  @Field({ description: '依据，如“国务院办公厅关于2027年部分节假日安排的通知”' })
  @Column({ type: 'text' })
  note!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
