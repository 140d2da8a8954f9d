/** One card of the workbench: a title with its count, a small paged table, and its CSV export. */
import type { HTMLAttributes, ReactNode } from 'react';
import type { ErrorLike } from '@apollo/client';
import { Badge, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { problemMessage } from '../../app/problem-text';
import type { CursorPages } from '../../app/useCursorPages';
import { CursorPager } from '../../components/CursorPager';
import { ExportCsvButton, type CsvExport } from '../../components/ExportCsvButton';

interface Props<T> {
  title: ReactNode;
  testId: string;
  rows: T[];
  totalCount: number | undefined;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  pages: CursorPages;
  loading: boolean;
  error?: ErrorLike;
  columns: ColumnsType<T>;
  empty: string;
  exportSpec: () => CsvExport<T>;
  extra?: ReactNode;
  /** Badge colour: red for what is overdue. */
  tone?: 'default' | 'danger' | 'warning';
  rowAttributes?: (row: T) => Record<string, string>;
}

const TONES = { default: '#1d4ed8', danger: '#dc2626', warning: '#d97706' };

export function WorkbenchList<T extends { id: string }>(props: Props<T>) {
  const { t } = useI18n();
  const { title, testId, rows, totalCount, pageInfo, pages, loading, error, columns, empty, exportSpec, extra, tone = 'default', rowAttributes } = props;
  const problem = describeError(error);
  return (
    <Card
      size="small"
      data-testid={testId}
      data-count={totalCount ?? ''}
      title={
        <Space>
          <span>{title}</span>
          <Badge count={totalCount ?? 0} showZero color={TONES[tone]} overflowCount={999} data-testid={`${testId}-count`} />
        </Space>
      }
      extra={
        <Space wrap>
          {extra}
          <ExportCsvButton spec={exportSpec} testId={`${testId}-export`} disabled={!totalCount} />
        </Space>
      }
      style={{ height: '100%' }}
    >
      {problem && !rows.length ? (
        <Typography.Text type="danger">{problemMessage(problem, t)}</Typography.Text>
      ) : (
        <>
          <Table<T>
            rowKey="id"
            size="small"
            loading={loading && !rows.length}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            onRow={(row) => ({ 'data-testid': `${testId}-row`, ...(rowAttributes?.(row) ?? {}) }) as HTMLAttributes<HTMLElement>}
          />
          {(totalCount ?? 0) > pages.first && (
            <CursorPager pages={pages} totalCount={totalCount ?? 0} pageInfo={pageInfo} loading={loading} testId={`${testId}-pager`} />
          )}
        </>
      )}
    </Card>
  );
}
