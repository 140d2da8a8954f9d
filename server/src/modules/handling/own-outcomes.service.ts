import { In, type EntityManager } from 'typeorm';
import { checkOwnOutcome, fromGlobalUuid, toGlobalId, type HandlingOutcome } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { OwnHandlingOutcome, OwnOutcomeStatus, USABLE_OWN_OUTCOME } from './own-outcome.entity';

export interface OwnOutcomeProposal {
  code: string;
  label: string;
  behavesAs: HandlingOutcome;
  reason: string;
}

const lock = (m: EntityManager, tenantId: string) => m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7263))`, [`own-outcomes:${tenantId}`]);

/** The bureau's own outcomes: in use, waiting and returned, newest first. */
export function ownOutcomes(ctx: RequestContext, status: OwnOutcomeStatus | null): Promise<OwnHandlingOutcome[]> {
  const viewer = requireViewer(ctx);
  return readTx(ctx, (m) =>
    m.find(OwnHandlingOutcome, { where: { tenantId: viewer.tenantId, ...(status ? { status } : {}) }, order: { proposedAt: 'DESC' }, take: 200 }),
  );
}

/** One of the bureau's outcomes a handling may name: approved by a leader, not retired. Null when it is not (or is another bureau's). */
export function activeOwnOutcome(m: EntityManager, tenantId: string, code: string): Promise<OwnHandlingOutcome | null> {
  return m.findOneBy(OwnHandlingOutcome, { tenantId, code, status: In(USABLE_OWN_OUTCOME) });
}

/** The office proposes one of the bureau's own outcomes; it is usable once a leader approves it. */
export function proposeOwnOutcome(ctx: RequestContext, input: OwnOutcomeProposal): Promise<OwnHandlingOutcome> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('本单位处理结果由领导小组办公室提出');
  const problems = checkOwnOutcome(input);
  const reason = input.reason?.trim() ?? '';
  if (!reason) problems.push({ field: 'reason', message: '请说明增设理由' });
  else if (reason.length > 1000) problems.push({ field: 'reason', message: '理由不超过 1000 字' });
  if (problems.length) throw badInput(problems, '处理结果不符合要求');
  const code = input.code.trim();
  const label = input.label.trim();
  return tenantTx(ctx, async (m) => {
    await lock(m, viewer.tenantId);
    const taken = await m
      .createQueryBuilder(OwnHandlingOutcome, 'o')
      .where('o.tenant_id = :t AND o.status NOT IN (:...gone) AND (o.code = :code OR o.label = :label)', {
        t: viewer.tenantId,
        gone: [OwnOutcomeStatus.RETURNED, OwnOutcomeStatus.RETIRED],
        code,
        label,
      })
      .getOne();
    if (taken) throw conflict(taken.code === code ? `已有代码为 ${code} 的处理结果` : `已有处理结果“${label}”`);
    const inserted = await m.insert(OwnHandlingOutcome, {
      tenantId: viewer.tenantId,
      code,
      label,
      behavesAs: input.behavesAs,
      reason,
      proposedBy: viewer.userId,
    });
    const id = inserted.identifiers[0]!.id as string;
    await appendAudit(m, actorOf(ctx), {
      action: 'handling-outcome.propose',
      objectType: 'OwnHandlingOutcome',
      objectId: toGlobalId('OwnHandlingOutcome', id),
      after: { code, label, behavesAs: input.behavesAs, reason },
    });
    const leaders = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND id <> $2`, [viewer.tenantId, viewer.userId])) as {
      id: string;
    }[];
    await notify(m, {
      tenantId: viewer.tenantId,
      userIds: leaders.map((l) => l.id),
      kind: 'RULES_PROPOSED',
      title: `增设处理结果“${label}”等待审定`,
      body: reason,
      link: '/rules',
    });
    return m.findOneByOrFail(OwnHandlingOutcome, { tenantId: viewer.tenantId, id });
  });
}

