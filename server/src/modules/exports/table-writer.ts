import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { neutralise } from './formula-guard';

export type TableFormat = 'xlsx' | 'csv';
export type Cell = string | number | null;

/** A one-sheet table written row by row to a stream (an HTTP response), never held whole. */
export interface TableWriter {
  addRow(cells: readonly Cell[]): void;
  /** Waits while the receiver is behind, so a slow client does not make rows pile up in memory. */
  ready(): Promise<void>;
  end(): Promise<void>;
}

const guard = (cell: Cell): Cell => (typeof cell === 'string' ? neutralise(cell) : cell);

export function openTableWriter(out: Writable, format: TableFormat, sheetName: string, headers: readonly string[]): TableWriter {
  const table = format === 'xlsx' ? xlsxTable(out, sheetName) : csvTable(out);
  table.addRow(headers);
  return table;
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

// Loaded on first use: exceljs is among the largest modules the server has, and most processes (every
// test file, a server that is never asked for a spreadsheet) would otherwise pay for it at start-up.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs') as typeof ExcelJSModule;

function xlsxTable(out: Writable, sheetName: string): TableWriter {
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    addRow: (cells) => sheet.addRow(cells.map(guard)).commit(),
    ready: () => drained(out),
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(guard(cell));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM and CRLF line ends: what Excel needs to open Chinese text correctly. */
function csvTable(out: Writable): TableWriter {
  let pending = '\uFEFF';
  const flush = () => {
    if (pending) out.write(pending);
    pending = '';
  };
  return {
    addRow: (cells) => {
      pending += `${cells.map(csvField).join(',')}\r\n`;
      if (pending.length > 64 * 1024) flush();
    },
    ready: async () => {
      flush();
      await drained(out);
    },
    end: async () => {
      flush();
      out.end();
      if (!out.writableFinished) await Promise.race([once(out, 'finish'), once(out, 'close')]);
    },
  };
}
