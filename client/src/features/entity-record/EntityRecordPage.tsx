/**
 * /record, open to anyone: the entity types the access code its inspectors gave it (or arrives with
 * ?code=, which is then taken out of the address) and reads its record: the result, the team, the
 * deadlines, earlier versions, its statements with the team's answers, and the evidence once published.
 * It may then make a statement or an objection, with attachments.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Form, Input, List, Spin, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { normalizeAccessCode } from '@spotcheck/shared';
import { useI18n, useMessages } from '../../app/i18n';
import { navigate, PATHS, queryParam } from '../../app/navigation';
import { apiProblem } from './entity-problems';
import { DrawLineCard } from './DrawLineCard';
import { EntityFiles } from './EntityFiles';
import { entityRecordMessages } from './messages';
import { ENTITY_RECORD } from './operations';
import { RecordDetails } from './RecordDetails';
import { StatementForm } from './StatementForm';
import { StatementList } from './StatementList';
import { EntityCreditCard } from '../credit/EntityCreditCard';
import { EntityRectificationCard } from '../rectifications/EntityRectificationCard';

function CodeForm({ initial, onOpen }: { initial: string; onOpen: (code: string) => void }) {
  const m = useMessages(entityRecordMessages);
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form<{ code: string }>
      form={form}
      layout="vertical"
      initialValues={{ code: initial }}
      onFinish={({ code }) => onOpen(normalizeAccessCode(code)!)}
      data-testid="access-code-form"
    >
      <Form.Item
        name="code"
        label={m('code')}
        extra={m('codeHint')}
        rules={[
          { required: true, message: m('codeRequired') },
          { validator: (_, value?: string) => (!value || normalizeAccessCode(value) ? Promise.resolve() : Promise.reject(new Error(m('codeInvalid')))) },
        ]}
      >
        <Input
          size="large"
          autoComplete="off"
          spellCheck={false}
          placeholder={m('codePlaceholder')}
          style={{ maxWidth: 320, fontFamily: 'monospace' }}
          data-testid="access-code-input"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} data-testid="access-code-submit">
        {m('lookUp')}
      </Button>
    </Form>
  );
}

export function EntityRecordPage() {
  const { t } = useI18n();
  const m = useMessages(entityRecordMessages);
  const [prefill] = useState(() => queryParam('code') ?? '');
  const [code, setCode] = useState<string | null>(() => normalizeAccessCode(prefill));
  // The code is a key: keep it out of the address bar and the history once read.
  useEffect(() => {
    if (prefill) navigate(PATHS.entityRecord, { replace: true });
  }, [prefill]);

  const { data, loading, error, refetch } = useQuery(ENTITY_RECORD, { variables: { accessCode: code ?? '' }, skip: !code, fetchPolicy: 'network-only' });
  const record = code ? data?.entityRecord : undefined;
  const problem = code && !loading ? apiProblem(error, m, t) : null;

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 960 }} data-testid="entity-record-page">
      <Card title={m('title')}>
        <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
        {record ? (
          <Button onClick={() => setCode(null)} data-testid="access-code-another">
            {m('another')}
          </Button>
        ) : (
          <CodeForm initial={prefill} onOpen={setCode} />
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 16 }}
            title={problem.title}
            description={problem.message}
            data-testid="access-code-error"
            data-kind={problem.kind}
          />
        )}
        {code && loading && !record && <Spin style={{ marginTop: 16 }} tip={t('loading')} />}
      </Card>
      {record && code && (
        <>
          <Card title={m('record')} data-testid="entity-record">
            <RecordDetails record={record} />
          </Card>
          {record.jointParts.length > 0 && (
            <Card title={m('jointParts')} data-testid="entity-joint-parts">
              <Typography.Paragraph type="secondary">{m('jointPartsIntro')}</Typography.Paragraph>
              <List
                size="small"
                dataSource={record.jointParts}
                renderItem={(p) => (
                  <List.Item data-testid="entity-joint-part">
                    <Flex vertical gap={4}>
                      <span>
                        {`${p.bureau} · ${p.department}`} <Tag>{p.statusLabel}</Tag>
                        {p.own && <Tag color="purple">{m('jointPartThis')}</Tag>}
                      </span>
                      <Typography.Text type="secondary">{`${m('items')}：${p.items.join('、') || m('none')}；${m('team')}：${p.team.join('、') || m('none')}`}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          )}
          {record.drawLine && <DrawLineCard line={record.drawLine} />}
          <Card title={m('evidence')}>
            {record.status === 'PUBLISHED' || record.evidence.length ? (
              record.evidence.length ? (
                <EntityFiles files={record.evidence} accessCode={code} testId="entity-record-evidence" />
              ) : (
                <Typography.Text type="secondary">{m('evidenceNone')}</Typography.Text>
              )
            ) : (
              <Typography.Text type="secondary">{m('evidenceIntro')}</Typography.Text>
            )}
          </Card>
          <Card title={m('statements')}>
            <StatementList statements={record.statements} accessCode={code} />
          </Card>
          <EntityRectificationCard accessCode={code} />
          <EntityCreditCard accessCode={code} />
          <Card title={m('write')}>
            <StatementForm key={record.draft?.id ?? 'new'} accessCode={code} draft={record.draft ?? null} onChanged={() => refetch()} />
          </Card>
        </>
      )}
    </Flex>
  );
}
