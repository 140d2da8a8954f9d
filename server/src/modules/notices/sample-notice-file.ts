import fs from 'node:fs';
import { renderNoticePdfBuffer } from './notice-pdf';
import { renderNoticeXlsx } from './notice-xlsx';
import { sampleNotice } from './sample-notice';

/** Writes the sample notice as PDF or XLSX (by the file's extension); returns its size in bytes. */
export async function writeSampleNotice(file: string, rows?: number): Promise<number> {
  const notice = sampleNotice(rows);
  const bytes = file.endsWith('.xlsx') ? await renderNoticeXlsx(notice) : await renderNoticePdfBuffer(notice);
  fs.writeFileSync(file, bytes);
  return bytes.length;
}
