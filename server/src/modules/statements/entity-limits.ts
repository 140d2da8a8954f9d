import type { EntityManager } from 'typeorm';
import { BEIJING_TIME_ZONE } from '@spotcheck/shared';
import type { AppServices } from '../../graphql/context';
import { ruleViolation } from '../../graphql/errors';
import { hitRateLimits } from '../../security/address-limiter';
import { todayInChina } from '../inspections/inspection-deadlines';
import { MAX_FILES_PER_RECORD } from '../evidence/evidence.service';
import type { CodeScope } from './access-code-lookup';

/**
 * What one access code may write (ENTITY_* settings): a code is a credential without an account, so
 * whoever holds it is bounded in rate (per code and per client address), per day (Beijing) and per
 * record chain. The counts per day and per record are taken in the writing transaction, under the
 * newest record's row lock, so two requests cannot both take the last place.
 */

/** Counts one write (a draft, a submission, an upload) against the address and the code. */
export function limitEntityWrites(app: AppServices, scope: CodeScope, ip: string | null): Promise<void> {
  const { writesPerMinute, addressWritesPerMinute } = app.config.entityLimits;
  const message = '操作过于频繁，请 {seconds} 秒后再试';
  return hitRateLimits(app, [
    { key: `entity-ip:${ip ?? 'unknown'}`, max: addressWritesPerMinute, windowSeconds: 60, message },
    { key: `entity-code:${scope.codeHash}`, max: writesPerMinute, windowSeconds: 60, message },
  ]);
}

const startOfToday = () => todayInChina(new Date());

/** Before a statement is submitted: the code's submissions today and on its record chain. */
export async function assertStatementQuota(app: AppServices, m: EntityManager, scope: CodeScope, chain: string[]): Promise<void> {
  const { statementsPerDay, statementsPerRecord } = app.config.entityLimits;
  const [counts] = (await m.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE submitted_at >= ($3::date)::timestamp AT TIME ZONE '${BEIJING_TIME_ZONE}')::int AS today
       FROM inspection_statements WHERE tenant_id = $1 AND inspection_id = ANY($2) AND submitted_at IS NOT NULL`,
    [scope.tenantId, chain, startOfToday()],
  )) as { total: number; today: number }[];
  if (counts!.total >= statementsPerRecord) {
    throw ruleViolation('statement.recordLimit', `每份检查记录最多受理 ${statementsPerRecord} 份陈述申辩；如需补充，请联系检查机关`);
  }
  if (counts!.today >= statementsPerDay) {
    throw ruleViolation('statement.dailyLimit', `同一查阅码每天最多提交 ${statementsPerDay} 份陈述申辩，请明天再提交`);
  }
}

/**
 * Before the entity's file is stored: its files today and on its record chain, and every file of the
 * record (the team's and the entity's together stay within MAX_FILES_PER_RECORD).
 */
export async function assertAttachmentQuota(app: AppServices, m: EntityManager, scope: CodeScope, chain: string[], recordId: string): Promise<void> {
  const { filesPerDay, filesPerRecord } = app.config.entityLimits;
  const [counts] = (await m.query(
    `SELECT count(*) FILTER (WHERE uploaded_by_entity AND inspection_id = ANY($2))::int AS entity,
            count(*) FILTER (WHERE uploaded_by_entity AND inspection_id = ANY($2) AND created_at >= ($4::date)::timestamp AT TIME ZONE '${BEIJING_TIME_ZONE}')::int AS today,
            count(*) FILTER (WHERE inspection_id = $3)::int AS record
       FROM evidence_files WHERE tenant_id = $1 AND (inspection_id = ANY($2) OR inspection_id = $3)`,
    [scope.tenantId, chain, recordId, startOfToday()],
  )) as { entity: number; today: number; record: number }[];
  if (counts!.record >= MAX_FILES_PER_RECORD) {
    throw ruleViolation('evidence.count', `每份检查记录最多 ${MAX_FILES_PER_RECORD} 个证据文件（含检查对象上传的附件）`);
  }
  if (counts!.entity >= filesPerRecord) {
    throw ruleViolation('statement.recordFiles', `检查对象对每份检查记录最多上传 ${filesPerRecord} 个附件`);
  }
  if (counts!.today >= filesPerDay) {
    throw ruleViolation('statement.dailyFiles', `同一查阅码每天最多上传 ${filesPerDay} 个附件，请明天再上传`);
  }
}
