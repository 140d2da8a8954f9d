/**
 * 摇号仪式 for a task: freeze the pool (commitment and pool hash published), the witness value and the
 * public number, the draw, then the revealed seeds (checked here in the browser) and the results.
 * Everyone of the bureau may watch; the page follows the ceremony live.
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Badge, Button, Card, Descriptions, Flex, InputNumber, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DesktopOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { describeError, type ApiProblem } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canRunDraw, canSeeDrawKeyMap } from '../../app/permissions';
import { DEFAULT_PUBLIC_NUMBER_DIGITS, DRAW_VERSION_PSEUDONYMOUS, MAX_PUBLIC_NUMBER_DIGITS } from '@spotcheck/shared';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { DrawProblemAlert } from './DrawProblemAlert';
import { failureOf, groupedHex, stepOf, summaryOf, verifyReveal } from './draw-data';
import { EntropyCard } from './EntropyCard';
import { drawMessages, isConstraint } from './messages';
import { COMMIT_DRAW, type CeremonyDraw } from './operations';
import { KeyMapCard } from './KeyMapCard';
import { PoolSummaryCard } from './PoolSummaryCard';
import { ResultsCard } from './ResultsCard';
import { useCeremony } from './useCeremony';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' as const };

export function CeremonyPage({ taskId }: { taskId: string }) {
  const { lang } = useI18n();
  const m = useMessages(drawMessages);
  const { task, draw, error, live } = useCeremony(taskId);
  const user = useCurrentUser();
  if (!task) return <QueryState error={error} />;
  const cancelled = task.status === 'CANCELLED';
  const failure = draw ? failureOf(draw) : null;

  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="ceremony-page" data-status={draw?.status ?? 'NONE'}>
      <BackLink to={LINKS.task(task.id)} label={task.title} />
      <Card
        title={
          <Space wrap>
            <span>{m('title')}</span>
            <Typography.Text type="secondary">{task.title}</Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {live && (
              <span title={m('liveHint')} data-testid="ceremony-live">
                <Badge status="processing" text={m('live')} />
              </span>
            )}
            <Button icon={<DesktopOutlined aria-hidden />} onClick={() => navigate(LINKS.ceremonyScreen(task.id))} data-testid="ceremony-big-screen">
              {m('bigScreen')}
            </Button>
          </Space>
        }
      >
        <Steps
          current={stepOf(draw)}
          status={failure ? 'error' : draw?.status === 'DRAWN' ? 'finish' : undefined}
          items={[{ title: m('stepFreeze') }, { title: m('stepEntropy') }, { title: m('stepDraw') }, { title: m('stepResults') }]}
          style={{ marginBottom: 24 }}
        />
        {!draw ? <FreezeSection taskId={task.id} cancelled={cancelled} /> : <CommitmentDetails draw={draw} lang={lang} />}
      </Card>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="draw-failure"
          data-constraint={failure.constraint}
          title={m('failedTitle')}
          description={
            <>
              <div>
                {m('failedRule', { constraint: isConstraint(failure.constraint) ? `${m(failure.constraint)}（${failure.constraint}）` : failure.constraint })}
              </div>
              <div>{m('failedNote')}</div>
            </>
          }
        />
      )}
      {draw && <PoolSummaryCard summary={summaryOf(draw)} />}
      {draw && <EntropyCard draw={draw} cancelled={cancelled} />}
      {draw?.status === 'DRAWN' && <RevealCard draw={draw} />}
      {draw?.status === 'DRAWN' && !failure && <ResultsCard drawId={draw.id} />}
      {draw?.algorithm === DRAW_VERSION_PSEUDONYMOUS && canSeeDrawKeyMap(user) && <KeyMapCard drawId={draw.id} />}
    </Flex>
  );
}

function FreezeSection({ taskId, cancelled }: { taskId: string; cancelled: boolean }) {
  const { t } = useI18n();
  const m = useMessages(drawMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [commit, { loading }] = useMutation(COMMIT_DRAW);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [digits, setDigits] = useState<number>(DEFAULT_PUBLIC_NUMBER_DIGITS);
  if (cancelled) return <Alert type="warning" showIcon title={m('cancelledTask')} />;
  const freeze = async () => {
    setProblem(null);
    try {
      await commit({ variables: { taskId, publicNumberDigits: digits }, refetchQueries: ['Tasks'] });
      void message.success(m('frozen'));
    } catch (error) {
      setProblem(describeError(error as never));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DrawProblemAlert problem={problem} onClose={() => setProblem(null)} />
      <Alert type="info" showIcon title={m('notCommitted')} />
      {canRunDraw(user) ? (
        <Space wrap align="center">
          <label htmlFor="public-number-digits">{m('digitsLabel')}</label>
          <InputNumber
            id="public-number-digits"
            min={1}
            max={MAX_PUBLIC_NUMBER_DIGITS}
            precision={0}
            value={digits}
            onChange={(v) => setDigits(v ?? DEFAULT_PUBLIC_NUMBER_DIGITS)}
            data-testid="draw-public-digits"
          />
          <Popconfirm title={m('freezeConfirm', { digits })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => void freeze()}>
            <Button type="primary" icon={<LockOutlined aria-hidden />} loading={loading} data-testid="draw-freeze">
              {m('freeze')}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">{m('digitsHint')}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{m('waiting')}</Typography.Text>
      )}
    </Space>
  );
}

function CommitmentDetails({ draw, lang }: { draw: CeremonyDraw; lang: 'zh' | 'en' }) {
  const m = useMessages(drawMessages);
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        {
          key: 'commitment',
          label: m('commitment'),
          children: (
            <Typography.Text copyable={{ text: draw.commitment }} style={mono} data-testid="draw-commitment">
              {groupedHex(draw.commitment)}
            </Typography.Text>
          ),
        },
        {
          key: 'inputHash',
          label: m('inputHash'),
          children: (
            <Typography.Text copyable={{ text: draw.inputHash }} style={mono} data-testid="draw-input-hash">
              {groupedHex(draw.inputHash)}
            </Typography.Text>
          ),
        },
        { key: 'algorithm', label: m('algorithm'), children: draw.algorithm },
        { key: 'ruleVersion', label: m('ruleVersion'), children: draw.ruleVersion },
        ...(draw.publicNumberDigits
          ? [
              {
                key: 'publicNumberDigits',
                label: m('digitsLabel'),
                children: <span data-testid="draw-public-digits-declared">{m('digitsDeclared', { digits: draw.publicNumberDigits })}</span>,
              },
            ]
          : []),
        { key: 'committedAt', label: m('committedAt'), children: formatDateTime(draw.committedAt, lang) },
        { key: 'drawnAt', label: m('drawnAt'), children: formatDateTime(draw.drawnAt, lang) },
      ]}
    />
  );
}

function RevealCard({ draw }: { draw: CeremonyDraw }) {
  const m = useMessages(drawMessages);
  const checks = verifyReveal(draw);
  const mark = (ok: boolean | undefined, good: string, bad: string, testId: string) => (
    <Tag
      icon={ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
      color={ok ? 'success' : 'error'}
      data-testid={testId}
      data-ok={ok ? 'true' : 'false'}
    >
      {ok ? good : bad}
    </Tag>
  );
  return (
    <Card
      title={m('stepResults')}
      data-testid="reveal-card"
      extra={
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href={`/api/public/draws/${encodeURIComponent(draw.id)}`}
          download={`draw-${draw.id}.json`}
          data-testid="draw-record-download"
        >
          {m('downloadRecord')}
        </Button>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'serverSeed',
            label: m('serverSeed'),
            children: (
              <Space direction="vertical" size={4}>
                <Typography.Text copyable={{ text: draw.serverSeed ?? '' }} style={mono} data-testid="draw-server-seed">
                  {groupedHex(draw.serverSeed ?? '')}
                </Typography.Text>
                {mark(checks?.commitment, m('commitmentOk'), m('commitmentBad'), 'draw-commitment-check')}
              </Space>
            ),
          },
          {
            key: 'seed',
            label: m('seed'),
            children: (
              <Space direction="vertical" size={4}>
                <Typography.Text copyable={{ text: draw.seed ?? '' }} style={mono} data-testid="draw-seed">
                  {groupedHex(draw.seed ?? '')}
                </Typography.Text>
                {mark(checks?.seed, m('seedOk'), m('seedBad'), 'draw-seed-check')}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
