/** One row of a spreadsheet or CSV file as text cells; `number` is the row number as a person sees it (1 = first). */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** Rows come in batches so the consumer's loop stays synchronous between awaits. */
export type RowBatches = AsyncIterable<SheetRow[]>;

export const ROW_BATCH = 1000;
