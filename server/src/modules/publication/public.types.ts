import { ListKind } from '../list-publications/list-publication.entity';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../../graphql/connection';
import { ItemCategory } from '../items/inspection-item.entity';

@ObjectType({ description: '公示的单位' })
export class PublicBureau {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() regionCode!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => String, { nullable: true }) publicHeader!: string | null;
  @Field(() => String, { nullable: true }) publicFooter!: string | null;
}

@ObjectType({ description: '公布的抽查事项' })
export class PublicItem {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) departmentName!: string | null;
  @Field(() => Int) version!: number;
  @Field() name!: string;
  @Field() legalBasis!: string;
  @Field() inspectingBody!: string;
  @Field(() => String, { nullable: true, description: '检查内容' }) content!: string | null;
  @Field(() => ItemCategory) category!: ItemCategory;
  @Field() targetType!: string;
  @Field() minRatio!: string;
  @Field(() => Int) frequencyPerYear!: number;
  @Field(() => [String]) methods!: string[];
  @Field(() => String, { nullable: true }) remarks!: string | null;
  @Field() updatedAt!: Date;
}

@ObjectType({ description: '公示的执法检查人员（仅姓名、岗位、执法证号）' })
export class PublicInspector {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() post!: string;
  @Field() certificateNo!: string;
}

@ObjectType({ description: '公示的检查对象（仅名称、统一社会信用代码、地址）' })
export class PublicEntity {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() uscc!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType({ description: '公布的年度抽查计划' })
export class PublicPlan {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field() title!: string;
  @Field() scope!: string;
  @Field(() => String, { nullable: true }) inspectorRequirements!: string | null;
  @Field(() => Int) rounds!: number;
  @Field(() => GraphQLJSON, { description: '[{ round, from, to }]' }) schedule!: unknown;
  @Field(() => GraphQLJSON, { description: '[{ item, ratio, rounds }]' }) items!: unknown;
  @Field() publishedAt!: Date;
}

export const PublicInspectorConnection = Connection(PublicInspector);
export const PublicEntityConnection = Connection(PublicEntity);

@ObjectType({ description: '公示：经局领导审议通过后公布的清单或名录' })
export class PublicListPublication {
  @Field(() => ID) id!: string;
  @Field(() => ListKind) kind!: ListKind;
  @Field() publishedAt!: Date;
  @Field(() => String, { nullable: true, description: '审议人' }) approvedBy!: string | null;
  @Field(() => String, { nullable: true, description: '审议意见' }) decisionNote!: string | null;
  @Field(() => Int, { nullable: true, description: '名录条数或公布的事项数' }) count!: number | null;
}
