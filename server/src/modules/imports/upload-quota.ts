import type { AppServices } from '../../graphql/context';
import { inTenant } from '../../db/tenancy';
import { HttpError } from './http-support';

const MiB = 1024 * 1024;

/** Bytes the bureau may still upload for imports: its daily quota less what it uploaded in the last 24 hours. */
export async function uploadAllowance(app: AppServices, tenantId: string): Promise<number> {
  const [{ used }] = await inTenant(app.db, tenantId, (m) =>
    m.query(`SELECT coalesce(sum(file_bytes), 0)::float8 AS used FROM import_jobs WHERE tenant_id = $1 AND created_at > now() - interval '24 hours'`, [
      tenantId,
    ]),
  );
  return app.config.imports.bytesPerTenantDay - Number(used);
}

/** The refusal once the quota is used up (before the body is read) or by the file being received. */
export function quotaExceeded(app: AppServices): HttpError {
  return new HttpError(
    429,
    'RATE_LIMITED',
    `本单位 24 小时内上传导入文件的总量已达 ${Math.round(app.config.imports.bytesPerTenantDay / MiB)} MiB 的额度，请明天再试或联系管理员调整额度`,
  );
}
