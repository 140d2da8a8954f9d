/** The whole file is refused (format, encoding, headers, size): the message becomes the job's failure reason. */
export class ImportFailure extends Error {
  override readonly name = 'ImportFailure';
}

/** At most this many data rows per file; one more fails the whole job before anything is written. */
export const MAX_DATA_ROWS = 1_000_000;

/** The file has no content at all; the job's reason then also names the columns a file needs. */
export class EmptyFileFailure extends ImportFailure {}
