/** A breakdown (by item, department or month) as a chart, or as the table of its exact numbers. */
import { useMemo, useState } from 'react';
import { Card, Segmented } from 'antd';
import { useMessages } from '../../app/i18n';
import { breakdownOption, monthOption } from './charts';
import { EChart } from './EChart';
import { FiguresTable } from './BreakdownTable';
import { dashboardMessages } from './messages';
import type { BreakdownRow } from './operations';

export function BreakdownCard({ kind, rows, testId }: { kind: 'item' | 'department' | 'month'; rows: BreakdownRow[]; testId: string }) {
  const m = useMessages(dashboardMessages);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const title = kind === 'item' ? m('byItem') : kind === 'department' ? m('byDepartment') : m('byMonth');
  const name = (row: BreakdownRow) => row.label ?? m('noDepartment');
  const option = useMemo(() => (kind === 'month' ? monthOption(rows, m) : breakdownOption(rows, name, m)), [kind, rows, m]);
  const height = kind === 'month' ? 300 : Math.max(200, 60 + rows.length * 56);
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
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
      }
    >
      {view === 'chart' ? (
        <EChart option={option} height={height} label={title} testId={`${testId}-chart`} />
      ) : (
        <FiguresTable
          rows={rows.map((r) => ({ key: r.key ?? '', name: kind === 'month' ? r.label : name(r), figures: r.figures }))}
          nameTitle={kind === 'item' ? m('item') : kind === 'department' ? m('department') : m('month')}
          testId={`${testId}-table`}
          rowTestId={`${testId}-row`}
        />
      )}
    </Card>
  );
}
