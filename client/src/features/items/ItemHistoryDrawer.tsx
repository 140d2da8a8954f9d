/** An item's versions, newest first: what changed, who, when and why, and each version's whole content. */
import { useQuery } from '@apollo/client/react';
import { Collapse, Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import { INSPECTION_METHOD } from '@spotcheck/shared';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { QueryState } from '../../components/QueryState';
import { itemMessages } from './messages';
import { ITEM_HISTORY, type ItemVersion } from './operations';

const FIELDS = [
  'name',
  'departmentId',
  'category',
  'legalBasis',
  'inspectingBody',
  'targetType',
  'minRatio',
  'frequencyPerYear',
  'methods',
  'remarks',
  'status',
] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<
  Field,
  'name' | 'department' | 'category' | 'legalBasis' | 'inspectingBody' | 'targetType' | 'minRatio' | 'frequency' | 'methods' | 'remarks' | 'status'
> = {
  name: 'name',
  departmentId: 'department',
  category: 'category',
  legalBasis: 'legalBasis',
  inspectingBody: 'inspectingBody',
  targetType: 'targetType',
  minRatio: 'minRatio',
  frequencyPerYear: 'frequency',
  methods: 'methods',
  remarks: 'remarks',
  status: 'status',
};
const CHANGES = ['create', 'update', 'publish', 'withdraw'] as const;

type Snapshot = Partial<Record<Field, unknown>>;
const snapshotOf = (v: ItemVersion): Snapshot => (v.snapshot && typeof v.snapshot === 'object' ? (v.snapshot as Snapshot) : {});

export function ItemHistoryDrawer({ itemId, departments, onClose }: { itemId: string | null; departments: Map<string, string>; onClose: () => void }) {
  const { lang } = useI18n();
  const m = useMessages(itemMessages);
  const { data, error } = useQuery(ITEM_HISTORY, { variables: { id: itemId ?? '' }, skip: !itemId, fetchPolicy: 'network-only' });
  const node = data?.node.__typename === 'InspectionItem' ? data.node : null;

  const show = (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'departmentId') return departments.get(String(value)) ?? String(value);
    if (field === 'category' || field === 'status') return m(String(value) as 'GENERAL');
    if (field === 'methods' && Array.isArray(value)) return value.map((c) => (INSPECTION_METHOD.labels as Record<string, string>)[c] ?? c).join('、');
    return String(value);
  };
  const versions = node?.history ?? [];

  return (
    <Drawer open={!!itemId} onClose={onClose} size={560} title={node ? m('historyTitle', { name: node.name }) : m('history')} destroyOnHidden>
      {!node ? (
        <QueryState error={error} />
      ) : (
        <Timeline
          data-testid="item-history"
          items={versions.map((v, i) => {
            const now = snapshotOf(v);
            const before = versions[i + 1] ? snapshotOf(versions[i + 1]!) : null;
            const changed = before ? FIELDS.filter((f) => JSON.stringify(now[f] ?? null) !== JSON.stringify(before[f] ?? null)) : [];
            const change = (CHANGES as readonly string[]).includes(v.change) ? m(`change_${v.change as (typeof CHANGES)[number]}`) : v.change;
            return {
              key: v.version,
              title: (
                <span data-testid="item-history-entry" data-version={v.version}>
                  <Tag>v{v.version}</Tag>
                  {change} · {m('changedBy', { who: v.changedByName ?? '—', at: formatDateTime(v.changedAt, lang) })}
                </span>
              ),
              content: (
                <>
                  {v.reason && (
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      {m('reason')}：{v.reason}
                    </Typography.Paragraph>
                  )}
                  {before && (
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                      {changed.length
                        ? m('changedFields', { fields: changed.map((f) => `${m(LABELS[f])}（${show(f, before[f])} → ${show(f, now[f])}）`).join('；') })
                        : m('noChange')}
                    </Typography.Paragraph>
                  )}
                  <Collapse
                    ghost
                    size="small"
                    items={[
                      {
                        key: 'snapshot',
                        label: m('snapshot'),
                        children: (
                          <Descriptions size="small" column={1} items={FIELDS.map((f) => ({ key: f, label: m(LABELS[f]), children: show(f, now[f]) }))} />
                        ),
                      },
                    ]}
                  />
                </>
              ),
            };
          })}
        />
      )}
    </Drawer>
  );
}
