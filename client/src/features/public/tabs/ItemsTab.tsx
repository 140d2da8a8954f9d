/** A bureau's published item list (随机抽查事项清单), in list order. */
import type { HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Table } from 'antd';
import { INSPECTION_METHOD } from '@spotcheck/shared';
import { useMessages } from '../../../app/i18n';
import { QueryState } from '../../../components/QueryState';
import { percent } from '../format';
import { publicMessages } from '../messages';
import { PUBLIC_ITEMS, type PublicItemRow } from '../operations';

export function ItemsTab({ bureauId }: { bureauId: string }) {
  const m = useMessages(publicMessages);
  const { data, error } = useQuery(PUBLIC_ITEMS, { variables: { bureauId } });
  if (!data) return <QueryState error={error} />;
  const labels = INSPECTION_METHOD.labels as Record<string, string>;
  const columns = [
    { key: 'seq', title: '#', width: 48, render: (_: unknown, __: PublicItemRow, i: number) => i + 1 },
    { key: 'name', title: m('itemName'), dataIndex: 'name' },
    { key: 'department', title: m('department'), render: (_: unknown, r: PublicItemRow) => r.departmentName ?? '—' },
    { key: 'category', title: m('category'), render: (_: unknown, r: PublicItemRow) => m(`category_${r.category}`) },
    { key: 'basis', title: m('legalBasis'), dataIndex: 'legalBasis' },
    { key: 'body', title: m('inspectingBody'), dataIndex: 'inspectingBody' },
    { key: 'target', title: m('targetType'), dataIndex: 'targetType' },
    { key: 'ratio', title: m('minRatio'), render: (_: unknown, r: PublicItemRow) => m('ratioAtLeast', { percent: percent(r.minRatio) }) },
    { key: 'frequency', title: m('frequency'), render: (_: unknown, r: PublicItemRow) => m('perYear', { count: r.frequencyPerYear }) },
    { key: 'methods', title: m('methods'), render: (_: unknown, r: PublicItemRow) => r.methods.map((c) => labels[c] ?? c).join('、') },
    { key: 'remarks', title: m('remarks'), render: (_: unknown, r: PublicItemRow) => r.remarks ?? '' },
  ];
  return (
    <Table<PublicItemRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data.publicItems}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m('noItems') }}
      onRow={(r) => ({ 'data-testid': 'public-item-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
    />
  );
}
