import { CUSTOM_RESULT_PREFIX, HANDLING_LABELS, fromGlobalUuid, normalizeUscc, standardResultCategory, toGlobalId } from '@spotcheck/shared';
import { badInput } from '../../graphql/errors';
import { publicDrawRecordUrl } from '../draws/public-draws';
import type { PublicHandling, PublicResult, PublicResultCategory } from './public-portal.types';

/** The columns of public_results (and the bureau's name) the portal maps; dates as text. */
export const RESULT_COLUMNS = `r.id, r.tenant_id, b.name AS bureau_name, b.region_code AS bureau_region, r.entity_name, r.entity_uscc,
  r.inspected_on::text AS inspected_on, r.result_category, r.custom_label, r.custom_problem, r.findings, r.published_at,
  r.corrects_id, r.corrected_by_id, r.correction_reason, r.draw_id, r.task_id, r.task_title, r.plan_id, r.items,
  r.handling_outcome, r.handling_basis, r.handling_deadline_workdays, r.handling_own_outcome, r.handling_own_label`;

export const RESULT_FROM = `public_results r JOIN public_tenants b ON b.id = r.tenant_id`;

/** A result code to what the public sees: the standard label, or the bureau's own category. */
export function publicCategory(code: string | null, customLabel: string | null, customProblem: boolean | null): PublicResultCategory | null {
  if (!code) return null;
  const standard = standardResultCategory(code);
  if (standard) return { code, label: standard.label, problem: standard.problem };
  if (code.startsWith(CUSTOM_RESULT_PREFIX) && customLabel) return { code, label: customLabel, problem: !!customProblem };
  return null;
}

export function publicResultOf(r: Record<string, any>): PublicResult {
  const drawId = toGlobalId('Draw', r.draw_id);
  return {
    id: toGlobalId('Inspection', r.id),
    bureau: { id: toGlobalId('Tenant', r.tenant_id), name: r.bureau_name, regionCode: r.bureau_region },
    task: r.task_id ? { id: toGlobalId('Task', r.task_id), title: r.task_title, planId: r.plan_id ? toGlobalId('AnnualPlan', r.plan_id) : null } : null,
    items: (r.items as { id: string; name: string }[]).map((i) => ({ id: toGlobalId('InspectionItem', i.id), name: i.name })),
    entityName: r.entity_name,
    entityUscc: r.entity_uscc,
    inspectedOn: r.inspected_on,
    resultCategory: publicCategory(r.result_category, r.custom_label, r.custom_problem),
    findings: r.findings,
    publishedAt: new Date(r.published_at),
    correctsId: r.corrects_id ? toGlobalId('Inspection', r.corrects_id) : null,
    correctionReason: r.correction_reason,
    correctedById: r.corrected_by_id ? toGlobalId('Inspection', r.corrected_by_id) : null,
    draw: { id: drawId, recordUrl: publicDrawRecordUrl(drawId) },
    handling: publicHandling(r),
  };
}

/** The decided handling as published (the views give it as text, so that no cast can fail on a row before the filter). */
function publicHandling(r: Record<string, any>): PublicHandling | null {
  const outcome = r.handling_outcome as keyof typeof HANDLING_LABELS | null;
  if (!outcome || !HANDLING_LABELS[outcome]) return null;
  const days = r.handling_deadline_workdays ? Number(r.handling_deadline_workdays) : null;
  return {
    outcome,
    label: r.handling_own_label || HANDLING_LABELS[outcome],
    ownOutcome: r.handling_own_outcome || null,
    basis: r.handling_basis ?? '',
    deadlineWorkdays: Number.isInteger(days) ? days : null,
  };
}

/** A global id argument of the expected type, or a field error. */
export function idArg(value: string | null | undefined, type: string, field: string): string | null {
  if (value == null || value === '') return null;
  const id = fromGlobalUuid(value, type);
  if (!id) throw badInput([{ field, message: '编号无效' }]);
  return id;
}

/** A search term: contained in the name, or the start of the USCC (normalised). Bound as parameters, never spliced. */
export function searchTerms(search: string | null | undefined): [string, string] {
  const text = (search ?? '').trim();
  if (text.length > 100) throw badInput([{ field: 'search', message: '查找内容不超过 100 字' }]);
  return [text, text ? normalizeUscc(text) : ''];
}

/** A time as a list's key writes it: microseconds, in UTC (a JavaScript Date would lose the microseconds). */
export const keyTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A cursor's (time, id) key, as keyTime and the row's id wrote it; BAD_USER_INPUT otherwise. */
export function timeKeyOf(after: string): [string, string] {
  try {
    const key = JSON.parse(after) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'string' &&
      KEY_TIME.test(key[0]) &&
      typeof key[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(key[1])
    ) {
      return [key[0], key[1]];
    }
  } catch {
    // refused below
  }
  throw badInput([{ field: 'after', message: '游标无效' }]);
}
