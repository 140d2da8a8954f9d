import type { AppServices } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { assertAccessCodesAllowed, countWrongAccessCode } from '../../security/address-limiter';
import { accessCodeHash, normalizeAccessCode } from '../inspections/access-code';

/** Where a code leads: one tenant, and the newest record holding the code (a correction copies it). */
export interface CodeScope {
  tenantId: string;
  inspectionId: string;
  codeHash: string;
}

/** The same answer for a mistyped, unknown or malformed code: nothing to learn from it. */
const wrongCode = () => new AppError('NOT_FOUND', '查阅码无效，请核对检查人员提供的查阅码');

/**
 * Finds the record of an access code without a tenant scope (the SECURITY DEFINER `entity_record_of`,
 * which returns only the tenant and the record id); everything after runs under that tenant's RLS.
 * Wrong codes are counted per client address (security/address-limiter.ts): after
 * ACCESS_CODE_MAX_FAILURES within ACCESS_CODE_LOCK_MINUTES the address is refused for that long.
 * A right code does not clear the count, or one known code would reset the guessing.
 */
export async function scopeOfAccessCode(app: AppServices, ip: string | null, typed: string): Promise<CodeScope> {
  await assertAccessCodesAllowed(app, ip);
  const code = normalizeAccessCode(typed ?? '');
  const codeHash = code ? accessCodeHash(code) : null;
  const rows = codeHash
    ? ((await app.db.query('SELECT tenant_id, inspection_id FROM entity_record_of($1)', [codeHash])) as { tenant_id: string; inspection_id: string }[])
    : [];
  if (!rows[0] || !codeHash) {
    await countWrongAccessCode(app, ip);
    throw wrongCode();
  }
  return { tenantId: rows[0].tenant_id, inspectionId: rows[0].inspection_id, codeHash };
}
