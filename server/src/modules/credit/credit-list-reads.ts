import { In } from 'typeorm';
import { beijingDate, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { activeBureau } from '../publication/public-directory-reads';
import { CreditListEntry, type CreditEntryStatus } from './credit-list-entry.entity';
import { CreditRepairRequest, type CreditRepairStatus } from './credit-repair-request.entity';
import { entryView, repairView, type CreditListEntryView, type CreditRepairView, type CreditListKind, type PublicCreditEntry } from './credit-list.types';

const LIMIT = 500;

async function namesOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
  const tenantId = requireViewer(ctx).tenantId;
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await readTx(ctx, (m) => m.query(`SELECT id, display_name FROM users WHERE tenant_id = $1 AND id = ANY($2)`, [tenantId, unique]));
  return new Map((rows as { id: string; display_name: string }[]).map((r) => [r.id, r.display_name]));
}

/** The bureau's entries, newest first, optionally of one status and one list. */
export async function creditListEntries(ctx: RequestContext, status: CreditEntryStatus | null, list: CreditListKind | null): Promise<CreditListEntryView[]> {
  const viewer = requireViewer(ctx);
  const rows = await readTx(ctx, (m) =>
    m.find(CreditListEntry, {
      where: { tenantId: viewer.tenantId, ...(status ? { status } : {}), ...(list ? { list } : {}) },
      order: { proposedAt: 'DESC', id: 'ASC' },
      take: LIMIT,
    }),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.proposedBy),
  );
  const today = beijingDate();
  return rows.map((r) => entryView(r, names, viewer.userId, today));
}

/** Views of entries just written (the mutations' answers). */
export async function viewsOfEntries(ctx: RequestContext, rows: readonly CreditListEntry[]): Promise<CreditListEntryView[]> {
  const names = await namesOf(
    ctx,
    rows.map((r) => r.proposedBy),
  );
  return rows.map((r) => entryView(r, names, requireViewer(ctx).userId, beijingDate()));
}

/** One repair request of the bureau as a view (the mutations' answers). */
export async function viewOfRepair(ctx: RequestContext, row: CreditRepairRequest): Promise<CreditRepairView> {
  const viewer = requireViewer(ctx);
  const entry = await readTx(ctx, (m) => m.findOneByOrFail(CreditListEntry, { tenantId: viewer.tenantId, id: row.entryId }));
  const [view] = await viewsOfEntries(ctx, [entry]);
  return repairView(row, view!, viewer.userId);
}

/** The bureau's repair requests, newest first, optionally of one status, each with its entry. */
export async function creditRepairRequests(ctx: RequestContext, status: CreditRepairStatus | null): Promise<CreditRepairView[]> {
  const viewer = requireViewer(ctx);
  const { requests, entries } = await readTx(ctx, async (m) => {
    const requests = await m.find(CreditRepairRequest, {
      where: { tenantId: viewer.tenantId, ...(status ? { status } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      take: LIMIT,
    });
    const entries = requests.length ? await m.findBy(CreditListEntry, { tenantId: viewer.tenantId, id: In(requests.map((r) => r.entryId)) }) : [];
    return { requests, entries: new Map(entries.map((e) => [e.id, e])) };
  });
  const names = await namesOf(
    ctx,
    [...entries.values()].map((e) => e.proposedBy),
  );
  const today = beijingDate();
  return requests.map((r) => repairView(r, entryView(entries.get(r.entryId)!, names, viewer.userId, today), viewer.userId));
}

/**
 * 信用公示: a bureau's lists as the portal shows them (the owner-rights view `public_credit_entries`:
 * approved entries in force, only of the lists the bureau's rules publish), blacklist first.
 */
export async function publicCreditList(ctx: RequestContext, bureauId: string, list: CreditListKind | null): Promise<PublicCreditEntry[]> {
  const tenantId = await activeBureau(ctx, bureauId);
  const rows = (await ctx.app.db.query(
    `SELECT id, list, entity_name, entity_uscc, reason, legal_basis, decided_on::text AS decided_on, valid_until::text AS valid_until
       FROM public_credit_entries WHERE tenant_id = $1 AND ($2::text IS NULL OR list = $2)
      ORDER BY list, decided_on DESC, entity_uscc LIMIT ${LIMIT}`,
    [tenantId, list],
  )) as Record<string, string>[];
  return rows.map((r) => ({
    id: toGlobalId('CreditListEntry', r.id!),
    list: r.list as CreditListKind,
    entityName: r.entity_name!,
    entityUscc: r.entity_uscc!,
    reason: r.reason!,
    legalBasis: r.legal_basis!,
    decidedOn: r.decided_on!,
    validUntil: r.valid_until!,
  }));
}
