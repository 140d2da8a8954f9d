import { isPersonKey, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { publicDrawRecordUrl } from '../draws/public-draws';
import { publicCategory } from './public-results';
import { auditHeadEntries, withAuditHeads } from './feed-audit-heads';

export type FeedKind = 'RESULT' | 'TASK_NOTICE' | 'DRAW' | 'PLAN' | 'AUDIT_HEAD';

export const FEED_KIND_LABELS: Record<FeedKind, string> = {
  RESULT: '抽查结果',
  TASK_NOTICE: '抽查任务公告',
  DRAW: '摇号结果',
  PLAN: '年度抽查计划',
  AUDIT_HEAD: '审计链头',
};

/** One publication, whatever its kind, as both feed formats show it. URLs are relative to the site. */
export interface FeedEntry {
  kind: FeedKind;
  /** The global id of what was published (Inspection, Task, Draw, AnnualPlan). */
  id: string;
  bureau: { id: string; name: string };
  title: string;
  text: string;
  url: string | null;
  at: Date;
  /** AUDIT_HEAD only: the published head of the bureau's audit chain. */
  auditHead?: { seq: number; hash: string };
}

export const FEED_MAX = 100;
export const FEED_DEFAULT = 50;

/**
 * The newest publications across the public views (published results, task notices, drawn draws,
 * published plans), newest first: each branch takes its own newest `limit` rows before the merge.
 */
export async function feedEntries(app: AppServices, tenantId: string | null, limit: number): Promise<FeedEntry[]> {
  const rows = (await app.replicaReads.query(
    `SELECT e.kind, e.id, e.tenant_id, e.at, e.data, b.name AS bureau_name FROM (
        (SELECT 'RESULT' AS kind, r.id, r.tenant_id, r.published_at AS at,
                jsonb_build_object('entityName', r.entity_name, 'uscc', r.entity_uscc, 'inspectedOn', r.inspected_on::text, 'code', r.result_category,
                  'customLabel', r.custom_label, 'customProblem', r.custom_problem, 'findings', r.findings, 'items', r.items,
                  'taskTitle', r.task_title, 'correctsId', r.corrects_id, 'correctionReason', r.correction_reason, 'drawId', r.draw_id) AS data
           FROM public_results r WHERE $1::uuid IS NULL OR r.tenant_id = $1 ORDER BY r.published_at DESC LIMIT $2)
        UNION ALL
        (SELECT 'TASK_NOTICE', n.id, n.tenant_id, n.announced_at,
                jsonb_build_object('title', n.title, 'purpose', n.purpose, 'startsOn', n.starts_on::text, 'endsOn', n.ends_on::text, 'items', n.items, 'drawId', n.draw_id)
           FROM public_task_notices n WHERE $1::uuid IS NULL OR n.tenant_id = $1 ORDER BY n.announced_at DESC LIMIT $2)
        UNION ALL
        (SELECT 'DRAW', d.id, d.tenant_id, d.drawn_at,
                jsonb_build_object('taskTitle', d.task_title, 'inputHash', d.input_hash, 'commitment', d.commitment, 'algorithm', d.algorithm)
           FROM public_draws d WHERE d.drawn_at IS NOT NULL AND ($1::uuid IS NULL OR d.tenant_id = $1) ORDER BY d.drawn_at DESC LIMIT $2)
        UNION ALL
        (SELECT 'PLAN', p.id, p.tenant_id, p.published_at,
                jsonb_build_object('year', p.year, 'title', p.title, 'scope', p.scope, 'items', p.items)
           FROM public_plans p WHERE p.published_at IS NOT NULL AND ($1::uuid IS NULL OR p.tenant_id = $1) ORDER BY p.published_at DESC LIMIT $2)
      ) e JOIN public_tenants b ON b.id = e.tenant_id
      ORDER BY e.at DESC, e.kind, e.id LIMIT $2`,
    [tenantId, limit],
  )) as { kind: FeedKind; id: string; tenant_id: string; at: Date; data: Record<string, any>; bureau_name: string }[];
  const entries = rows.map((r) => ({
    ...entryOf(r.kind, r.id, r.data),
    bureau: { id: toGlobalId('Tenant', r.tenant_id), name: r.bureau_name },
    at: new Date(r.at),
  }));
  return tenantId ? withAuditHeads(entries, await auditHeadEntries(app, tenantId, limit), limit) : entries;
}

function lines(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join('\n');
}

function entryOf(kind: FeedKind, id: string, d: Record<string, any>): Pick<FeedEntry, 'kind' | 'id' | 'title' | 'text' | 'url'> {
  switch (kind) {
    case 'RESULT': {
      const category = publicCategory(d.code, d.customLabel, d.customProblem);
      const items = (d.items as { name: string }[]).map((i) => i.name).join('、');
      const drawId = toGlobalId('Draw', d.drawId);
      return {
        kind,
        id: toGlobalId('Inspection', id),
        title: `${d.correctsId ? '更正' : ''}抽查结果：${d.entityName}（${category?.label ?? '—'}）`,
        text: lines(
          // A natural person's key names no code: the person is shown as such.
          `检查对象：${d.entityName}（${isPersonKey(d.uscc) ? '自然人' : `统一社会信用代码 ${d.uscc}`}）`,
          d.taskTitle && `抽查任务：${d.taskTitle}`,
          items && `抽查事项：${items}`,
          d.inspectedOn && `检查日期：${d.inspectedOn}`,
          `检查结果：${category?.label ?? '—'}`,
          d.findings && `发现的问题：${d.findings}`,
          d.correctsId && `更正原公示结果 ${toGlobalId('Inspection', d.correctsId)}：${d.correctionReason ?? ''}`,
        ),
        url: publicDrawRecordUrl(drawId),
      };
    }
    case 'TASK_NOTICE': {
      const drawId = toGlobalId('Draw', d.drawId);
      return {
        kind,
        id: toGlobalId('Task', id),
        title: `抽查任务公告：${d.title}`,
        text: lines(
          `检查时间：${d.startsOn} 至 ${d.endsOn}`,
          `抽查事项：${(d.items as { name: string; ratio: string }[]).map((i) => i.name).join('、')}`,
          `检查目的：${d.purpose}`,
          `名单已封存，摇号记录：${publicDrawRecordUrl(drawId)}`,
        ),
        url: publicDrawRecordUrl(drawId),
      };
    }
    case 'DRAW': {
      const drawId = toGlobalId('Draw', id);
      return {
        kind,
        id: drawId,
        title: `摇号结果：${d.taskTitle}`,
        text: lines(
          `算法：${d.algorithm}`,
          `封存名单哈希：${d.inputHash}`,
          `服务器种子承诺：${d.commitment}`,
          `完整记录可下载复核：${publicDrawRecordUrl(drawId)}`,
        ),
        url: publicDrawRecordUrl(drawId),
      };
    }
    case 'PLAN':
      return {
        kind,
        id: toGlobalId('AnnualPlan', id),
        title: `年度抽查计划：${d.title}`,
        text: lines(`年度：${d.year}`, `抽查范围：${d.scope}`, `抽查事项：${(d.items as { item: string }[]).map((i) => i.item).join('、')}`),
        url: null,
      };
    case 'AUDIT_HEAD':
      throw new Error('audit heads are not read from the publication views'); // see feed-audit-heads.ts
  }
}
