import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { INSPECTION_WORKFLOW, standardResultCategory, type InspectionAction } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { perRequest } from '../../graphql/request-loaders';
import { Inspection } from './inspection.entity';
import { Inspector } from '../inspectors/inspector.entity';
import { InspectionConfirmation } from './inspection-confirmation.entity';
import { InspectionStep } from './inspection-step.entity';
import { CustomResultCategory } from './result-category.entity';
import { actionGuards } from './inspection-actions';
import { knownViewerInspectorId } from './inspection-access';
import { customCategoryId, type ResultCategoryView } from './result-categories';
import { recordTrail, type RecordTrail } from './inspection-trail';

/**
 * The per-request loaders of a record's own fields: each answers every record a level of the response
 * asks about with one statement, in the request's read transaction.
 */
function inspectionLoaders(ctx: RequestContext) {
  const tenantId = () => requireViewer(ctx).tenantId;
  const loaders = {
    /** Each record's steps and confirmations, in one statement for every record a level asks about. */
    trail: new DataLoader<string, RecordTrail>(async (ids) => {
      const trail = recordTrail(ctx.app.db);
      const rows = (await readTx(ctx, (m) =>
        m.query(
          `SELECT i.id, ${trail.stepsColumn} AS trail_steps, ${trail.confirmationsColumn} AS trail_confirmations
             FROM inspections i WHERE i.tenant_id = $1 AND i.id = ANY ($2::uuid[])`,
          [tenantId(), [...ids]],
        ),
      )) as ({ id: string } & Parameters<typeof trail.hydrate>[0])[];
      const found = new Map(rows.map((row) => [row.id, trail.hydrate(row)]));
      return ids.map((id) => found.get(id) ?? { steps: [], confirmations: [] });
    }),
    /** The bureau's own result categories by id. */
    customCategory: new DataLoader<string, CustomResultCategory | null>(async (ids) => {
      const rows = await readTx(ctx, (m) => m.findBy(CustomResultCategory, { tenantId: tenantId(), id: In([...ids]) }));
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** The actions the viewer can take on each record: the guards of every record asked, in one statement. */
    actions: new DataLoader<Pick<Inspection, 'id' | 'status'>, InspectionAction[], string>(
      async (records) => {
        const { roles } = requireViewer(ctx);
        const byRole = records.map((r) =>
          INSPECTION_WORKFLOW.transitions.filter((t) => t.from.includes(r.status) && t.roles.some((role) => roles.includes(role))).map((t) => t.action),
        );
        const asked = [...new Set(byRole.flat())];
        if (!asked.length) return byRole;
        // The viewer's inspector row, unless this request read it already, is read by the guards' statement.
        const known = knownViewerInspectorId(ctx);
        const viewer = { ...requireViewer(ctx), inspectorId: known ? await known : undefined };
        const allowed = await readTx(ctx, (m) =>
          actionGuards(
            m,
            tenantId(),
            records.map((r) => r.id),
            asked,
            viewer,
          ),
        );
        return records.map((r, i) => byRole[i]!.filter((action) => allowed.get(r.id)?.has(action)));
      },
      { cacheKeyFn: (r) => `${r.id}:${r.status}` },
    ),
  };
  return {
    ...loaders,
    steps: { load: async (id: string): Promise<InspectionStep[]> => (await loaders.trail.load(id)).steps },
    confirmations: { load: async (id: string): Promise<InspectionConfirmation[]> => (await loaders.trail.load(id)).confirmations },
  };
}

export function inspectionReads(ctx: RequestContext): ReturnType<typeof inspectionLoaders> {
  return perRequest(ctx, inspectionLoaders);
}

/**
 * Whether the viewer is on the record's team: one of its inspectors is the viewer's own row. Read
 * from the team's rows, which the request loads for the record's `team` (and `allConfirmed`) anyway.
 */
export async function viewerOnTeam(ctx: RequestContext, record: Pick<Inspection, 'teamIds'>): Promise<boolean> {
  const { userId } = requireViewer(ctx);
  const team = await ctx.loaders.of(Inspector).loadMany(record.teamIds);
  return team.some((member) => !(member instanceof Error) && member?.userId === userId);
}

/** A category code as stored on a record, to what it shows; null when unknown to this bureau. */
export async function resultCategoryFor(ctx: RequestContext, code: string): Promise<ResultCategoryView | null> {
  const standard = standardResultCategory(code);
  if (standard) return { code: standard.code, label: standard.label, problem: standard.problem, standard: true, active: true };
  const id = customCategoryId(code);
  const own = id ? await inspectionReads(ctx).customCategory.load(id) : null;
  return own && { code, label: own.label, problem: own.problem, standard: false, active: own.active };
}

/** Whether every member of the record's team in this bureau has confirmed its content as it now reads. */
export async function allConfirmed(ctx: RequestContext, record: Inspection): Promise<boolean> {
  const [confirmations, members] = await Promise.all([inspectionReads(ctx).confirmations.load(record.id), ctx.loaders.of(Inspector).loadMany(record.teamIds)]);
  const current = new Set(confirmations.filter((c) => c.contentHash === record.contentHash).map((c) => c.inspectorId));
  return members.every((member) => {
    if (member instanceof Error) throw member;
    return !member || current.has(member.id);
  });
}
