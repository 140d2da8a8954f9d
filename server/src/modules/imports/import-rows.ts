import type { EntityManager } from 'typeorm';
import { checkIdNumber, maskIdNumber } from '@spotcheck/shared';
import type { PersonKeys } from '../../security/id-numbers';
import { restoreNeutralised } from '../exports/formula-guard';
import { CHUNK_ROWS, ChunkStage } from './chunk-stage';
import { copyField } from './copy-text';
import type { ErrorSink } from './error-sink';
import { knownTitleCount, mapHeaders, type HeaderMap } from './header-map';
import { EmptyFileFailure, ImportFailure } from './import-failure';
import { ImportMode, type ImportJob } from './import-job.entity';
import type { JobCounts } from './import-job.service';
import type { ImportKindSpec, RawRow } from './import-kind';
import { KeyIndex } from './key-index';
import type { ProgressReporter } from './progress';
import type { SheetRow, RowBatches } from './sheet-row';

/** Title rows above the header (“附件1 …”) are skipped; the header must come within this many non-blank rows. */
const HEADER_SEARCH_ROWS = 5;

/** The template's title of a column the file lacks, for a problem found in it (a required field). */
function headerOf<K extends string>(spec: ImportKindSpec<K>, field: string): string {
  return spec.columns.find((c) => c.key === field)?.header ?? field;
}

const CELL_CHARS = 200;
const ROW_CHARS = 2000;

/**
 * A row's recognised columns as “名称：…；统一社会信用代码：…” (empty cells as “（空）”), for the error
 * report. Columns the template does not know are left out: a file may carry data (identity numbers,
 * telephone numbers) that SpotCheck has no reason to keep.
 */
export function rowContentOf<K extends string>(header: HeaderMap<K>, cells: readonly string[], personal: ReadonlySet<K>): string {
  const parts = header.columns.map(({ key, index }) => {
    const cell = (cells[index] ?? '').trim();
    const shown =
      cell === '' ? '（空）' : personal.has(key) || looksLikeIdNumber(cell) ? masked(cell) : cell.length > CELL_CHARS ? `${cell.slice(0, CELL_CHARS)}…` : cell;
    return `${header.titleOf[key] ?? key}：${shown}`;
  });
  const text = parts.join('；');
  return text.length > ROW_CHARS ? `${text.slice(0, ROW_CHARS)}…` : text;
}

/** A valid 身份证号 typed into another column (a person's number as its 统一社会信用代码) is masked too. */
function looksLikeIdNumber(cell: string): boolean {
  return /^\d{17}[\dXx]$/.test(cell) && checkIdNumber(cell).problem === null;
}

/** A personal number as the directory keeps it (`4307**********1234`); a short one all stars. */
function masked(cell: string): string {
  return cell.length >= 12 ? maskIdNumber(cell.slice(0, 40)) : '*'.repeat(cell.length);
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/**
 * Reads every row, checks it, and passes the valid ones on in blocks to be staged and merged. A key
 * given again later in the file is an error naming the first row (keys are kept in a compact index,
 * not in the database). In ALL_OR_NOTHING mode nothing more is merged after the first error; the
 * caller then rolls back.
 */
export async function importRows<K extends string>(
  m: EntityManager,
  spec: ImportKindSpec<K>,
  job: ImportJob,
  rows: RowBatches,
  sink: ErrorSink,
  counts: JobCounts,
  progress: ProgressReporter,
  { personKeys, maxRows }: { personKeys: PersonKeys; maxRows: number },
): Promise<void> {
  const check = await spec.prepare(m, job, personKeys);
  const existing = await spec.existingKeys(m);
  const fileKeys = new KeyIndex();
  const allOrNothing = job.mode === ImportMode.ALL_OR_NOTHING;
  const personal = new Set(spec.columns.filter((c) => c.personal).map((c) => c.key));
  // `raw` is reused from row to row: one object fewer per row for the garbage collector.
  let state: { header: HeaderMap<K>; stage: ChunkStage; raw: RawRow<K> } | null = null;
  const beforeHeader: SheetRow[] = [];

  const begin = async (row: SheetRow) => {
    const header = mapHeaders(row.cells, row.number, spec.columns);
    for (const { title } of header.unknown) {
      sink.add({ rowNumber: row.number, column: title, code: 'UNKNOWN_COLUMN', message: `无法识别的列“${title}”，已忽略`, warning: true });
    }
    const present = new Set(header.columns.map((c) => c.key));
    const stage = new ChunkStage(m, spec.stagingColumns, counts, (withExisting) => spec.merge(m, job, present, withExisting));
    await stage.open();
    return { header, stage, raw: {} as RawRow<K> };
  };

  try {
    for await (const batch of rows) {
      for (const row of batch) {
        if (isBlank(row.cells)) continue;
        if (!state) {
          if (knownTitleCount(row.cells, spec.columns) >= 2) state = await begin(row);
          else if (beforeHeader.push(row) >= HEADER_SEARCH_ROWS) state = await begin(beforeHeader[0]!);
          continue;
        }
        const { header, stage, raw } = state;
        counts.processedRows += 1;
        if (counts.processedRows > maxRows) {
          throw new ImportFailure(`文件超过 ${maxRows.toLocaleString('en-US')} 行数据的上限（第 ${row.number} 行起），未导入任何数据；请拆分后分批导入`);
        }
        for (const { key, index } of header.columns) {
          const cell = row.cells[index];
          raw[key] = cell ? restoreNeutralised(cell) : undefined;
        }
        const checked = check(raw);
        const firstRow = checked.key ? fileKeys.firstRow(checked.key, row.number) : 0;
        const valid = checked.copy !== null && firstRow === 0;
        let warned = false;
        const content = checked.issues.length || firstRow ? rowContentOf(header, row.cells, personal) : null;
        for (const issue of checked.issues) {
          const warning = issue.warning === true && valid;
          warned ||= warning;
          sink.add({
            rowNumber: row.number,
            column: header.titleOf[issue.field as K] ?? headerOf(spec, issue.field),
            code: issue.code,
            message: issue.message,
            warning,
            rowContent: content,
          });
        }
        if (firstRow) {
          const column = header.titleOf[spec.keyField] ?? spec.keyLabel;
          sink.add({
            rowNumber: row.number,
            column,
            code: 'DUPLICATE_IN_FILE',
            message: `${spec.keyLabel}与第 ${firstRow} 行重复`,
            warning: false,
            rowContent: content,
          });
        }
        if (!valid) {
          counts.errorRows += 1;
          if (allOrNothing) stage.discard();
          continue;
        }
        if (warned) counts.warningRows += 1;
        if (allOrNothing && counts.errorRows) continue;
        const known = existing.has(checked.key);
        stage.add(`${known ? 't' : 'f'}\t${copyField(checked.key)}\t${checked.copy}\n`, known);
      }
      if (state && state.stage.size >= CHUNK_ROWS) await state.stage.ship();
      await sink.flushIfFull();
      await progress.maybeReport(counts.processedRows);
    }
    if (!state) {
      if (beforeHeader.length) await begin(beforeHeader[0]!);
      throw new EmptyFileFailure('文件中没有内容（空表）');
    }
    await state.stage.finish();
  } catch (error) {
    // The connection must be idle again before the transaction rolls back.
    await state?.stage.settled().catch(() => undefined);
    throw error;
  }
  if (!counts.processedRows) throw new ImportFailure('文件中只有表头，没有数据行');
  await progress.report(counts.processedRows);
}
