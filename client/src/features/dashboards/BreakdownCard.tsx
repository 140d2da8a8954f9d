/** A breakdown (by item, department or month) as a chart, or as the table of its exact numbers; its rows export as CSV. */
import { useMemo, useState } from 'react';
import { Card, Segmented, Space } from 'antd';
import { useMessages } from '../../app/i18n';
import { loadedRows } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { breakdownOption, monthOption } from './charts';
import { EChart } from './EChart';
import { FiguresTable, useFigureCsvColumns } from './BreakdownTable';
import { dashboardMessages } from './messages';
import type { BreakdownRow } from './operations';

/** `exportName` starts the file's name, e.g. the bureau or region and the year. */
export function BreakdownCard({
  kind,
  rows,
  testId,
  exportName,
}: {
  kind: 'item' | 'department' | 'month';
  rows: BreakdownRow[];
  testId: string;
  exportName: string;
}) {
  const m = useMessages(dashboardMessages);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const title = kind === 'item' ? m('byItem') : kind === 'department' ? m('byDepartment') : m('byMonth');
  const name = (row: BreakdownRow) => row.label ?? m('noDepartment');
  const option = useMemo(() => (kind === 'month' ? monthOption(rows, m) : breakdownOption(rows, name, m)), [kind, rows, m]);
  const nameTitle = kind === 'item' ? m('item') : kind === 'department' ? m('department') : m('month');
  const figureColumns = useFigureCsvColumns((r: BreakdownRow) => r.figures);
  const exportSpec = () => ({
    fileName: `${exportName}-${title}`,
    columns: [{ title: nameTitle, value: (r: BreakdownRow) => (kind === 'month' ? r.label : name(r)) }, ...figureColumns],
    fetchPage: loadedRows(rows),
  });
  const height = kind === 'month' ? 300 : Math.max(200, 60 + rows.length * 56);
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space size={8}>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: m('chart') },
              { value: 'table', label: m('table') },
            ]}
            data-testid={`${testId}-view`}
          />
          <ExportCsvButton spec={exportSpec} size="small" disabled={!rows.length} testId={`${testId}-export`} />
        </Space>
      }
    >
      {view === 'chart' ? (
        <EChart option={option} height={height} label={title} testId={`${testId}-chart`} />
      ) : (
        <FiguresTable
          rows={rows.map((r) => ({ key: r.key ?? '', name: kind === 'month' ? r.label : name(r), figures: r.figures }))}
          nameTitle={nameTitle}
          testId={`${testId}-table`}
          rowTestId={`${testId}-row`}
        />
      )}
    </Card>
  );
}
