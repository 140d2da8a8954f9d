/** How far the in-browser verification has got (steps, bytes, a bar while hashing) and its verdict. */
import { Alert, Flex, Progress, Steps, Typography } from 'antd';
import { useMessages } from '../../../app/i18n';
import { byteSize } from '../format';
import { publicMessages } from '../messages';
import type { VerifierState } from './useVerifier';
import type { Verdict } from './verify-record';

const STEPS = ['download', 'parse', 'hash', 'redraw'] as const;

export function VerdictAlert({ verdict, seconds }: { verdict: Verdict; seconds?: number }) {
  const m = useMessages(publicMessages);
  const facts = verdict.facts;
  const checkLabel = (code: string) => (`check_${code}` in publicMessages.zh ? m(`check_${code}` as keyof typeof publicMessages.zh) : code);
  const details = (
    <Flex vertical gap={4}>
      {verdict.status === 'FAILED' && (
        <>
          <Typography.Text strong data-testid="verifier-failed-check" data-code={verdict.code}>
            {m('failedCheck', { code: checkLabel(verdict.code) })}（{verdict.code}）
          </Typography.Text>
          <Typography.Text data-testid="verifier-reason">{verdict.reason}</Typography.Text>
        </>
      )}
      {verdict.ownLine !== undefined &&
        (verdict.ownLine ? (
          <Typography.Text data-testid="verifier-own-line" data-drawn={verdict.ownLine.drawn} data-pseudonym={verdict.ownLine.pseudonym}>
            {m('ownLineFound', { pseudonym: verdict.ownLine.pseudonym, strata: verdict.ownLine.strata, weight: verdict.ownLine.weight ?? '—' })}
            {verdict.ownLine.drawn ? m('ownLineDrawn', { team: verdict.ownLine.team.join('、') }) : m('ownLineNotDrawn')}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" data-testid="verifier-own-line-missing">
            {m('ownLineMissing')}
          </Typography.Text>
        ))}
      {facts && (
        <Typography.Text type="secondary">
          {m('checkedFacts', { strata: facts.strata, entities: facts.entities, inspectors: facts.inspectors, selected: facts.selected, teams: facts.teams })}
        </Typography.Text>
      )}
      {seconds !== undefined && <Typography.Text type="secondary">{m('seconds', { seconds: seconds.toFixed(2) })}</Typography.Text>}
    </Flex>
  );
  const type = verdict.status === 'VERIFIED' ? 'success' : verdict.status === 'PENDING' ? 'info' : 'error';
  return (
    <Alert
      type={type}
      showIcon
      role="status"
      data-testid="verifier-verdict"
      data-status={verdict.status}
      title={m(`verdict_${verdict.status}`)}
      description={details}
    />
  );
}

export function VerifierPanel({ state, showDownload = true }: { state: VerifierState; showDownload?: boolean }) {
  const m = useMessages(publicMessages);
  if (state.step === 'idle') return null;
  if (state.step === 'done') return <VerdictAlert verdict={state.verdict} seconds={state.seconds} />;
  if (state.step === 'error') {
    return <Alert type="error" showIcon role="alert" data-testid="verifier-error" title={m(`error_${state.problem}`)} description={state.detail} />;
  }
  const steps = showDownload ? STEPS : STEPS.slice(1);
  const current = steps.indexOf(state.step as (typeof STEPS)[number]);
  let detail: string | null = null;
  let fraction: number | undefined;
  if (state.step === 'download') {
    detail = state.total
      ? m('receivedOf', { received: byteSize(state.received), total: byteSize(state.total) })
      : m('received', { received: byteSize(state.received) });
    fraction = state.total ? state.received / state.total : undefined;
  } else if (state.step === 'hash') {
    fraction = state.fraction;
  }
  return (
    <Flex vertical gap={12} data-testid="verifier-progress" data-step={state.step} aria-live="polite">
      <Steps size="small" current={current} items={steps.map((s) => ({ title: m(`step_${s}`) }))} />
      {fraction !== undefined ? <Progress percent={Math.round(fraction * 100)} status="active" /> : <Progress percent={100} status="active" showInfo={false} />}
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
    </Flex>
  );
}
