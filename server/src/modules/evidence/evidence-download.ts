import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { AppServices } from '../../graphql/context';
import { storageOf } from '../../storage';
import { HttpError } from '../imports/http-support';
import { contentDisposition } from './evidence-http';
import type { EvidenceFile } from './evidence-file.entity';

const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'application/pdf': 'pdf' };

/**
 * Streams one evidence file: its detected type, inline for images (a page can show them), as a download
 * otherwise; nothing the browser could run (nosniff, a sandboxing CSP). Sealed files never change, so
 * the browser may keep them privately.
 */
export async function sendEvidence(app: AppServices, res: Response, file: EvidenceFile): Promise<void> {
  const stream = await storageOf(app.config).get(file.storageKey);
  if (!stream) throw new HttpError(404, 'NOT_FOUND', '证据文件在存储中缺失，请联系领导小组办公室校验');
  const inline = PREVIEWABLE.has(file.contentType);
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.fileName, EXTENSION[file.contentType] ?? 'bin'));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Cache-Control', file.sealedAt ? 'private, max-age=86400, immutable' : 'private, no-store');
  await pipeline(stream, res);
}
