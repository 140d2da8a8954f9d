import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { inTenant } from '../../db/tenancy';
import type { AppServices } from '../../graphql/context';
import { badInput, notFound, ruleViolation } from '../../graphql/errors';
import { appendAudit } from '../audit/audit.service';
import { todayInChina } from '../inspections/inspection-deadlines';
import type { CodeScope } from '../statements/access-code-lookup';
import { Rectification, RectificationStatus } from './rectification.entity';

const MAX_REPORT = 5000;

/** The newest rectification ordered on the code's records (a correction keeps the code), or null. */
async function rectificationOfCode(m: EntityManager, scope: CodeScope, lock: boolean): Promise<Rectification | null> {
  const query = m
    .createQueryBuilder(Rectification, 'r')
    .where(`r.tenant_id = :t AND r.inspection_id IN (SELECT i.id FROM inspections i WHERE i.tenant_id = :t AND i.access_code_hash = :h)`, {
      t: scope.tenantId,
      h: scope.codeHash,
    })
    .orderBy('r.created_at', 'DESC')
    .limit(1);
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

export function readEntityRectification(app: AppServices, scope: CodeScope): Promise<Rectification | null> {
  return inTenant(app.db, scope.tenantId, (m) => rectificationOfCode(m, scope, false));
}

/**
 * The entity reports how it rectified, through its access code: until the team re-checks, it may report
 * again (the latest report stands). A report after the deadline is accepted and stays visibly late.
 */
export function reportEntityRectification(app: AppServices, scope: CodeScope, body: string, requestId: string | null): Promise<Rectification> {
  const text = body?.trim() ?? '';
  if (!text) throw badInput([{ field: 'body', message: '请填写整改情况' }]);
  if (text.length > MAX_REPORT) throw badInput([{ field: 'body', message: `整改情况不超过 ${MAX_REPORT} 字` }]);
  return inTenant(app.db, scope.tenantId, async (m) => {
    const r = await rectificationOfCode(m, scope, true);
    if (!r) throw notFound('整改');
    if (r.status !== RectificationStatus.OPEN && r.status !== RectificationStatus.REPORTED) {
      throw ruleViolation('RECTIFICATION_REPORT', '整改已复查或已办结，不能再报告；如需补充，请联系检查机关');
    }
    const reportedOn = todayInChina(new Date());
    await m
      .createQueryBuilder()
      .update(Rectification)
      .set({ reportText: text, reportedOn, status: RectificationStatus.REPORTED })
      .where('tenant_id = :t AND id = :id', { t: scope.tenantId, id: r.id })
      .execute();
    await appendAudit(
      m,
      { tenantId: scope.tenantId, userId: null, username: null, requestId },
      {
        action: 'rectification.report',
        objectType: 'Rectification',
        objectId: toGlobalId('Rectification', r.id),
        after: { reportedOn, late: reportedOn > r.dueOn },
      },
    );
    return m.createQueryBuilder(Rectification, 'r').where('r.tenant_id = :t AND r.id = :id', { t: scope.tenantId, id: r.id }).getOneOrFail();
  });
}
