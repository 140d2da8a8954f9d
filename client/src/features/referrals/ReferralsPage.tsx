/**
 * 移送案件: the cases referred to this bureau (a department head: to the own department), with only what
 * was referred, and the receiver's steps — 接收 / 退回, then 立案 / 不予立案, then 结案 — each with its date.
 * One column of cards, so a phone (375 px) never scrolls sideways.
 */
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, List, Space, Tag, Typography } from 'antd';
import { beijingDate } from '@spotcheck/shared';
import { useCurrentUser, type CurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { PATHS } from '../../app/navigation';
import { useCursorPages } from '../../app/useCursorPages';
import { BackLink } from '../../components/BackLink';
import { CursorPager } from '../../components/CursorPager';
import { FilterSelect } from '../../components/FilterSelect';
import { NEXT_STEPS, REFERRAL_STATUS_COLORS, referralMessages } from './messages';
import { RECEIVED_REFERRAL, RECEIVED_REFERRALS, type ReceivedReferralRow, type ReferralStatus } from './operations';
import { ReferralStepButton } from './ReferralStepModal';

const STATUSES: ReferralStatus[] = ['SENT', 'ACCEPTED', 'FILED', 'NOT_FILED', 'CLOSED', 'RETURNED'];
const REFETCH = ['ReceivedReferrals', 'ReceivedReferral'];

export function ReferralsPage() {
  const { t } = useI18n();
  const m = useMessages(referralMessages);
  const pages = useCursorPages(20);
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const { data, loading, error } = useQuery(RECEIVED_REFERRALS, {
    variables: { status, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.receivedReferrals;
  return (
    <Card title={m('title')} style={{ width: '100%', minWidth: 0 }} data-testid="referrals-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect<ReferralStatus>
          label={m('statusFilter')}
          width={160}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={STATUSES.map((s) => ({ value: s, label: m(s) }))}
          testId="referrals-status-filter"
        />
      </Space>
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <List
            loading={loading && !data}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            locale={{ emptyText: m('emptyReceived') }}
            renderItem={(r) => (
              <List.Item style={{ display: 'block' }}>
                <ReceivedReferralView referral={r} />
              </List.Item>
            )}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="referrals-pager" />
        </>
      )}
    </Card>
  );
}

/** One received referral, opened from its notification. */
export function ReferralPage({ id }: { id: string }) {
  const { t } = useI18n();
  const m = useMessages(referralMessages);
  const { data, error } = useQuery(RECEIVED_REFERRAL, { variables: { id } });
  return (
    <Flex vertical gap={16} style={{ width: '100%', minWidth: 0 }}>
      <BackLink to={PATHS.referrals} />
      <Card title={m('title')} data-testid="referral-page">
        {error ? <Typography.Text type="danger">{t('loadFailed')}</Typography.Text> : data ? <ReceivedReferralView referral={data.receivedReferral} /> : null}
      </Card>
    </Flex>
  );
}

function mayAct(user: CurrentUser, r: ReceivedReferralRow): boolean {
  const head = user.me.roles.includes('DEPARTMENT_HEAD') && user.me.department?.id === r.targetDepartmentId;
  return head || (user.me.roles.includes('OFFICE') && r.targetKind === 'BUREAU');
}

function ReceivedReferralView({ referral: r }: { referral: ReceivedReferralRow }) {
  const m = useMessages(referralMessages);
  const user = useCurrentUser();
  const overdue = r.status === 'SENT' && r.acceptDueOn && r.acceptDueOn < beijingDate();
  const optional = (key: 'acceptedOn' | 'returnedOn' | 'returnReason' | 'filedOn' | 'caseNo' | 'notFiledOn' | 'notFiledReason' | 'closedOn' | 'closingNote') =>
    r[key] ? [{ key, label: m(key), children: r[key] }] : [];
  return (
    <Flex vertical gap={8} style={{ width: '100%', minWidth: 0 }} data-testid="received-referral" data-status={r.status} data-entity={r.entityName}>
      <Space wrap>
        <Tag color={REFERRAL_STATUS_COLORS[r.status]} data-testid="received-referral-status">
          {m(r.status)}
        </Tag>
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          {r.entityName}
        </Typography.Text>
        {overdue && <Tag color="red">{m('overdue')}</Tag>}
      </Space>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 104, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all', whiteSpace: 'pre-wrap' } }}
        items={[
          { key: 'from', label: m('from'), children: r.fromBureauName },
          { key: 'department', label: m('department'), children: r.targetDepartmentName ?? '—' },
          { key: 'uscc', label: m('uscc'), children: r.entityUscc },
          { key: 'inspectedOn', label: m('inspectedOn'), children: r.inspectedOn ?? '—' },
          { key: 'result', label: m('result'), children: r.resultLabel ?? '—' },
          { key: 'findings', label: m('findings'), children: r.findings },
          { key: 'reason', label: m('reason'), children: r.reason },
          {
            key: 'evidence',
            label: m('evidence'),
            children: r.evidence.length ? r.evidence.map((e) => `${e.fileName}（${Math.ceil(e.size / 1024)} KB）`).join('、') : m('noEvidence'),
          },
          { key: 'sentOn', label: m('sentOn'), children: r.sentOn ?? '—' },
          { key: 'acceptDueOn', label: m('acceptDueOn'), children: r.acceptDueOn ?? '—' },
          ...optional('acceptedOn'),
          ...optional('returnedOn'),
          ...optional('returnReason'),
          ...optional('filedOn'),
          ...optional('caseNo'),
          ...optional('notFiledOn'),
          ...optional('notFiledReason'),
          ...optional('closedOn'),
          ...optional('closingNote'),
        ]}
      />
      {mayAct(user, r) && (NEXT_STEPS[r.status] ?? []).length > 0 && (
        <Space wrap>
          {NEXT_STEPS[r.status]!.map((step) => (
            <ReferralStepButton key={step} id={r.id} step={step} external={false} refetch={REFETCH} />
          ))}
        </Space>
      )}
    </Flex>
  );
}
