import type { EntityManager } from 'typeorm';
import { beijingDate, fromGlobalUuid, isIsoDate, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { Referral, ReferralStatus, ReferralTargetKind } from './referral.entity';
import { receivedReferralRows, type ReceivedReferralRow } from './referral-views';
import { noticeAcrossReferral } from './referral-notices';

/** The receiver's steps: from which state each one goes, and what it needs. */
export enum ReferralStep {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
  FILE = 'FILE',
  NOT_FILE = 'NOT_FILE',
  CLOSE = 'CLOSE',
}

/** `told`: how the referring bureau is told of the step (移送案件已接收：…). */
const STEPS: Record<ReferralStep, { from: ReferralStatus; to: ReferralStatus; label: string; told: string; textRequired?: string }> = {
  ACCEPT: { from: ReferralStatus.SENT, to: ReferralStatus.ACCEPTED, label: '接收', told: '已接收' },
  RETURN: { from: ReferralStatus.SENT, to: ReferralStatus.RETURNED, label: '退回', told: '被退回', textRequired: '退回请说明理由' },
  FILE: { from: ReferralStatus.ACCEPTED, to: ReferralStatus.FILED, label: '立案', told: '已立案' },
  NOT_FILE: { from: ReferralStatus.ACCEPTED, to: ReferralStatus.NOT_FILED, label: '不予立案', told: '不予立案', textRequired: '不予立案请说明理由' },
  CLOSE: { from: ReferralStatus.FILED, to: ReferralStatus.CLOSED, label: '结案', told: '已结案' },
};

export interface ReferralStepInput {
  step: ReferralStep;
  /** The day of the step (YYYY-MM-DD): accepted, returned, 立案, 不予立案 or 结案. */
  on: string;
  /** Reason (退回, 不予立案) or note (结案). */
  text?: string | null;
  /** 立案 case number. */
  caseNo?: string | null;
}

/** The state of a referral as its receiver sees it: the receiving bureau's row, or an external body's kept by the referring office. */
type StepRow = Pick<ReceivedReferralRow, 'id' | 'status' | 'sent_on' | 'accepted_on' | 'filed_on' | 'target_department_id'> & { external: boolean };

/**
 * A receiving department's head or its bureau's office records a step of a referral it received; for a
 * referral to an external body, the referring office records what the body reported. One statement
 * through referral_receive(), which writes the receiver's columns only.
 */
export function recordReferralStep(ctx: RequestContext, globalId: string, input: ReferralStepInput): Promise<ReceivedReferralRow> {
  return recordStep(ctx, globalId, input, false) as Promise<ReceivedReferralRow>;
}

/** The referring office records what an external body reported (it has no account here). */
export function recordExternalReferralStep(ctx: RequestContext, globalId: string, input: ReferralStepInput): Promise<Referral> {
  return recordStep(ctx, globalId, input, true) as Promise<Referral>;
}

function recordStep(ctx: RequestContext, globalId: string, input: ReferralStepInput, external: boolean): Promise<ReceivedReferralRow | Referral> {
  const viewer = requireViewer(ctx);
  const step = STEPS[input.step];
  const text = input.text?.trim() || null;
  const caseNo = input.step === ReferralStep.FILE ? input.caseNo?.trim() || null : null;
  const problems = [];
  if (!isIsoDate(input.on ?? '')) problems.push({ field: 'on', message: '日期格式应为 YYYY-MM-DD' });
  if (step.textRequired && !text) problems.push({ field: 'text', message: step.textRequired });
  if (text && text.length > 1000) problems.push({ field: 'text', message: '说明不超过 1000 字' });
  if (caseNo && caseNo.length > 60) problems.push({ field: 'caseNo', message: '案号不超过 60 字' });
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    const row = external ? await externalRow(ctx, m, globalId) : await receivedRow(ctx, m, globalId);
    if (row.status !== step.from) throw ruleViolation('REFERRAL_STATE', `该移送当前不能${step.label}`);
    assertDates(input.step, input.on, row);
    const done = (await m.query('SELECT referral_receive($1, $2, $3, $4, $5, $6) AS done', [row.id, step.from, step.to, input.on, text, caseNo])) as {
      done: boolean;
    }[];
    if (!done[0]?.done) throw conflict('该移送已被他人处理，请刷新');
    await appendAudit(m, actorOf(ctx), {
      action: `referral.${input.step.toLowerCase()}`,
      objectType: 'Referral',
      objectId: toGlobalId('Referral', row.id),
      before: { status: row.status },
      after: { status: step.to, on: input.on, text, caseNo },
    });
    if (row.external) return m.findOneByOrFail(Referral, { tenantId: viewer.tenantId, id: row.id });
    const [after] = await receivedReferralRows(m, [row.id]);
    await noticeAcrossReferral(m, row.id, {
      to: 'SENDER',
      step: input.step,
      kind: 'REFERRAL_STEP',
      title: `移送案件${step.told}：${after!.entity_name}`,
      body: [text, caseNo && `案号：${caseNo}`].filter(Boolean).join('；') || null,
      link: null,
      except: viewer.userId,
    });
    return after!;
  });
}

function assertDates(step: ReferralStep, on: string, row: StepRow) {
  const refuse = (message: string) => {
    throw ruleViolation('REFERRAL_DATE', message);
  };
  if (on > beijingDate()) refuse('日期不能晚于今天');
  if (row.sent_on && on < row.sent_on) refuse(`日期不能早于移送日期 ${row.sent_on}`);
  if ((step === ReferralStep.FILE || step === ReferralStep.NOT_FILE) && row.accepted_on && on < row.accepted_on)
    refuse(`日期不能早于接收日期 ${row.accepted_on}`);
  if (step === ReferralStep.CLOSE && row.filed_on && on < row.filed_on) refuse(`结案日期不能早于立案日期 ${row.filed_on}`);
}

async function receivedRow(ctx: RequestContext, m: EntityManager, globalId: string): Promise<StepRow> {
  const viewer = requireViewer(ctx);
  const id = fromGlobalUuid(globalId, 'Referral');
  const [received] = id ? await receivedReferralRows(m, [id]) : [];
  if (!received) throw notFound('移送');
  const head = viewer.roles.includes('DEPARTMENT_HEAD') && viewer.departmentId === received.target_department_id;
  // Within one bureau the office sent it: its own department's head receives it.
  const office = viewer.roles.includes('OFFICE') && received.target_kind === ReferralTargetKind.BUREAU;
  if (!head && !office) throw forbidden('移送由接收部门负责人（其他单位移送的，或其领导小组办公室）办理');
  return { ...received, external: false };
}

async function externalRow(ctx: RequestContext, m: EntityManager, globalId: string): Promise<StepRow> {
  const viewer = requireViewer(ctx);
  const id = fromGlobalUuid(globalId, 'Referral');
  const own = id ? await m.findOneBy(Referral, { tenantId: viewer.tenantId, id, targetKind: ReferralTargetKind.EXTERNAL }) : null;
  if (!own) throw notFound('移送');
  if (!viewer.roles.includes('OFFICE')) throw forbidden('移送系统外机关的办理情况由领导小组办公室登记');
  return {
    id: own.id,
    status: own.status,
    sent_on: own.sentOn,
    accepted_on: own.acceptedOn,
    filed_on: own.filedOn,
    target_department_id: null,
    external: true,
  };
}
