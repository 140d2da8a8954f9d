/** The entity's submitted statements, each with the team's answer and re-check. */
import { Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { EntityFiles } from './EntityFiles';
import { entityRecordMessages } from './messages';
import type { EntityStatementView } from './operations';

export function StatementList({ statements, accessCode }: { statements: readonly EntityStatementView[]; accessCode: string }) {
  const { lang } = useI18n();
  const m = useMessages(entityRecordMessages);
  if (!statements.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('statementsNone')} />;
  return (
    <Flex vertical gap={12} data-testid="entity-statements">
      {statements.map((s) => (
        <Card
          key={s.id}
          size="small"
          data-testid="entity-statement"
          data-kind={s.kind}
          data-settled={s.settled ? 'true' : 'false'}
          title={
            <Space wrap>
              <Tag color={s.kind === 'OBJECTION' ? 'volcano' : 'blue'}>{m(s.kind)}</Tag>
              <Typography.Text type="secondary">{m('madeAt', { date: formatDateTime(s.submittedAt, lang) })}</Typography.Text>
              {s.afterReportDue && <Tag>{m('afterReportDue')}</Tag>}
              {s.afterPublication && <Tag>{m('afterPublication')}</Tag>}
            </Space>
          }
          extra={<Tag color={s.settled ? 'green' : 'gold'}>{s.settled ? m('settled') : m('open')}</Tag>}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="entity-statement-body">
            {s.body}
          </Typography.Paragraph>
          {s.attachments.length > 0 && (
            <>
              <Typography.Text strong>{m('attachments')}</Typography.Text>
              <EntityFiles files={s.attachments} accessCode={accessCode} testId="entity-statement-files" />
            </>
          )}
          <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 8 }}>
            {s.answer ? (
              <>
                <Typography.Text strong>{m('answer')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} data-testid="entity-statement-answer">
                  {s.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{m('answerBy', { name: s.answeredBy ?? '', date: formatDateTime(s.answeredAt, lang) })}</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{m('awaitingAnswer')}</Typography.Text>
            )}
            {s.recheckRequired && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text strong>{m('recheck')}：</Typography.Text>
                {s.recheckResult ? (
                  <>
                    <Typography.Text type="secondary">{m('recheckResult', { date: formatDateTime(s.recheckedAt, lang) })}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.recheckResult}</Typography.Paragraph>
                  </>
                ) : (
                  <Typography.Text type="secondary">{m('recheckPending')}</Typography.Text>
                )}
              </div>
            )}
          </div>
        </Card>
      ))}
    </Flex>
  );
}
