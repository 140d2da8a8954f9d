/**
 * 导出 CSV for a paged list: fetches every page (100 rows a request) with the list's current filters,
 * shows how far it has got, and saves one file. Used where the server offers no export of its own.
 */
import { useState } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { toCsv, saveFile, today, type CsvValue } from '../app/csv';
import { useI18n } from '../app/i18n';
import { useNotifyProblem } from '../app/useNotifyProblem';

export interface CsvColumn<T> {
  title: string;
  value: (row: T) => CsvValue;
}

export interface CsvPage<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

export interface CsvExport<T> {
  /** File name without date and extension, e.g. 抽查任务. */
  fileName: string;
  columns: readonly CsvColumn<T>[];
  fetchPage: (after: string | null) => Promise<CsvPage<T>>;
}

export function ExportCsvButton<T>({
  spec,
  testId,
  disabled,
  size,
}: {
  spec: () => CsvExport<T>;
  testId: string;
  disabled?: boolean;
  size?: ButtonProps['size'];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const run = async () => {
    const { fileName, columns, fetchPage } = spec();
    const rows: CsvValue[][] = [];
    let after: string | null = null;
    setProgress({ done: 0, total: 0 });
    try {
      for (;;) {
        const page: CsvPage<T> = await fetchPage(after);
        for (const row of page.rows) rows.push(columns.map((c) => c.value(row)));
        setProgress({ done: rows.length, total: page.totalCount });
        if (!page.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
      }
      saveFile(
        `${fileName}-${today()}.csv`,
        toCsv(
          columns.map((c) => c.title),
          rows,
        ),
      );
      void message.success(t('exported', { count: rows.length }));
    } catch (error) {
      notify(error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      size={size}
      loading={progress !== null}
      disabled={disabled}
      onClick={() => void run()}
      data-testid={testId}
      aria-live="polite"
    >
      {progress ? t('exporting', { done: progress.done, total: progress.total || '…' }) : t('exportCsv')}
    </Button>
  );
}
