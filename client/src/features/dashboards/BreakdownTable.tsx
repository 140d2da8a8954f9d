/** A breakdown as a table: every count and rate of each row (the charts' exact numbers, and their fallback). */
import type { HTMLAttributes, ReactNode } from 'react';
import { Table } from 'antd';
import { useMessages } from '../../app/i18n';
import type { CsvColumn } from '../../components/ExportCsvButton';
import { percent } from './charts';
import { dashboardMessages } from './messages';
import type { Figures } from './operations';

export interface FigureRowView {
  key: string;
  name: ReactNode;
  figures: Figures;
  extra?: ReactNode;
}

const FIGURE_KEYS = [
  'entities',
  'inspectedEntities',
  'coverage',
  'drawn',
  'completed',
  'completion',
  'records',
  'published',
  'problems',
  'problemRate',
  'overdue',
] as const;
const RATES = new Set<string>(['coverage', 'completion', 'problemRate']);

/** Every figure of a row as CSV columns after the row's own ones: counts as numbers, rates as the table shows them. */
export function useFigureCsvColumns<T>(figuresOf: (row: T) => Figures): CsvColumn<T>[] {
  const m = useMessages(dashboardMessages);
  return FIGURE_KEYS.map((key) => ({
    title: m(key),
    value: (row: T) => {
      const value = figuresOf(row)[key];
      return RATES.has(key) ? percent(value) : value;
    },
  }));
}

export function FiguresTable({
  rows,
  nameTitle,
  extraTitle,
  testId,
  rowTestId,
}: {
  rows: FigureRowView[];
  nameTitle: string;
  extraTitle?: string;
  testId: string;
  rowTestId: string;
}) {
  const m = useMessages(dashboardMessages);
  const count = (value: number | null) => (value == null ? '—' : value);
  const columns = [
    { key: 'name', title: nameTitle, render: (_: unknown, r: FigureRowView) => r.name, fixed: 'left' as const },
    ...(extraTitle ? [{ key: 'extra', title: extraTitle, render: (_: unknown, r: FigureRowView) => r.extra }] : []),
    { key: 'coverage', title: m('coverage'), render: (_: unknown, r: FigureRowView) => percent(r.figures.coverage), align: 'right' as const },
    { key: 'inspectedEntities', title: m('inspectedEntities'), render: (_: unknown, r: FigureRowView) => r.figures.inspectedEntities, align: 'right' as const },
    { key: 'drawn', title: m('drawn'), render: (_: unknown, r: FigureRowView) => count(r.figures.drawn), align: 'right' as const },
    { key: 'completion', title: m('completion'), render: (_: unknown, r: FigureRowView) => percent(r.figures.completion), align: 'right' as const },
    { key: 'records', title: m('records'), render: (_: unknown, r: FigureRowView) => r.figures.records, align: 'right' as const },
    { key: 'published', title: m('published'), render: (_: unknown, r: FigureRowView) => r.figures.published, align: 'right' as const },
    { key: 'problems', title: m('problems'), render: (_: unknown, r: FigureRowView) => r.figures.problems, align: 'right' as const },
    { key: 'problemRate', title: m('problemRate'), render: (_: unknown, r: FigureRowView) => percent(r.figures.problemRate), align: 'right' as const },
    { key: 'overdue', title: m('overdue'), render: (_: unknown, r: FigureRowView) => r.figures.overdue, align: 'right' as const },
  ];
  return (
    <Table<FigureRowView>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m('empty') }}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': rowTestId, 'data-key': r.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