/** A leader — never the proposer — approves the outcome (usable from now on) or returns it with a comment. */
export function reviewOwnOutcome(ctx: RequestContext, globalId: string, approve: boolean, comment: string | null): Promise<OwnHandlingOutcome> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('本单位处理结果须由分管领导审定');
  const note = comment?.trim() || null;
  if (!approve && !note) throw badInput([{ field: 'comment', message: '退回须填写意见' }]);
  const id = fromGlobalUuid(globalId, 'OwnHandlingOutcome');
  return tenantTx(ctx, async (m) => {
    await lock(m, viewer.tenantId);
    const row = id ? await m.findOneBy(OwnHandlingOutcome, { tenantId: viewer.tenantId, id }) : null;
    if (!row) throw notFound('处理结果');
    const retiring = row.status === OwnOutcomeStatus.RETIRING;
    if ((retiring ? row.retireProposedBy : row.proposedBy) === viewer.userId) throw forbidden('不能审定本人提出的处理结果或其停用');
    if (row.status !== OwnOutcomeStatus.PENDING && !retiring) throw ruleViolation('handling.ownOutcomeState', '该处理结果没有待审定的增设或停用');
    // A retirement approved retires it; returned, it stays in use.
    const status = retiring ? (approve ? OwnOutcomeStatus.RETIRED : OwnOutcomeStatus.ACTIVE) : approve ? OwnOutcomeStatus.ACTIVE : OwnOutcomeStatus.RETURNED;
    await m.update(
      OwnHandlingOutcome,
      { tenantId: viewer.tenantId, id: row.id },
      { status, reviewedBy: viewer.userId, reviewedAt: new Date(), reviewComment: note },
    );
    await appendAudit(m, actorOf(ctx), {
      action: `handling-outcome.${retiring ? 'retire-' : ''}${approve ? 'approve' : 'return'}`,
      objectType: 'OwnHandlingOutcome',
      objectId: toGlobalId('OwnHandlingOutcome', row.id),
      before: { status: row.status },
      after: { status, comment: note },
    });
    await notify(m, {
      tenantId: viewer.tenantId,
      userIds: [retiring ? row.retireProposedBy! : row.proposedBy],
      kind: approve ? 'RULES_APPROVED' : 'RULES_RETURNED',
      title: retiring
        ? approve
          ? `处理结果“${row.label}”已停用`
          : `处理结果“${row.label}”的停用已退回，仍可使用`
        : approve
          ? `处理结果“${row.label}”已审定，可以使用`
          : `处理结果“${row.label}”已退回`,
      body: note,
      link: '/rules',
    });
    return m.findOneByOrFail(OwnHandlingOutcome, { tenantId: viewer.tenantId, id: row.id });
  });
}

/**
 * The office proposes to retire one of the bureau's outcomes in use; it stays usable until a leader other
 * than the proposer approves the retirement (`reviewOwnOutcome`). Records that name it keep their label.
 */
export function proposeOwnOutcomeRetirement(ctx: RequestContext, globalId: string, reason: string): Promise<OwnHandlingOutcome> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden('停用本单位处理结果由领导小组办公室提出');
  const why = reason?.trim() ?? '';
  if (!why) throw badInput([{ field: 'reason', message: '请说明停用理由' }]);
  if (why.length > 1000) throw badInput([{ field: 'reason', message: '理由不超过 1000 字' }]);
  const id = fromGlobalUuid(globalId, 'OwnHandlingOutcome');
  return tenantTx(ctx, async (m) => {
    await lock(m, viewer.tenantId);
    const row = id ? await m.findOneBy(OwnHandlingOutcome, { tenantId: viewer.tenantId, id }) : null;
    if (!row) throw notFound('处理结果');
    if (row.status !== OwnOutcomeStatus.ACTIVE) throw ruleViolation('handling.ownOutcomeState', '只有在用的处理结果可以提出停用');
    await m.update(
      OwnHandlingOutcome,
      { tenantId: viewer.tenantId, id: row.id },
      { status: OwnOutcomeStatus.RETIRING, retireReason: why, retireProposedBy: viewer.userId },
    );
    await appendAudit(m, actorOf(ctx), {
      action: 'handling-outcome.propose-retire',
      objectType: 'OwnHandlingOutcome',
      objectId: toGlobalId('OwnHandlingOutcome', row.id),
      before: { status: row.status },
      after: { status: OwnOutcomeStatus.RETIRING, reason: why },
    });
    const leaders = (await m.query(`SELECT id FROM users WHERE tenant_id = $1 AND 'LEADER' = ANY(roles) AND id <> $2`, [viewer.tenantId, viewer.userId])) as {
      id: string;
    }[];
    await notify(m, {
      tenantId: viewer.tenantId,
      userIds: leaders.map((l) => l.id),
      kind: 'RULES_PROPOSED',
      title: `停用处理结果“${row.label}”等待审定`,
      body: why,
      link: '/rules',
    });
    return m.findOneByOrFail(OwnHandlingOutcome, { tenantId: viewer.tenantId, id: row.id });
  });
}
