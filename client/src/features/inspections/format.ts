/** Small formatting helpers of the record pages. */
import { beijingDate } from '@spotcheck/shared';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The first and last characters of a hash, enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
}

/** Images a browser shows (HEIC is stored and previewed by few browsers, so it is offered as a download). */
export function isPreviewable(contentType: string): boolean {
  return contentType === 'image/jpeg' || contentType === 'image/png' || contentType === 'image/webp';
}

/** The entity's own page (public, no sign-in), opened with the record's access code. */
export function entityRecordLink(code: string): string {
  return `/record?code=${encodeURIComponent(code)}`;
}

/** Today in China (UTC+8), as the server judges "not after today" for the inspection date. */
export function todayInChina(now = new Date()): string {
  return beijingDate(now);
}
