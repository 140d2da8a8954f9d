import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { notificationOf } from '../../graphql/pubsub';
import { transactionScoped } from '../../db/after-commit';
import { AuditEvent } from './audit-event.entity';
import { GENESIS_HASH, auditHash, auditHashParts, toJsonValue } from './audit-hash';
import { publishedHeads, type AuditHead, type AuditHeadSource } from './audit-anchor.service';

export const AUDIT_TOPIC = 'AUDIT_EVENT_APPENDED';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  tenantId: string;
  userId: string | null;
  username: string | null;
  requestId: string | null;
}

export function actorOf(ctx: RequestContext): AuditActor {
  return {
    tenantId: ctx.viewer?.tenantId ?? '',
    userId: ctx.viewer?.userId ?? null,
    username: ctx.viewer?.username ?? null,
    requestId: ctx.requestId,
  };
}

/**
 * Appends one event to the actor tenant's chain inside the caller's transaction, so the event and the
 * change it records commit or roll back together. A per-tenant advisory lock orders the chain, taken
 * once per transaction; then one statement reads the head, appends the event with its hash computed
 * by PostgreSQL from `auditHashParts` (the same bytes `auditHash` covers, which verification
 * recomputes) and publishes it on commit. The lock must be a statement of its own: a statement that
 * waited for the lock would still read the head as of its own start.
 */
export async function appendAudit(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<AuditEvent> {
  await lockChain(manager, actor.tenantId);
  const fixed = {
    tenantId: actor.tenantId,
    id: crypto.randomUUID(),
    occurredAt: new Date(),
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    requestId: actor.requestId,
  };
  const parts = auditHashParts(fixed);
  const { channel, payload } = notificationOf(AUDIT_TOPIC, { tenantId: fixed.tenantId, eventId: fixed.id });
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const [head] = (await manager.query(
    `WITH head AS (SELECT seq, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1),
          next AS (SELECT COALESCE((SELECT seq FROM head), 0) + 1 AS seq, COALESCE((SELECT hash FROM head), $2) AS prev_hash),
          appended AS (
            INSERT INTO audit_events (tenant_id, seq, id, occurred_at, actor_user_id, actor_username, action, object_type, object_id, before, after, request_id, prev_hash, hash)
            SELECT $1, n.seq, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, n.prev_hash,
                   encode(sha256(convert_to($13 || n.prev_hash || $14 || n.seq::text || $15, 'UTF8')), 'hex')
              FROM next n
            RETURNING seq, prev_hash, hash)
     SELECT a.seq, a.prev_hash, a.hash, pg_notify($16, $17) FROM appended a`,
    [
      fixed.tenantId,
      GENESIS_HASH,
      fixed.id,
      fixed.occurredAt,
      fixed.actorUserId,
      fixed.actorUsername,
      fixed.action,
      fixed.objectType,
      fixed.objectId,
      jsonb(fixed.before),
      jsonb(fixed.after),
      fixed.requestId,
      parts.before,
      parts.between,
      parts.after,
      channel,
      payload,
    ],
  )) as { seq: string; prev_hash: string; hash: string }[];
  return manager.create(AuditEvent, { ...fixed, seq: Number(head!.seq), prevHash: head!.prev_hash, hash: head!.hash });
}

/** The tenant's chain lock, once per transaction (it is held until the transaction ends). */
async function lockChain(manager: EntityManager, tenantId: string): Promise<void> {
  const scoped = transactionScoped(manager) as { auditChains?: Set<string> } | null;
  if (scoped?.auditChains?.has(tenantId)) return;
  // Marked before the statement is sent: a second append of this transaction queues behind it.
  if (scoped) (scoped.auditChains ??= new Set()).add(tenantId);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7261))`, [`audit:${tenantId}`]);
}

export type AuditChainStatus = 'INTACT' | 'BROKEN' | 'TRUNCATED';

export interface AuditChainReport {
  ok: boolean;
  status: AuditChainStatus;
  checked: number;
  firstBrokenSeq: number | null;
  firstBrokenEventId: string | null;
  reason: string | null;
  /** The published head that the chain no longer holds (TRUNCATED), and who holds it. */
  anchorSeq: number | null;
  anchorSource: AuditHeadSource | null;
  /** Published heads found on the chain as published. */
  headsChecked: number;
}

const BATCH = 1000;

const SOURCE_LABELS: Record<AuditHeadSource, string> = { BUREAU: '本单位公布的链头', PROVINCE: '省级留存的链头', GIVEN: '提供的链头' };

/**
 * Re-walks a tenant's chain from the first event; names the first event whose link or content no longer
 * holds (BROKEN). Then every published head must be on the chain as published: the tenant's anchors,
 * the provinces' copies and any `given` by the caller (a copy kept outside, e.g. from the feed). A head
 * beyond the chain's end, or with another event at its seq, means the newest events were cut off
 * (TRUNCATED), which the links alone cannot show.
 */
export async function verifyAuditChain(
  manager: EntityManager,
  tenantId: string,
  given: readonly { seq: number; hash: string }[] = [],
): Promise<AuditChainReport> {
  const heads = [...(await publishedHeads(manager, tenantId)), ...given.map((h) => ({ ...h, source: 'GIVEN' as const }))];
  const headsAt = new Map<number, AuditHead[]>();
  for (const head of heads) headsAt.set(head.seq, [...(headsAt.get(head.seq) ?? []), head]);
  const fine = { ok: true, status: 'INTACT' as const, firstBrokenSeq: null, firstBrokenEventId: null, reason: null, anchorSeq: null, anchorSource: null };
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let headsChecked = 0;
  for (;;) {
    const rows = await manager
      .createQueryBuilder(AuditEvent, 'e')
      .where('e.tenant_id = :tenantId AND e.seq >= :from', { tenantId, from: expectedSeq })
      .orderBy('e.seq', 'ASC')
      .take(BATCH)
      .getMany();
    for (const row of rows) {
      const broken = (reason: string): AuditChainReport => ({
        ...fine,
        ok: false,
        status: 'BROKEN',
        checked,
        headsChecked,
        firstBrokenSeq: row.seq,
        firstBrokenEventId: toGlobalId('AuditEvent', row.id),
        reason,
      });
      if (row.seq !== expectedSeq) return { ...broken(`缺少序号 ${expectedSeq} 的事件（被删除）`), firstBrokenSeq: expectedSeq };
      if (row.prevHash !== expectedPrev) return broken('前序哈希不符（链被改动）');
      const { hash, ...content } = row;
      if (auditHash(content) !== hash) return broken('事件内容与其哈希不符（记录被改动）');
      for (const head of headsAt.get(row.seq) ?? []) {
        if (head.hash !== hash) {
          return {
            ...broken(`第 ${row.seq} 号事件与${SOURCE_LABELS[head.source]}不符：链在此之前被截断，其后的事件是重写的`),
            status: 'TRUNCATED',
            anchorSeq: head.seq,
            anchorSource: head.source,
          };
        }
        headsChecked += 1;
      }
      expectedPrev = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const beyond = heads.filter((h) => h.seq >= expectedSeq).sort((a, b) => b.seq - a.seq)[0];
  if (!beyond) return { ...fine, checked, headsChecked };
  return {
    ...fine,
    ok: false,
    status: 'TRUNCATED',
    checked,
    headsChecked,
    firstBrokenSeq: expectedSeq,
    reason: `链尾被截断：${SOURCE_LABELS[beyond.source]}为第 ${beyond.seq} 号事件，链上只到第 ${expectedSeq - 1} 号，其后的事件已被删除`,
    anchorSeq: beyond.seq,
    anchorSource: beyond.source,
  };
}
