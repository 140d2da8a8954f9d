/**
 * The parts of a joint inspection's visit to one target: each department's own record (its items, its
 * inspectors, its status), the lead's first. A part this bureau holds opens from here.
 */
import type { HTMLAttributes } from 'react';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { LINKS } from '../../app/navigation';
import { AppLink } from '../../components/BackLink';
import { InspectionStatusTag } from './InspectionStatusTag';
import { inspectionMessages } from './messages';
import type { InspectionDetail, JointPart } from './operations';

export function JointPartsCard({ record }: { record: InspectionDetail }) {
  const m = useMessages(inspectionMessages);
  if (!record.jointParts.length) return null;
  return (
    <Card title={m('jointParts')} data-testid="joint-parts-card">
      <Typography.Paragraph type="secondary">{m('jointPartsHint')}</Typography.Paragraph>
      <Table<JointPart>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.bureau}|${p.department}`}
        dataSource={record.jointParts}
        onRow={(p) => ({ 'data-testid': 'joint-part-row', 'data-department': p.department }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'department',
            title: m('jointPartDepartment'),
            render: (_, p) => (
              <Space wrap size={4}>
                <span>{`${p.bureau} · ${p.department}`}</span>
                {p.lead && <Tag color="blue">{m('jointPartLead')}</Tag>}
                {p.own && <Tag color="purple">{m('jointPartThis')}</Tag>}
              </Space>
            ),
          },
          { key: 'items', title: m('items'), render: (_, p) => p.items.join('、') || '—' },
          { key: 'team', title: m('team'), render: (_, p) => p.team.join('、') || '—' },
          {
            key: 'status',
            title: m('status'),
            render: (_, p) => (
              <span data-testid="joint-part-status">
                {p.status ? (
                  <InspectionStatusTag status={p.status} testId="joint-part-status-tag" />
                ) : (
                  <Typography.Text type="secondary">{m('jointPartNotOpened')}</Typography.Text>
                )}
              </span>
            ),
          },
          {
            key: 'open',
            title: '',
            render: (_, p) =>
              p.inspectionId && !p.own ? (
                <AppLink to={LINKS.inspection(p.inspectionId)} testId="joint-part-link">
                  {m('jointPartOpen')}
                </AppLink>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
