/** The draw (摇号) core, algorithm "spotcheck-draw/1": see docs/draw-spec.md. */
export { DRAW_VERSION, DRAW_VERSION_PSEUDONYMOUS, DRAW_ALGORITHMS, DECIMAL_SCALE, type DrawAlgorithm } from './constants';
export { pseudonymiseInput } from './pseudonymise-input';
export { PSEUDONYM_PATTERN, assertPseudonymous, hmacSha256, pseudonymSalt, pseudonymFromSalt, pseudonymOf, type PseudonymKind } from './pseudonym';
export type {
  DrawEntity,
  DrawStratum,
  DrawInspector,
  DrawRequiredGroups,
  DrawExclusion,
  DrawInput,
  DrawSelection,
  DrawTeam,
  DrawOutcome,
  DrawRecord,
} from './record';
export { DRAW_CONSTRAINTS, DrawInfeasibleError, DrawInputError, type DrawConstraint, type DrawFailureDetails, type DrawFailurePhase } from './errors';
export { sha256, Sha256, plainTextSha256, type TextSha256, type TextSha256Factory } from './sha256';
export { toHex as bytesToHex, fromHex as hexToBytes, utf8 as utf8Bytes, isCleanText } from './bytes';
export { parseDecimal, type ExactDecimal } from './decimal';
export { countToDraw, prepareInput, canonicalInput, type PreparedInput, type PreparedStratum } from './input';
export { canonicalInputText, inputHashOf } from './pool';
export { parseCanonicalInputText } from './canonical-parse';
export { parseRecordText, type RecordParse } from './record-json';
export { commitmentOf, deriveSeedHex } from './seed';
export { DrawStream, StreamExhaustedError } from './stream';
export { runDraw, runPreparedDraw, freezeDrawInput, checkDrawInput, drawFromSeed, type RunDrawOptions, type PreparedDrawOptions } from './draw';
export { verifyDraw, verifyDrawText, VERIFY_CODES, type VerifyCode, type VerifyResult, type VerifyOptions } from './verify';
