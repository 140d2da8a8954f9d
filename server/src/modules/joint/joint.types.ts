import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import { MarketEntity } from '../entities/market-entity.entity';
import type { JointTaskRow, PartInspectorRow, PartnerDepartmentRow } from './joint-views';

@ObjectType({ description: '可邀请参加联合抽查的部门' })
export class JointDepartment {
  @Field(() => ID, { description: '部门的全局 id' }) id!: string;
  @Field() name!: string;
  @Field(() => ID, { description: '所属单位的全局 id' }) bureauId!: string;
  @Field({ description: '所属单位' }) bureauName!: string;
  @Field({ description: '所属单位的行政区划代码' }) regionCode!: string;

  static of(row: PartnerDepartmentRow): JointDepartment {
    return Object.assign(new JointDepartment(), {
      id: toGlobalId('Department', row.id),
      name: row.name,
      bureauId: toGlobalId('Tenant', row.tenant_id),
      bureauName: row.tenant_name,
      regionCode: row.region_code,
    });
  }
}

@ObjectType({ description: '牵头任务中的抽查事项' })
export class JointLeadItem {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() ratio!: string;
}

@ObjectType({ description: '联合抽查任务（参与各方可见的部分）' })
export class JointTaskView {
  @Field(() => ID, { description: '牵头单位任务的全局 id' }) id!: string;
  @Field() title!: string;
  @Field() purpose!: string;
  @Field() procedure!: string;
  @Field() divisionOfLabour!: string;
  @Field() confidentiality!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Field(() => Int) teamSize!: number;
  @Field({ description: '牵头任务状态' }) status!: string;
  @Field({ description: '牵头单位' }) leadBureauName!: string;
  @Field(() => String, { nullable: true, description: '牵头部门' }) leadDepartmentName!: string | null;
  @Field(() => [JointLeadItem]) leadItems!: JointLeadItem[];
  @Field(() => ID, { nullable: true, description: '摇号的全局 id（公开记录见 /api/public/draws）' }) drawId!: string | null;

  static of(row: JointTaskRow): JointTaskView {
    return Object.assign(new JointTaskView(), {
      id: toGlobalId('Task', row.task_id),
      title: row.title,
      purpose: row.purpose,
      procedure: row.procedure,
      divisionOfLabour: row.division_of_labour,
      confidentiality: row.confidentiality,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      teamSize: row.team_size,
      status: row.task_status,
      leadBureauName: row.lead_tenant_name,
      leadDepartmentName: row.lead_department_name,
      leadItems: row.lead_items.map((i) => ({ id: toGlobalId('InspectionItem', i.id), name: i.name, ratio: i.ratio })),
      drawId: row.draw_id ? toGlobalId('Draw', row.draw_id) : null,
    });
  }
}

@ObjectType({ description: '参与部门的抽查事项' })
export class JointPartItem {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() targetType!: string;
}

@ObjectType({ description: '参与部门的执法检查人员' })
export class JointPartInspector {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: '执法证号' }) certificateNo!: string;
  @Field() status!: string;
  @Field() certificateValidTo!: string;

  static of(row: PartInspectorRow): JointPartInspector {
    return Object.assign(new JointPartInspector(), {
      id: toGlobalId('Inspector', row.id),
      name: row.name,
      certificateNo: row.certificate_no,
      status: row.status,
      certificateValidTo: row.certificate_valid_to,
    });
  }
}

@ObjectType({ description: '联合抽查摇中的检查对象（按统一社会信用代码与本单位名录匹配）' })
export class JointDrawnEntity {
  @Field(() => Int, { description: '摇号顺序' }) seq!: number;
  @Field({ description: '统一社会信用代码' }) uscc!: string;
  @Field({ description: '牵头单位名录中的名称' }) name!: string;
  @Field(() => MarketEntity, { nullable: true, description: '本单位名录中同一统一社会信用代码的主体；无则为空' }) entity!: MarketEntity | null;
  @Field(() => [JointPartInspector], { description: '本部门进入该检查组的人员' }) inspectors!: JointPartInspector[];
}

@InputType({ description: '参与部门的事项和人员' })
export class JointPartInput {
  @Field(() => [ID], { description: '本单位的抽查事项' }) itemIds!: string[];
  @Field(() => [ID], { description: '本单位参加抽取的执法检查人员' }) inspectorIds!: string[];
  @Field(() => [ID], { nullable: true, description: '适用的牵头任务事项；不填为全部' }) leadItemIds?: string[] | null;
}
