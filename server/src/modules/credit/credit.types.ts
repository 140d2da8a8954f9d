import { Field, ObjectType } from 'type-graphql';
import { Inspection } from '../inspections/inspection.entity';
import { ResultCategory } from '../inspections/inspection.types';

@ObjectType({ description: '信用记录：一条已公示的检查结果' })
export class CreditRecordView {
  @Field(() => ResultCategory, { nullable: true, description: '检查结果类别（本单位已不认识的代码为空）' }) resultCategory!: ResultCategory | null;
  @Field({ description: '公示时是否属于发现问题' }) problem!: boolean;
  @Field() publishedAt!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date, { nullable: true, description: '被更正记录取代的时间；取代后不再计入信用状态' }) supersededAt!: Date | null;
  @Field(() => Inspection, { description: '所依据的检查记录' }) inspection!: Inspection;
}
