import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs, paginate, paginateSql } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { Department } from '../departments/department.entity';
import { MarketEntity } from '../entities/market-entity.entity';
import { Task } from '../tasks/task.entity';
import { Inspection } from '../inspections/inspection.entity';
import { JointRecordPart, jointPartsFor } from './joint-record-parts';
import { JointParticipation, JointStatus } from './joint-participant.entity';
import { inviteParticipant, respondToInvitation, savePart, withdrawParticipant } from './joint.service';
import { JointDepartment, JointDrawnEntity, JointPartInput, JointPartInspector, JointPartItem, JointTaskView } from './joint.types';
import { jointTaskRows, partInspectors, partnerDepartment, type PartnerDepartmentRow } from './joint-views';

const JointDepartmentConnection = Connection(JointDepartment);
const JointParticipationConnection = Connection(JointParticipation);
const JointDrawnEntityConnection = Connection(JointDrawnEntity);

@ArgsType()
class PartnerSearch extends PageArgs {
  @Field(() => String, { nullable: true, description: '按单位或部门名称查找' }) search?: string | null;
}

@ArgsType()
class InvitationFilter extends PageArgs {
  @Field(() => JointStatus, { nullable: true }) status?: JointStatus | null;
}

@Resolver(() => JointParticipation)
export class JointResolver {
  @SignedIn()
  @Query(() => JointDepartmentConnection, { description: '可邀请参加联合抽查的部门（本单位及其他单位）' })
  jointPartnerDepartments(@Ctx() ctx: RequestContext, @Args() args: PartnerSearch) {
    requireViewer(ctx);
    const search = args.search?.trim() ?? '';
    return tenantTx(ctx, (m) =>
      paginateSql<PartnerDepartmentRow, JointDepartment>(
        m,
        `SELECT tenant_id, tenant_name, region_code, id, name FROM joint_partner_departments
          WHERE $1 = '' OR strpos(tenant_name || ' ' || name, $1) > 0 ORDER BY region_code, tenant_name, name, id`,
        [search],
        args,
        JointDepartment.of,
      ),
    );
  }

  @SignedIn()
  @Query(() => JointParticipationConnection, { description: '本单位收到的联合抽查邀请' })
  jointInvitations(@Ctx() ctx: RequestContext, @Args() args: InvitationFilter) {
    const viewer = requireViewer(ctx);
    return tenantTx(ctx, (m) => {
      const query = m.createQueryBuilder(JointParticipation, 'p').where('p.tenant_id = :tenant', { tenant: viewer.tenantId }).orderBy('p.created_at', 'DESC').addOrderBy('p.id');
      if (args.status) query.andWhere('p.status = :status', { status: args.status });
      return paginate(query, args);
    });
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '牵头部门邀请本单位或其他单位的部门参加联合抽查' })
  inviteJointParticipant(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('departmentId', () => ID) departmentId: string, @Arg('message', () => String, { nullable: true }) message?: string | null) {
    return inviteParticipant(ctx, taskId, departmentId, message);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '牵头单位撤回邀请（名单封存前）' })
  withdrawJointParticipant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return withdrawParticipant(ctx, id);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '受邀部门接受或谢绝联合抽查邀请' })
  respondJointInvitation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('accept') accept: boolean, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return respondToInvitation(ctx, id, accept, note);
  }

  @SignedIn()
  @Mutation(() => JointParticipation, { description: '参与部门填报本部门的事项和检查人员' })
  saveJointPart(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: JointPartInput) {
    return savePart(ctx, id, input);
  }

  @FieldResolver(() => JointTaskView, { description: '联合抽查任务' })
  async task(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const [row] = await tenantTx(ctx, (m) => jointTaskRows(m, 'participation_id = $1', [part.id]));
    return JointTaskView.of(row!);
  }

  @FieldResolver(() => JointDepartment, { nullable: true, description: '参与部门' })
  async department(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const row = await tenantTx(ctx, (m) => partnerDepartment(m, part.departmentId));
    return row ? JointDepartment.of(row) : null;
  }

  @FieldResolver(() => [ID], { description: '适用的牵头任务事项；空为全部' })
  leadItemIds(@Root() part: JointParticipation) {
    return part.leadItemIds.map((id) => toGlobalId('InspectionItem', id));
  }

  @FieldResolver(() => [JointPartItem], { description: '参与部门的抽查事项' })
  async items(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    const rows = (await tenantTx(ctx, (m) => m.query('SELECT id, name, target_type FROM joint_part_items WHERE participation_id = $1 ORDER BY name', [part.id]))) as { id: string; name: string; target_type: string }[];
    return rows.map((r) => ({ id: toGlobalId('InspectionItem', r.id), name: r.name, targetType: r.target_type }));
  }

  @FieldResolver(() => [JointPartInspector], { description: '参与部门参加抽取的执法检查人员' })
  async inspectors(@Root() part: JointParticipation, @Ctx() ctx: RequestContext) {
    return (await tenantTx(ctx, (m) => partInspectors(m, 'participation_id = $1', [part.id]))).map(JointPartInspector.of);
  }

  @FieldResolver(() => JointDrawnEntityConnection, { description: '摇中的、本部门事项适用的检查对象及本部门的检查人员' })
  drawnEntities(@Root() part: JointParticipation, @Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    return tenantTx(ctx, async (m) => {
      const own = new Map((await partInspectors(m, 'participation_id = $1', [part.id])).map((r) => [r.id, JointPartInspector.of(r)]));
      type Row = { seq: number; uscc: string; name: string; inspector_ids: string[] };
      const page = await paginateSql<Row, Row>(m, 'SELECT seq, uscc, name, inspector_ids FROM joint_drawn_entities WHERE participation_id = $1 ORDER BY seq', [part.id], args, (r) => r);
      // Matched by USCC to the viewer's own directory (under RLS: the viewer's rows only).
      const usccs = page.edges.map((e) => e.node.uscc);
      const entities = new Map((await m.createQueryBuilder(MarketEntity, 'e').where('e.uscc = ANY(:usccs)', { usccs }).getMany()).map((e) => [e.uscc, e]));
      return {
        ...page,
        edges: page.edges.map(({ cursor, node }) => ({
          cursor,
          node: Object.assign(new JointDrawnEntity(), {
            seq: node.seq,
            uscc: node.uscc,
            name: node.name,
            entity: entities.get(node.uscc) ?? null,
            inspectors: node.inspector_ids.flatMap((id) => (own.has(id) ? [own.get(id)!] : [])),
          }),
        })),
      };
    });
  }
}

@Resolver(() => Task)
export class TaskJointResolver {
  @FieldResolver(() => Department, { nullable: true, description: '联合抽查的牵头部门' })
  leadDepartment(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return task.leadDepartmentId ? ctx.loaders.Department.load(task.leadDepartmentId) : null;
  }

  @FieldResolver(() => [JointParticipation], { description: '联合抽查的参与部门（牵头单位可见）' })
  participants(@Root() task: Task, @Ctx() ctx: RequestContext) {
    if (!task.joint) return [];
    return tenantTx(ctx, (m) => m.find(JointParticipation, { where: { leadTenantId: task.tenantId, taskId: task.id }, order: { createdAt: 'ASC' } }));
  }
}

@Resolver(() => Inspection)
export class InspectionJointResolver {
  @FieldResolver(() => [JointRecordPart], { description: '联合抽查：同一检查对象各部门的记录部分（牵头部门在前）；非联合抽查为空' })
  jointParts(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return jointPartsFor(ctx, record);
  }
}
