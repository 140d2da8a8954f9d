import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit hash covers, in stored form. */
export interface AuditContent {
  tenantId: string;
  seq: number;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/** SHA-256 over canonical JSON (keys sorted at every level), so jsonb's key reordering does not matter. */
export function auditHash(event: AuditContent): string {
  const content = { ...event, occurredAt: event.occurredAt.toISOString() };
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * `auditHash`'s input split around the two fields only the chain's head decides, `prevHash` and `seq`:
 * the hash is `sha256(before + prevHash + between + seq + after)`, so that PostgreSQL can compute it
 * in the statement that reads the head and appends (canonical keys sort `prevHash`, `requestId`, `seq`,
 * `tenantId` last, in that order).
 */
export function auditHashParts(event: Omit<AuditContent, 'prevHash' | 'seq'>): { before: string; between: string; after: string } {
  const { requestId, tenantId, ...rest } = event;
  const head = canonicalJson({ ...rest, occurredAt: rest.occurredAt.toISOString() });
  return {
    before: `${head.slice(0, -1)},"prevHash":"`,
    between: `","requestId":${canonicalJson(requestId)},"seq":`,
    after: `,"tenantId":${canonicalJson(tenantId)}}`,
  };
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Before/after snapshots are stored as jsonb: reduce them to plain JSON first so what is hashed is what is stored. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
