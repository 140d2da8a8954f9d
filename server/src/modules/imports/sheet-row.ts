/** One row of a spreadsheet or CSV file as text cells; `number` is the row number as a person sees it (1 = first). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** Rows come in batches so the consumer's loop stays synchronous between awaits. */
export type RowBatches = AsyncIterable<SheetRow[]>;

export const ROW_BATCH = 1000;

/** A batch is also handed on once its cells hold this many characters, so long rows keep it small. */
export const BATCH_CHARS = 4 * 1024 * 1024;
/** The most characters one row may hold, as in a CSV record (csv-records.ts). */
export const MAX_ROW_CHARS = 1 << 20;

export const rowChars = (cells: readonly string[]) => cells.reduce((n, c) => n + c.length, 0);
