/**
 * On the entity's access-code page: the rectification ordered on its record, and its report of how it
 * rectified (text; it may report again until the team re-checks).
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { RECTIFICATION_STATUS_COLORS, rectificationMessages } from './messages';
import { ENTITY_RECTIFICATION, REPORT_ENTITY_RECTIFICATION } from './operations';

export function EntityRectificationCard({ accessCode }: { accessCode: string }) {
  const m = useMessages(rectificationMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { data, refetch } = useQuery(ENTITY_RECTIFICATION, { variables: { accessCode }, fetchPolicy: 'network-only' });
  const [report, { loading }] = useMutation(REPORT_ENTITY_RECTIFICATION);
  const [body, setBody] = useState('');
  const r = data?.entityRectification;
  if (!r) return null;
  const mayReport = r.status === 'OPEN' || r.status === 'REPORTED';
  return (
    <Card title={m('entityTitle')} data-testid="entity-rectification">
      <Flex vertical gap={8} style={{ minWidth: 0 }}>
        <Tag color={RECTIFICATION_STATUS_COLORS[r.status]} style={{ alignSelf: 'flex-start' }} data-testid="entity-rectification-status">
          {m(r.status)}
        </Tag>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'basis', label: m('basis'), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.basis}</span> },
            { key: 'due', label: m('dueOn'), children: r.dueOn },
            ...(r.reportText
              ? [{ key: 'report', label: m('reportText'), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.reportText}</span> }]
              : []),
            ...(r.reportedOn ? [{ key: 'reportedOn', label: m('reportedOn'), children: r.reportedOn }] : []),
            ...(r.closedOn ? [{ key: 'closedOn', label: m('closedOn'), children: r.closedOn }] : []),
          ]}
        />
        {mayReport && (
          <>
            <Typography.Text type="secondary">{m('entityHint')}</Typography.Text>
            <Input.TextArea
              rows={4}
              maxLength={5000}
              value={body}
              placeholder={m('entityPlaceholder')}
              aria-label={m('entityTitle')}
              onChange={(e) => setBody(e.target.value)}
              data-testid="entity-rectification-body"
            />
            <Button
              type="primary"
              block
              disabled={!body.trim()}
              loading={loading}
              data-testid="entity-rectification-submit"
              onClick={async () => {
                try {
                  await report({ variables: { accessCode, body } });
                  void message.success(m('entitySent'));
                  setBody('');
                  await refetch();
                } catch (error) {
                  notify(error);
                }
              }}
            >
              {m('entityReport')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
