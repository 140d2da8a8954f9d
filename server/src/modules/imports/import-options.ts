import type { EncodingChoice } from './encoding';
import { badRequestHttp } from './http-support';
import { ImportMode } from './import-job.entity';

export interface ImportOptions {
  mode: ImportMode;
  acceptChecksumWarnings: boolean;
  encoding: EncodingChoice;
}

const ENCODINGS: Record<string, EncodingChoice> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** The upload's text fields; anything unknown is a 400 before a job exists. */
export function parseImportOptions(fields: Record<string, string>): ImportOptions {
  const mode = (fields.mode ?? ImportMode.ALL_OR_NOTHING).trim().toUpperCase();
  if (!(Object.values(ImportMode) as string[]).includes(mode)) throw badRequestHttp(`mode 只能是 ALL_OR_NOTHING 或 VALID_ROWS，收到“${fields.mode}”`);
  const accept = (fields.acceptChecksumWarnings ?? 'false').trim().toLowerCase();
  if (accept !== 'true' && accept !== 'false') throw badRequestHttp('acceptChecksumWarnings 只能是 true 或 false');
  const encoding = ENCODINGS[(fields.encoding ?? 'auto').trim().toLowerCase()];
  if (!encoding) throw badRequestHttp(`encoding 只能是 auto、utf-8 或 gb18030，收到“${fields.encoding}”`);
  return { mode: mode as ImportMode, acceptChecksumWarnings: accept === 'true', encoding };
}
