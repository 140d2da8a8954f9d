/** 办理过程: every step of the workflow with who took it, when, and the comment (antd Timeline). */
import { Card, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { inspectionMessages, INSPECTION_STATUS_COLORS } from './messages';
import type { InspectionAction, InspectionDetail, InspectionStatus } from './operations';

const COLORS: Record<string, string> = { SUBMIT: 'blue', RETURN: 'red', REJECT: 'red', PASS_REVIEW: 'green', APPROVE: 'green', PUBLISH: 'green' };
const ACTIONS = new Set<string>(['SUBMIT', 'RETURN', 'PASS_REVIEW', 'REJECT', 'APPROVE', 'PUBLISH']);
const STATES = new Set<string>(['DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'APPROVED', 'PUBLISHED']);

export function StepsCard({ record }: { record: InspectionDetail }) {
  const { lang } = useI18n();
  const m = useMessages(inspectionMessages);
  return (
    <Card title={m('steps')} data-testid="steps-card">
      {record.steps.length === 0 ? (
        <Typography.Text type="secondary">{m('noSteps')}</Typography.Text>
      ) : (
        <Timeline
          items={record.steps.map((step, i) => ({
            key: i,
            color: COLORS[step.action] ?? 'gray',
            title: formatDateTime(step.at, lang),
            content: (
              <div data-testid="step" data-action={step.action}>
                <Typography.Text strong>{ACTIONS.has(step.action) ? m(step.action as InspectionAction) : step.action}</Typography.Text>{' '}
                {STATES.has(step.toStatus) && <Tag color={INSPECTION_STATUS_COLORS[step.toStatus]}>{m(step.toStatus as InspectionStatus)}</Tag>}
                <Typography.Text type="secondary">{step.userName}</Typography.Text>
                {step.comment && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="step-comment">
                    {step.comment}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
