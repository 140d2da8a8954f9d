/** The versions of a year's plan: the one in force, the superseded ones (kept, readable) and a draft amendment. */
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { canEditPlans } from '../../app/permissions';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { planMessages, PLAN_STATUS_COLORS } from './messages';
import { AMEND_PLAN, type PlanDetail } from './operations';

type VersionRow = PlanDetail['versions'][number];
const OPEN = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];

export function PlanVersionsCard({ plan }: { plan: PlanDetail }) {
  const { t, lang } = useI18n();
  const m = useMessages(planMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [amend, { loading }] = useMutation(AMEND_PLAN);
  const next = Math.max(...plan.versions.map((v) => v.version)) + 1;
  const amendable = canEditPlans(user) && plan.status === 'PUBLISHED' && !plan.versions.some((v) => OPEN.includes(v.status));

  const run = async () => {
    const result = await amend({ variables: { id: plan.id }, refetchQueries: ['Plans', 'Plan'] });
    const created = result.data?.amendPlan;
    if (!created) return;
    void message.success(m('amended', { version: created.version }));
    navigate(LINKS.plan(created.id));
  };

  const columns = [
    {
      key: 'version',
      title: m('version'),
      render: (_: unknown, r: VersionRow) =>
        r.id === plan.id ? (
          <strong>{m('versionLabel', { version: r.version })}</strong>
        ) : (
          <a onClick={() => navigate(LINKS.plan(r.id))}>{m('versionLabel', { version: r.version })}</a>
        ),
    },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, r: VersionRow) => (
        <Tag color={PLAN_STATUS_COLORS[r.status]} data-status={r.status}>
          {m(r.status)}
        </Tag>
      ),
    },
    { key: 'approvedAt', title: m('approvedAt'), render: (_: unknown, r: VersionRow) => formatDateTime(r.approvedAt, lang) },
    { key: 'publishedAt', title: m('publishedAt'), render: (_: unknown, r: VersionRow) => formatDateTime(r.publishedAt, lang) },
    { key: 'supersededAt', title: m('supersededAt'), render: (_: unknown, r: VersionRow) => formatDateTime(r.supersededAt, lang) },
  ];
  return (
    <Card
      title={m('versions')}
      data-testid="plan-versions"
      extra={
        amendable && (
          <Popconfirm title={m('amendConfirm', { version: next })} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => void run().catch(notify)}>
            <Button loading={loading} data-testid="plan-amend">
              {m('amend')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph type="secondary">{m('versionsHint')}</Typography.Paragraph>
      <Table<VersionRow> rowKey="id" size="small" columns={columns} dataSource={plan.versions} pagination={false} data-testid="plan-version-rows" />
    </Card>
  );
}
