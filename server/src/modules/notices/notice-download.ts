import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { AppServices } from '../../graphql/context';
import { notFoundHttp, startDownload } from '../imports/http-support';
import { restRoute } from '../../http/rest-errors';
import type { PublicationNotice } from './notice';
import { renderNoticePdf } from './notice-pdf';
import { renderNoticeXlsx } from './notice-xlsx';

export type NoticeFormat = 'pdf' | 'xlsx';

const CONTENT_TYPES: Record<NoticeFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const FILE = /^([A-Za-z0-9_-]{1,200})\.(pdf|xlsx)$/;

/** `abc.pdf` → the id and the format; anything else is a 404, like a notice one may not see. */
export function parseNoticeFile(name: unknown): { id: string; format: NoticeFormat } {
  const match = typeof name === 'string' ? FILE.exec(name) : null;
  if (!match) throw notFoundHttp('公示');
  return { id: match[1]!, format: match[2] as NoticeFormat };
}

/** A file name from the title, without the characters Windows refuses. */
export function noticeFileBase(notice: PublicationNotice): string {
  return (
    notice.title
      .replace(/[\\/:*?"<>|\s]+/g, ' ')
      .trim()
      .slice(0, 120) || '公示'
  );
}

/**
 * Renders first, then sends, so a failure to render is still an error answer rather than a broken
 * download. The PDF streams out; the spreadsheet is small enough to send whole.
 */
export async function sendNotice(res: Response, notice: PublicationNotice, format: NoticeFormat, asciiBase: string): Promise<void> {
  const fileName = `${noticeFileBase(notice)}.${format}`;
  if (format === 'xlsx') {
    const bytes = await renderNoticeXlsx(notice);
    startDownload(res, CONTENT_TYPES.xlsx, fileName, `${asciiBase}.xlsx`);
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
    return;
  }
  const pdf = renderNoticePdf(notice);
  startDownload(res, CONTENT_TYPES.pdf, fileName, `${asciiBase}.pdf`);
  await pipeline(pdf, res);
}

/**
 * Finds the notice a request asks for, or null when it does not exist or the requester may not see
 * it. The loader owns the permission check (signed-in office, or anyone for a published notice).
 */
export type NoticeLoader = (req: Request, id: string) => Promise<PublicationNotice | null>;

/**
 * The handler for `GET <path>/:file` with file `<id>.pdf` or `<id>.xlsx`, e.g.
 * `web.get('/api/notices/:file', noticeDownloadRoute(app, loader))`.
 */
export function noticeDownloadRoute(app: AppServices, load: NoticeLoader): RequestHandler {
  return restRoute(app, async (req, res) => {
    const { id, format } = parseNoticeFile(req.params.file);
    const notice = await load(req, id);
    if (!notice) throw notFoundHttp('公示');
    await sendNotice(res, notice, format, `notice-${id}`);
  });
}
