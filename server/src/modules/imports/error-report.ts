import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { openTableWriter } from '../exports/table-writer';
import type { ImportJob } from './import-job.entity';

const HEADERS = ['行号', '列', '说明', '该行内容', '仅警告', '错误代码'];
const BATCH = 2000;

/** The job's row problems as an xlsx sheet, in file order, read in batches. */
export async function writeErrorReport(m: EntityManager, job: ImportJob, res: Response): Promise<void> {
  const table = openTableWriter(res, 'xlsx', '错误报告', HEADERS);
  let after: [number, number] = [-1, 0];
  for (;;) {
    const rows = (await m.query(
      `SELECT row_number, "column", code, message, warning, row_content, seq FROM import_errors
        WHERE job_id = $1 AND (row_number, seq) > ($2, $3) ORDER BY row_number, seq LIMIT ${BATCH}`,
      [job.id, after[0], after[1]],
    )) as { row_number: number; column: string | null; code: string; message: string; warning: boolean; row_content: string | null; seq: number }[];
    for (const r of rows) table.addRow([r.row_number || null, r.column, r.message, r.row_content, r.warning ? '是' : '', r.code]);
    await table.ready();
    if (rows.length < BATCH) break;
    after = [rows.at(-1)!.row_number, rows.at(-1)!.seq];
  }
  await table.end();
}
