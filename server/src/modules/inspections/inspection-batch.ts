import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { isDatabaseUnavailable } from '../../lib/pg-errors';
import type { Inspection } from './inspection.entity';
import type { InspectionAction } from './inspection.types';
import { transitionInspection } from './inspection-workflow.service';

/** Most records one batch moves: a task's round is a few hundred, taken a page at a time. */
export const BATCH_LIMIT = 200;

/** What happened to one record of a batch: moved, or refused with the single step's own error. */
export interface BatchOutcome {
  id: string;
  ok: boolean;
  inspection: Inspection | null;
  code: ErrorCode | null;
  rule: string | null;
  message: string | null;
}

/**
 * The same workflow step on many records: each record through `transitionInspection`, in its own
 * transaction, with every rule of the single step; a refusal of one record leaves the others to go on.
 */
export async function transitionInspections(
  ctx: RequestContext,
  ids: readonly string[],
  action: InspectionAction,
  comment?: string | null,
): Promise<BatchOutcome[]> {
  requireViewer(ctx);
  const unique = [...new Set(ids)];
  if (!unique.length) throw badInput([{ field: 'ids', message: '请至少选择一条检查记录' }], '批量办理没有选择记录');
  if (unique.length > BATCH_LIMIT) {
    throw badInput([{ field: 'ids', message: `一次最多办理 ${BATCH_LIMIT} 条检查记录，本次选择了 ${unique.length} 条` }], '批量办理的记录过多');
  }
  const outcomes: BatchOutcome[] = [];
  for (const id of unique) {
    try {
      const inspection = await transitionInspection(ctx, id, action, comment, null);
      outcomes.push({ id, ok: true, inspection, code: null, rule: null, message: null });
    } catch (error) {
      outcomes.push(refusal(ctx, id, error));
    }
  }
  return outcomes;
}

function refusal(ctx: RequestContext, id: string, error: unknown): BatchOutcome {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const rule = error.extensions.rule;
    return { id, ok: false, inspection: null, code: error.extensions.code as ErrorCode, rule: typeof rule === 'string' ? rule : null, message: error.message };
  }
  if (isDatabaseUnavailable(error))
    return { id, ok: false, inspection: null, code: 'SERVICE_UNAVAILABLE', rule: null, message: '数据库暂时不可用，该记录未办理，请稍后重试' };
  // Anything else (a bug, the database) is logged and reaches the client without its detail, as a single step's would.
  ctx.app.log.error({ err: error, inspection: id }, 'batch transition failed');
  return { id, ok: false, inspection: null, code: 'INTERNAL_SERVER_ERROR', rule: null, message: '服务器内部错误，该记录未办理' };
}
