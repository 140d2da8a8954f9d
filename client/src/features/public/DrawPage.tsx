/**
 * One draw (摇号记录): what was announced before it (pool hash, commitment), the revealed seeds and
 * entropy, the platform's verdict, and the verification run again in this browser from the published
 * record, with the strata and the drawn entities and teams the record holds.
 */
import { useEffect, useMemo, type HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { BackLink, AppLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { MONO, percent } from './format';
import { publicMessages } from './messages';
import { PUBLIC_DRAW } from './operations';
import { PUBLIC_LINKS } from './paths';
import { VerificationTag } from './VerificationTag';
import { useVerifier } from './verify/useVerifier';
import { VerifierPanel } from './verify/VerifierPanel';
import type { RecordContent } from './verify/verify-record';

const mono = (value: string | null | undefined, testId?: string) =>
  value ? (
    <Typography.Text style={MONO} data-testid={testId} copyable>
      {value}
    </Typography.Text>
  ) : (
    '—'
  );

function RecordContentCards({ content }: { content: RecordContent }) {
  const m = useMessages(publicMessages);
  const labels = useMemo(() => new Map(content.strata.map((s) => [s.key, s.label])), [content]);
  type Selection = RecordContent['selections'][number];
  return (
    <>
      {content.pseudonymous && <Alert type="info" showIcon title={m('pseudonymNote')} data-testid="public-draw-pseudonymous" />}
      <Card title={m('strata')} size="small">
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={content.strata}
          columns={[
            { key: 'label', title: m('stratum'), dataIndex: 'label' },
            { key: 'ratio', title: m('ratio'), render: (_: unknown, s: RecordContent['strata'][number]) => (s.ratio ? percent(s.ratio) : '—') },
            { key: 'pool', title: m('eligible'), dataIndex: 'pool' },
            { key: 'drawn', title: m('drawn'), dataIndex: 'drawn' },
          ]}
        />
      </Card>
      {content.failure && (
        <Alert
          type="warning"
          showIcon
          title={m('failureTitle')}
          description={<Typography.Text style={MONO}>{JSON.stringify(content.failure)}</Typography.Text>}
        />
      )}
      {content.selections.length > 0 && (
        <Card title={m('selections')} size="small">
          <Table<Selection>
            rowKey="seq"
            size="small"
            dataSource={content.selections}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            onRow={(s) => ({ 'data-testid': 'public-draw-selection', 'data-uscc': s.entityKey }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'seq', title: '#', width: 60, render: (_: unknown, s: Selection) => s.seq + 1 },
              { key: 'stratum', title: m('stratum'), render: (_: unknown, s: Selection) => labels.get(s.stratumKey) ?? s.stratumKey },
              content.pseudonymous
                ? {
                    key: 'pseudonym',
                    title: m('entityPseudonym'),
                    render: (_: unknown, s: Selection) => <Typography.Text style={MONO}>{s.entityKey}</Typography.Text>,
                  }
                : {
                    key: 'uscc',
                    title: m('uscc'),
                    render: (_: unknown, s: Selection) => <AppLink to={PUBLIC_LINKS.entity(s.entityKey)}>{s.entityKey}</AppLink>,
                  },
              { key: 'team', title: m('team'), render: (_: unknown, s: Selection) => s.inspectorKeys.join('、') },
            ]}
          />
        </Card>
      )}
    </>
  );
}

export function DrawPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_DRAW, { variables: { id } });
  const verifier = useVerifier();
  const draw = data?.publicDraw;
  const { verifyUrl } = verifier;

  // The record is verified as soon as the page knows what was announced for it.
  useEffect(() => {
    if (draw) verifyUrl(draw.recordUrl, { inputHash: draw.inputHash, commitment: draw.commitment });
  }, [draw, verifyUrl]);

  if (!draw) return <QueryState error={error} />;
  const state = verifier.state;
  const running = state.step !== 'idle' && state.step !== 'done' && state.step !== 'error';
  const content = state.step === 'done' ? state.verdict.content : null;
  const entropy = content?.publicEntropy ?? [];

  return (
    <Flex vertical gap={16} data-testid="public-draw-page">
      <BackLink to={PUBLIC_LINKS.bureau(draw.bureauId, 'draws')} />
      <Card
        title={
          <Space wrap>
            <span data-testid="public-draw-title">{draw.taskTitle}</span>
            <VerificationTag verification={draw.verification} />
          </Space>
        }
        extra={
          <Typography.Link href={draw.recordUrl} download={`draw-${draw.id}.json`} data-testid="public-draw-download">
            <DownloadOutlined aria-hidden /> {m('downloadRecord')}
          </Typography.Link>
        }
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: m('drawStatus'), children: m(`status_${draw.status === 'DRAWN' ? 'DRAWN' : 'COMMITTED'}`) },
            { key: 'period', label: m('period'), children: `${draw.startsOn} — ${draw.endsOn}` },
            { key: 'algorithm', label: m('algorithm'), children: draw.algorithm },
            { key: 'rules', label: m('ruleVersion'), children: draw.ruleVersion },
            { key: 'committed', label: m('committedAt'), children: formatDateTime(draw.committedAt, lang) },
            { key: 'drawn', label: m('drawnAt'), children: formatDateTime(draw.drawnAt, lang) },
            { key: 'inputHash', label: m('inputHash'), children: mono(draw.inputHash, 'public-draw-input-hash') },
            { key: 'commitment', label: m('commitment'), children: mono(draw.commitment) },
            { key: 'serverSeed', label: m('serverSeed'), children: mono(content?.serverSeed) },
            { key: 'seed', label: m('seed'), children: mono(content?.seed, 'public-draw-seed') },
            {
              key: 'entropy',
              label: m('entropy'),
              children: entropy.length ? (
                <Flex vertical>
                  {entropy.map((e, i) => (
                    <Typography.Text key={i}>{e}</Typography.Text>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
            ...(draw.verification.reason
              ? [{ key: 'server', label: m('serverVerdict'), children: `${draw.verification.code ?? ''} ${draw.verification.reason}` }]
              : []),
          ]}
        />
      </Card>
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined aria-hidden />
            {m('verifierTitle')}
          </Space>
        }
        data-testid="public-draw-verifier"
        extra={
          running ? (
            <Button onClick={verifier.reset}>{m('cancel')}</Button>
          ) : (
            <Button
              type="primary"
              onClick={() => verifyUrl(draw.recordUrl, { inputHash: draw.inputHash, commitment: draw.commitment })}
              data-testid="public-draw-verify"
            >
              {state.step === 'idle' ? m('verifyNow') : m('verifyAgain')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{m('verifierIntro')}</Typography.Paragraph>
        <VerifierPanel state={state} />
      </Card>
      {content && <RecordContentCards content={content} />}
    </Flex>
  );
}
