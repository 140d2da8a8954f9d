import type { AppServices } from '../../graphql/context';
import { AppError, rateLimited } from '../../graphql/errors';
import { accessCodeHash, normalizeAccessCode } from '../inspections/access-code';

/** Where a code leads: one tenant, and the newest record holding the code (a correction copies it). */
export interface CodeScope {
  tenantId: string;
  inspectionId: string;
  codeHash: string;
}

/** The same answer for a mistyped, unknown or malformed code: nothing to learn from it. */
const wrongCode = () => new AppError('NOT_FOUND', '查阅码无效，请核对检查人员提供的查阅码');

function locked(until: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return rateLimited(`查阅码错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
}

/**
 * Finds the record of an access code without a tenant scope (the SECURITY DEFINER `entity_record_of`,
 * which returns only the tenant and the record id); everything after runs under that tenant's RLS.
 * Wrong codes are counted per client address, like failed sign-ins per account: after
 * ACCESS_CODE_MAX_FAILURES within ACCESS_CODE_LOCK_MINUTES the address is refused for that long.
 * A right code does not clear the count, or one known code would reset the guessing.
 */
export async function scopeOfAccessCode(app: AppServices, ip: string | null, typed: string): Promise<CodeScope> {
  const address = ip ?? 'unknown';
  const [{ until }] = (await app.db.query('SELECT access_code_locked_until($1) AS until', [address])) as { until: Date | null }[];
  if (until) throw locked(until);
  const code = normalizeAccessCode(typed ?? '');
  const codeHash = code ? accessCodeHash(code) : null;
  const rows = codeHash ? ((await app.db.query('SELECT tenant_id, inspection_id FROM entity_record_of($1)', [codeHash])) as { tenant_id: string; inspection_id: string }[]) : [];
  if (!rows[0] || !codeHash) {
    const { maxFailures, lockMinutes } = app.config.accessCode;
    const [{ until: now }] = (await app.db.query('SELECT access_code_failed($1, $2, $3) AS until', [address, maxFailures, lockMinutes])) as { until: Date | null }[];
    if (now) throw locked(now);
    throw wrongCode();
  }
  return { tenantId: rows[0].tenant_id, inspectionId: rows[0].inspection_id, codeHash };
}
