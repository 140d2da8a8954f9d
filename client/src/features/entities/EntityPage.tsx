/** One entity of the directory: its fields, its credit status and credit records, and every change made to it. */
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ENTITY_STATUS, toGlobalId } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { canManageDirectories } from '../../app/permissions';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { CreditStatusTag } from './EntitiesPage';
import { entityMessages } from './messages';
import { ENTITY_DETAIL, ENTITY_FORM_OPTIONS, type CreditRecord, type EntityChange } from './operations';

const statusLabels = ENTITY_STATUS.labels as Record<string, string>;
const CHANGE_FIELDS = [
  'name',
  'uscc',
  'usccChecksumOverride',
  'registrationAuthority',
  'legalRepresentative',
  'address',
  'regionCode',
  'industry',
  'targetType',
  'status',
  'creditClass',
  'riskLevel',
  'complaints',
  'violationRecord',
  'supervisingDepartmentId',
] as const;
type ChangeField = (typeof CHANGE_FIELDS)[number];
const FIELD_LABELS: Record<ChangeField, keyof typeof entityMessages.zh> = {
  name: 'name',
  uscc: 'uscc',
  usccChecksumOverride: 'checksumOverride',
  registrationAuthority: 'registrationAuthority',
  legalRepresentative: 'legalRepresentative',
  address: 'address',
  regionCode: 'region',
  industry: 'industry',
  targetType: 'targetType',
  status: 'status',
  creditClass: 'creditClass',
  riskLevel: 'riskLevel',
  complaints: 'complaints',
  violationRecord: 'violationRecord',
  supervisingDepartmentId: 'supervisingDepartment',
};

