import type { Request } from 'express';
import { beijingDate, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { publicDrawRecordUrl, publicDrawSeed } from '../draws/public-draws';
import { RESULT_COLUMNS, RESULT_FROM, publicResultOf } from '../publication/public-results';
import type { PublicationNotice } from './notice';

/**
 * The 公示 of a task's results, as a bureau published them: from the public views only, so it shows
 * exactly what the portal shows. `?bureau=<Tenant id>` gives a joint task participant's own notice;
 * without it, the lead's. Null when the task has no published result of that bureau.
 */
export async function loadTaskNotice(app: AppServices, req: Request, taskGlobalId: string): Promise<PublicationNotice | null> {
  const taskId = fromGlobalUuid(taskGlobalId, 'Task');
  if (!taskId) return null;
  const bureauArg = typeof req.query.bureau === 'string' ? fromGlobalUuid(req.query.bureau, 'Tenant') : null;
  if (typeof req.query.bureau === 'string' && !bureauArg) return null;
  const rows = (await app.db.query(
    `SELECT ${RESULT_COLUMNS} FROM ${RESULT_FROM}
      WHERE r.task_id = $1 AND r.tenant_id = coalesce($2::uuid, r.task_tenant_id) AND r.corrected_by_id IS NULL
      ORDER BY r.published_at, r.entity_uscc`,
    [taskId, bureauArg],
  )) as Record<string, any>[];
  if (!rows.length) return null;
  const results = rows.map(publicResultOf);
  const first = results[0]!;
  const drawGlobalId = toGlobalId('Draw', rows[0]!.draw_id);
  const parsed = await publicDrawSeed(app, drawGlobalId);
  const latest = results.reduce((a, r) => (r.publishedAt > a ? r.publishedAt : a), first.publishedAt);
  const publishedOn = beijingDate(latest);
  const base = siteBase(app, req);
  return {
    bureauName: first.bureau.name,
    title: `${first.bureau.name}关于“${first.task?.title ?? '随机抽查'}”抽查结果的公示`,
    publishedOn,
    intro: `根据“双随机、一公开”监管工作要求，现将“${first.task?.title ?? '随机抽查'}”的抽查结果予以公示。检查对象和执法检查人员均由公开摇号产生，摇号记录可按下方编号核验。`,
    rows: results.map((r, i) => ({
      seq: i + 1,
      entityName: r.entityName,
      uscc: r.entityUscc,
      items: r.items.map((item) => item.name),
      inspectedOn: r.inspectedOn ?? '',
      resultCategory: r.resultCategory?.label ?? '',
      findings: r.findings,
      correctionOf: r.correctsId ? `更正（${r.correctionReason ?? ''}）` : null,
    })),
    footer: `检查对象对抽查结果有异议的，可凭检查记录查阅码在线提出陈述、申辩，或向公示单位书面提出。\n公示信息同时发布于 SpotCheck 公示平台（${base}/public），订阅地址 ${base}/api/public/feed.atom。`,
    verification: parsed
      ? {
          drawId: drawGlobalId,
          inputHash: parsed.inputHash,
          seed: parsed.seed,
          url: `${base}${publicDrawRecordUrl(drawGlobalId)}`,
          pageUrl: `${base}/public/draws/${drawGlobalId}`,
        }
      : null,
  };
}

/**
 * The site's address for the notice's links, which are printed and so must be absolute: PUBLIC_BASE_URL,
 * or else the address this request came to (the download is never cached, so no other reader gets it).
 */
function siteBase(app: AppServices, req: Request): string {
  return app.config.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
