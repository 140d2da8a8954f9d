/**
 * 陈述申辩: what the entity said with its access code (on this record or the one it corrects), its
 * attachments, and the team's answer and re-check. A team member answers (需要复核 to re-check) and
 * then records what the re-check found; each is given once.
 */
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, Image, Input, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { downloadWithToken } from '../imports/authed-download';
import { EvidenceThumb } from './EvidenceThumb';
import { formatBytes } from './format';
import { inspectionMessages } from './messages';
import { ANSWER_STATEMENT, RECORD_RECHECK, type InspectionDetail, type StatementRow } from './operations';

export function StatementsCard({ record, isTeam }: { record: InspectionDetail; isTeam: boolean }) {
  const m = useMessages(inspectionMessages);
  const statements = record.statements;
  if (statements === null) return null;
  return (
    <Card title={m('statements')} data-testid="statements-card">
      <Typography.Paragraph type="secondary">{m('statementsHint')}</Typography.Paragraph>
      {statements.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('noStatements')} />
      ) : (
        <Flex vertical gap={12}>
          {statements.map((s) => (
            <Statement key={s.id} statement={s} recordId={record.id} isTeam={isTeam} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Statement({ statement: s, recordId, isTeam }: { statement: StatementRow; recordId: string; isTeam: boolean }) {
  const { lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const notify = useNotifyProblem();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="statement"
      data-kind={s.kind}
      title={
        <Space wrap size={4}>
          <Tag color={s.kind === 'OBJECTION' ? 'red' : 'blue'}>{m(s.kind)}</Tag>
          <Typography.Text type="secondary">{formatDateTime(s.submittedAt, lang)}</Typography.Text>
          {s.afterReportDue && (
            <Tag color="gold" data-testid="statement-after-report-due">
              {m('afterReportDue')}
            </Tag>
          )}
          {s.afterPublication && <Tag color="orange">{m('afterPublication')}</Tag>}
          {s.inspection && s.inspection.id !== recordId && <Tag>{m('fromEarlierRecord')}</Tag>}
        </Space>
      }
      extra={<Tag color={s.settled ? 'green' : 'default'}>{s.settled ? m('settled') : m('open')}</Tag>}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="statement-body">
        {s.body}
      </Typography.Paragraph>
      {s.attachments.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={12} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{m('attachments')}：</Typography.Text>
            {s.attachments.map((f) => (
              <Space key={f.id} size={6}>
                <EvidenceThumb file={f} />
                <Typography.Link onClick={() => void downloadWithToken(f.url, f.fileName).catch(notify)}>{f.fileName}</Typography.Link>
                <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {s.answeredAt ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'answer',
              label: m('answer'),
              children: (
                <Space direction="vertical" size={0}>
                  <span style={{ whiteSpace: 'pre-wrap' }} data-testid="statement-answer">
                    {s.answer}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m('answerBy', { name: s.answeredBy ?? '—', at: formatDateTime(s.answeredAt, lang) })}
                  </Typography.Text>
                </Space>
              ),
            },
            ...(s.recheckRequired
              ? [
                  {
                    key: 'recheck',
                    label: m('recheckResult'),
                    children: s.recheckResult ? (
                      <Space direction="vertical" size={0}>
                        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="statement-recheck">
                          {s.recheckResult}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m('recheckAt', { at: formatDateTime(s.recheckedAt, lang) })}
                        </Typography.Text>
                      </Space>
                    ) : isTeam ? (
                      <RecheckForm statementId={s.id} />
                    ) : (
                      <Tag color="gold">{m('recheckRequired')}</Tag>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        isTeam && <AnswerForm statementId={s.id} />
      )}
    </Card>
  );
}

function AnswerForm({ statementId }: { statementId: string }) {
  const m = useMessages(inspectionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string; recheck: boolean }>();
  const { problem, report, clear } = useFormProblem(form, ['answer']);
  const [answer, { loading }] = useMutation(ANSWER_STATEMENT);
  const submit = async (values: { answer: string; recheck: boolean }) => {
    clear();
    try {
      await answer({ variables: { id: statementId, answer: values.answer.trim(), recheck: !!values.recheck }, refetchQueries: ['Inspection'] });
      void message.success(m('answered'));
    } catch (error) {
      report(error);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ answer: '', recheck: false }} data-testid="statement-answer-form">
      <ProblemAlert problem={problem} testId="statement-answer-error" />
      <Form.Item label={m('answer')} name="answer" rules={[{ required: true, whitespace: true, message: m('answerRequired') }, { max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} placeholder={m('answerPlaceholder')} data-testid="statement-answer-input" />
      </Form.Item>
      <Space>
        <Form.Item name="recheck" valuePropName="checked" noStyle>
          <Checkbox data-testid="statement-recheck-required">{m('recheckRequired')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="statement-answer-submit">
          {m('sendAnswer')}
        </Button>
      </Space>
    </Form>
  );
}

function RecheckForm({ statementId }: { statementId: string }) {
  const m = useMessages(inspectionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: string }>();
  const { problem, report, clear } = useFormProblem(form, ['result']);
  const [record, { loading }] = useMutation(RECORD_RECHECK);
  const submit = async (values: { result: string }) => {
    clear();
    try {
      await record({ variables: { id: statementId, result: values.result.trim() }, refetchQueries: ['Inspection'] });
      void message.success(m('rechecked'));
    } catch (error) {
      report(error);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="statement-recheck-form">
      <ProblemAlert problem={problem} testId="statement-recheck-error" />
      <Form.Item name="result" rules={[{ required: true, whitespace: true, message: m('recheckResultRequired') }, { max: 5000 }]}>
        <Input.TextArea rows={2} maxLength={5000} placeholder={m('recheckPlaceholder')} aria-label={m('recheckResult')} data-testid="statement-recheck-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="statement-recheck-submit">
        {m('sendRecheck')}
      </Button>
    </Form>
  );
}
