/** The whole file is refused (format, encoding, headers, size): the message becomes the job's failure reason. */
export class ImportFailure extends Error {
  override readonly name = 'ImportFailure';
}

/** The file has no content at all; the job's reason then also names the columns a file needs. */
export class EmptyFileFailure extends ImportFailure {}
