import type { EntityManager } from 'typeorm';
import { CUSTOM_RESULT_PREFIX, STANDARD_RESULT_CATEGORIES, standardResultCategory } from '@spotcheck/shared';
import crypto from 'node:crypto';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { conflict, notFound } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { CustomResultCategory } from './result-category.entity';

export interface ResultCategoryView {
  code: string;
  label: string;
  problem: boolean;
  standard: boolean;
  active: boolean;
}

/** The standard list followed by the bureau's own categories (retired ones last, for old records). */
export async function resultCategories(m: EntityManager): Promise<ResultCategoryView[]> {
  const own = await m.find(CustomResultCategory, { order: { active: 'DESC', createdAt: 'ASC' } });
  return [
    ...STANDARD_RESULT_CATEGORIES.map((c) => ({ code: c.code, label: c.label, problem: c.problem, standard: true, active: true })),
    ...own.map((c) => ({ code: `${CUSTOM_RESULT_PREFIX}${c.id}`, label: c.label, problem: c.problem, standard: false, active: c.active })),
  ];
}

/** A category code as stored on a record, to what it shows; null when unknown to this bureau. */
export async function resultCategoryOf(m: EntityManager, code: string, activeOnly = false): Promise<ResultCategoryView | null> {
  const standard = standardResultCategory(code);
  if (standard) return { code: standard.code, label: standard.label, problem: standard.problem, standard: true, active: true };
  const id = customCategoryId(code);
  if (!id) return null;
  const own = await m.findOneBy(CustomResultCategory, { id });
  if (!own || (activeOnly && !own.active)) return null;
  return { code, label: own.label, problem: own.problem, standard: false, active: own.active };
}

/** The id of a bureau's own category in a code as stored on a record; null for any other code. */
export function customCategoryId(code: string): string | null {
  if (!code.startsWith(CUSTOM_RESULT_PREFIX)) return null;
  const id = code.slice(CUSTOM_RESULT_PREFIX.length);
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/** `resultCategories` for the viewer's bureau, in the request's reads. */
export function bureauResultCategories(ctx: RequestContext): Promise<ResultCategoryView[]> {
  return readTx(ctx, (m) => resultCategories(m));
}

/** Adds one of the bureau's own categories (a label not yet in use), audited. */
export function addCategory(ctx: RequestContext, label: string, problem: boolean): Promise<ResultCategoryView | null> {
  return tenantTx(ctx, async (m) => {
    if ((await resultCategories(m)).some((c) => c.label === label)) throw conflict(`已有检查结果类别“${label}”`);
    const id = crypto.randomUUID();
    await m.insert(CustomResultCategory, { tenantId: requireViewer(ctx).tenantId, id, label, problem, active: true });
    await appendAudit(m, actorOf(ctx), {
      action: 'result-category.add',
      objectType: 'ResultCategory',
      objectId: `${CUSTOM_RESULT_PREFIX}${id}`,
      after: { label, problem },
    });
    return resultCategoryOf(m, `${CUSTOM_RESULT_PREFIX}${id}`);
  });
}

/** Retires or restores one of the bureau's own categories (records keep theirs), audited. */
export function setCategoryActive(ctx: RequestContext, code: string, active: boolean): Promise<ResultCategoryView | null> {
  return tenantTx(ctx, async (m) => {
    const found = await resultCategoryOf(m, code);
    if (!found || found.standard) throw notFound('自定义检查结果类别');
    await m.update(CustomResultCategory, { tenantId: requireViewer(ctx).tenantId, id: code.slice(CUSTOM_RESULT_PREFIX.length) }, { active });
    await appendAudit(m, actorOf(ctx), { action: 'result-category.active', objectType: 'ResultCategory', objectId: code, after: { active } });
    return resultCategoryOf(m, code);
  });
}
