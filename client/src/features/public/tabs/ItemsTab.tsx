/**
 * A bureau's published item list (随机抽查事项清单), in list order, as the leader approved it; and the
 * record of the list's and the directories' publications after the leader's review (实施细则第七条).
 */
import type { HTMLAttributes } from 'react';
import { useQuery } from '@apollo/client/react';
import { Flex, Table, Typography } from 'antd';
import { INSPECTION_METHOD } from '@spotcheck/shared';
import { useI18n, useMessages } from '../../../app/i18n';
import { formatDateTime } from '../../../app/format';
import { loadedRows } from '../../../components/csv-pages';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { QueryState } from '../../../components/QueryState';
import { percent } from '../format';
import { publicMessages } from '../messages';
import { PUBLIC_ITEMS, type PublicItemRow } from '../operations';

export function ItemsTab({ bureauId }: { bureauId: string }) {
  const m = useMessages(publicMessages);
  const { lang } = useI18n();
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
    { key: 'content', title: m('content'), width: 320, render: (_: unknown, r: PublicItemRow) => r.content ?? '' },
    { key: 'target', title: m('targetType'), dataIndex: 'targetType' },
    { key: 'ratio', title: m('minRatio'), render: (_: unknown, r: PublicItemRow) => m('ratioAtLeast', { percent: percent(r.minRatio) }) },
    { key: 'frequency', title: m('frequency'), render: (_: unknown, r: PublicItemRow) => m('perYear', { count: r.frequencyPerYear }) },
    { key: 'methods', title: m('methods'), render: (_: unknown, r: PublicItemRow) => r.methods.map((c) => labels[c] ?? c).join('、') },
    { key: 'remarks', title: m('remarks'), render: (_: unknown, r: PublicItemRow) => r.remarks ?? '' },
  ];
  const rows = data.publicItems;
  const exportSpec = () => ({
    fileName: m('tabItems'),
    columns: [
      { title: m('seq'), value: (r: PublicItemRow) => rows.indexOf(r) + 1 },
      { title: m('itemName'), value: (r: PublicItemRow) => r.name },
      { title: m('department'), value: (r: PublicItemRow) => r.departmentName ?? '' },
      { title: m('category'), value: (r: PublicItemRow) => m(`category_${r.category}`) },
      { title: m('legalBasis'), value: (r: PublicItemRow) => r.legalBasis },
      { title: m('inspectingBody'), value: (r: PublicItemRow) => r.inspectingBody },
      { title: m('content'), value: (r: PublicItemRow) => r.content ?? '' },
      { title: m('targetType'), value: (r: PublicItemRow) => r.targetType },
      { title: m('minRatio'), value: (r: PublicItemRow) => percent(r.minRatio) },
      { title: m('frequency'), value: (r: PublicItemRow) => r.frequencyPerYear },
      { title: m('methods'), value: (r: PublicItemRow) => r.methods.map((c) => labels[c] ?? c).join('、') },
      { title: m('remarks'), value: (r: PublicItemRow) => r.remarks ?? '' },
    ],
    fetchPage: loadedRows(rows),
  });
  return (
    <Flex vertical gap={12}>
      {data.publicListPublications.map((p) => (
        <Typography.Text type="secondary" key={p.id} data-testid="public-list-publication" data-kind={p.kind}>
          {m('listPublished', { list: m(`list_${p.kind}`), at: formatDateTime(p.publishedAt, lang), who: p.approvedBy ?? '', count: p.count ?? '' })}
          {p.decisionNote ? `（${p.decisionNote}）` : ''}
        </Typography.Text>
      ))}
      <Flex justify="flex-end">
        <ExportCsvButton spec={exportSpec} testId="public-items-export" disabled={!rows.length} />
      </Flex>
      <Table<PublicItemRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: m('noItems') }}
        onRow={(r) => ({ 'data-testid': 'public-item-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
