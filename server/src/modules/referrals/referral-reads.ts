import { In } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { connectionOf, paginateSql, type PageArgs } from '../../graphql/connection';
import { notFound } from '../../graphql/errors';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { Referral, type ReferralStatus } from './referral.entity';
import { ReceivedReferral, ReferralView } from './referral.types';
import { receivedReferralQuery, receivedReferralRows, type ReceivedReferralRow } from './referral-views';

/** Who sees every referral the bureau received; a department head sees those to the own department. */
const WHOLE_BUREAU: string[] = ['OFFICE', 'LEADER', 'SUPERVISOR'];

function referralLoaders(ctx: RequestContext) {
  return {
    ofInspection: childrenLoader<Referral>(
      ctx,
      (m, ids) => m.find(Referral, { where: { tenantId: requireViewer(ctx).tenantId, inspectionId: In(ids) }, order: { createdAt: 'ASC' } }),
      (row) => row.inspectionId,
    ),
  };
}

/** A record's referrals, newest last, as its own bureau sees them. */
export async function referralsOfInspection(ctx: RequestContext, inspectionId: string): Promise<ReferralView[]> {
  return (await perRequest(ctx, referralLoaders).ofInspection.load(inspectionId)).map(ReferralView.of);
}

/** The referrals the viewer's bureau received (a department head: those to the own department). */
export function receivedReferrals(ctx: RequestContext, status: ReferralStatus | null, args: PageArgs) {
  const viewer = requireViewer(ctx);
  const wholeBureau = viewer.roles.some((r) => WHOLE_BUREAU.includes(r));
  if (!wholeBureau && !(viewer.roles.includes('DEPARTMENT_HEAD') && viewer.departmentId)) return connectionOf<ReceivedReferral>([], 0, 0);
  const { sql, params } = receivedReferralQuery(status, wholeBureau ? null : viewer.departmentId);
  return readTx(ctx, (m) => paginateSql<ReceivedReferralRow, ReceivedReferral>(m, sql, params, args, ReceivedReferral.of));
}

/** One received referral; NOT_FOUND when the viewer's bureau did not receive it (or it is not sent yet). */
export async function receivedReferral(ctx: RequestContext, globalId: string): Promise<ReceivedReferral> {
  requireViewer(ctx);
  const id = fromGlobalUuid(globalId, 'Referral');
  const [row] = id ? await readTx(ctx, (m) => receivedReferralRows(m, [id])) : [];
  if (!row) throw notFound('移送');
  return ReceivedReferral.of(row);
}
