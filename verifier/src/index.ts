/** The SpotCheck draw verifier: the draw core of docs/draw-spec.md, with nothing else to install. */
export * from '../../shared/src/draw';
export { verifyRecordText, type Verdict } from './verify-record';
export { readSource, parseRecord, UnreadableRecord } from './read-source';
export { nativeSha256 } from './native-sha256';
export { main } from './cli';