export function EntityPage({ id }: { id: string }) {
  const { lang } = useI18n();
  const m = useMessages(entityMessages);
  const user = useCurrentUser();
  const { data, error } = useQuery(ENTITY_DETAIL, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const options = useQuery(ENTITY_FORM_OPTIONS, { variables: { regionCode: user.me.tenant.regionCode } });
  // History rows carry the department's internal id; the form options know the departments by global id.
  const departments = useMemo(() => new Map((options.data?.departments.edges ?? []).map((e) => [e.node.id, e.node.name])), [options.data]);
  const entity = data?.node.__typename === 'MarketEntity' ? data.node : null;
  if (!entity) return <QueryState error={error} />;

  const show = (field: ChangeField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'supervisingDepartmentId') return departments.get(toGlobalId('Department', String(value))) ?? String(value);
    if (field === 'status') return statusLabels[String(value)] ?? String(value);
    if (field === 'riskLevel') return m(`risk_${String(value)}` as 'risk_LOW');
    if (field === 'usccChecksumOverride') return value ? m('yes') : m('no');
    return String(value);
  };
  const fieldsOf = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

  const changeItems = entity.history.map((c: EntityChange) => {
    const before = c.before ? fieldsOf(c.before) : null;
    const after = fieldsOf(c.after);
    const changed = before ? CHANGE_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)) : [];
    return {
      key: c.version,
      title: (
        <span data-testid="entity-history-entry" data-version={c.version}>
          <Tag>v{c.version}</Tag>
          {m(`source_${c.source === 'IMPORT' ? 'IMPORT' : 'MANUAL'}`)} · {formatDateTime(c.changedAt, lang)}
        </span>
      ),
      content: before
        ? m('historyChanged', { fields: changed.map((f) => `${m(FIELD_LABELS[f])}：${show(f, before[f])} → ${show(f, after[f])}`).join('；') || '—' })
        : m('historyCreated'),
    };
  });

  const creditColumns = [
    { key: 'published', title: m('publishedAt'), render: (_: unknown, r: CreditRecord) => formatDateTime(r.publishedAt, lang) },
    { key: 'task', title: m('task'), render: (_: unknown, r: CreditRecord) => r.inspection.task?.title ?? '—' },
    { key: 'inspected', title: m('inspectedOn'), render: (_: unknown, r: CreditRecord) => r.inspection.inspectedOn ?? '—' },
    {
      key: 'result',
      title: m('result'),
      render: (_: unknown, r: CreditRecord) => (
        <Space size={4} wrap>
          <Tag color={r.problem ? 'volcano' : 'green'}>{r.resultCategory?.label ?? '—'}</Tag>
          {r.supersededAt && <Tag>{m('superseded', { at: formatDateTime(r.supersededAt, lang) })}</Tag>}
        </Space>
      ),
    },
    { key: 'note', title: m('note'), render: (_: unknown, r: CreditRecord) => r.note ?? '' },
  ];

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1100 }} data-testid="entity-page">
      <BackLink to={PATHS.entities} />
      <Card
        title={
          <Space wrap>
            <span data-testid="entity-title">{entity.name}</span>
            <CreditStatusTag status={entity.creditStatus} />
          </Space>
        }
        extra={
          canManageDirectories(user) && (
            <Button type="primary" onClick={() => navigate(LINKS.editEntity(entity.id))} data-testid="entity-edit">
              {m('editEntity')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            entity.kind === 'PERSON'
              ? {
                  key: 'uscc',
                  label: m('idNumber'),
                  children: (
                    <Typography.Text style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="entity-id-number-masked">
                      {entity.idNumberMasked}
                    </Typography.Text>
                  ),
                }
              : {
                  key: 'uscc',
                  label: m('uscc'),
                  children: (
                    <Typography.Text copyable style={{ fontFamily: 'ui-monospace, monospace' }}>
                      {entity.uscc}
                    </Typography.Text>
                  ),
                },
            { key: 'override', label: m('checksumOverride'), children: entity.usccChecksumOverride ? m('yes') : m('no') },
            { key: 'region', label: m('region'), children: entity.region ? `${entity.region.name}（${entity.regionCode}）` : entity.regionCode },
            { key: 'status', label: m('status'), children: statusLabels[entity.status] ?? entity.status },
            { key: 'address', label: m('address'), children: entity.address ?? '—' },
            { key: 'legal', label: m('legalRepresentative'), children: entity.legalRepresentative ?? '—' },
            { key: 'authority', label: m('registrationAuthority'), children: entity.registrationAuthority ?? '—' },
            { key: 'industry', label: m('industry'), children: entity.industry ?? '—' },
            { key: 'target', label: m('targetType'), children: entity.targetType ?? '—' },
            { key: 'department', label: m('supervisingDepartment'), children: entity.supervisingDepartment?.name ?? '—' },
            { key: 'credit', label: m('creditClass'), children: entity.creditClass ?? '—' },
            { key: 'risk', label: m('riskLevel'), children: entity.riskLevel ? m(`risk_${entity.riskLevel}`) : '—' },
            { key: 'complaints', label: m('complaints'), children: entity.complaints },
            { key: 'violation', label: m('violationRecord'), children: entity.violationRecord ?? '—' },
            { key: 'version', label: m('version'), children: entity.version },
            { key: 'updated', label: m('updatedAt'), children: formatDateTime(entity.updatedAt, lang) },
          ]}
        />
      </Card>
      <Card title={m('creditRecords')} data-testid="entity-credit-records">
        <Typography.Paragraph type="secondary">
          {m('creditStatus')}：<CreditStatusTag status={entity.creditStatus} /> {m('creditStatusHint')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{m('creditRecordsHint')}</Typography.Paragraph>
        <Table<CreditRecord>
          rowKey={(r) => `${r.inspection.id}`}
          size="small"
          columns={creditColumns}
          dataSource={entity.creditRecords}
          pagination={entity.creditRecords.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: m('noCreditRecords') }}
        />
      </Card>
      <Card title={m('history')} data-testid="entity-history">
        {changeItems.length ? <Timeline items={changeItems} /> : <Empty description={m('noHistory')} />}
      </Card>
    </Flex>
  );
}
