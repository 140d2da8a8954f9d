import { compareCodeUnits, toHex } from './bytes';
import { DRAW_VERSION, DRAW_VERSION_PSEUDONYMOUS, PURPOSE_SELECTION, PURPOSE_TEAMS, type DrawAlgorithm } from './constants';
import { assertPseudonymous } from './pseudonym';
import { DrawInfeasibleError } from './errors';
import { canonicalInput, prepareInput, type PreparedInput } from './input';
import { inputHashBytes } from './pool';
import { precheck } from './precheck';
import type { DrawInput, DrawOutcome, DrawRecord, DrawSelection } from './record';
import { drawWithoutReplacement } from './sample';
import { assertPublicEntropy, assertServerSeed, commitmentOf, deriveSeed } from './seed';
import type { TextSha256Factory } from './sha256';
import { DrawStream, StreamExhaustedError } from './stream';
import { assignTeams, type TeamDemand } from './teams';

const EXHAUSTED = '随机数流超过 2^32 个数据块，按规范第 6 节抽取失败（实际不会发生）';

/** The selected entity indices of every stratum, in canonical stratum order and draw order (purpose 1 streams). */
function selectIndices(prepared: PreparedInput, seed: Uint8Array): Int32Array[] {
  return prepared.strata.map((s, index) => {
    if (s.count === 0) return new Int32Array(0);
    try {
      return drawWithoutReplacement(s.units, s.count, new DrawStream(seed, PURPOSE_SELECTION, index));
    } catch (error) {
      if (error instanceof StreamExhaustedError) {
        throw new DrawInfeasibleError({ constraint: 'STREAM_EXHAUSTED', phase: 'selection', stratumKey: s.key }, EXHAUSTED);
      }
      throw error;
    }
  });
}

function toSelections(prepared: PreparedInput, picked: readonly Int32Array[]): DrawSelection[] {
  return prepared.strata.map((s, index) => {
    const at = picked[index]!;
    const entityKeys = new Array<string>(at.length);
    for (let j = 0; j < at.length; j += 1) entityKeys[j] = s.entityKeys[at[j]!]!;
    return { stratumKey: s.key, entityKeys };
  });
}

/** Selected entity keys of every stratum, in canonical stratum order and draw order (purpose 1 streams). */
export function selectEntities(prepared: PreparedInput, seed: Uint8Array): DrawSelection[] {
  return toSelections(prepared, selectIndices(prepared, seed));
}

/**
 * The distinct selected entities in first-selected order (strata in canonical order, then draw order),
 * each with the union of the required groups of the strata that selected it, sorted, and its tags.
 */
export function teamDemands(prepared: PreparedInput, picked: readonly Int32Array[]): TeamDemand[] {
  const demands = new Map<string, { entityKey: string; requiredGroups: string[]; tags: readonly string[] | null }>();
  picked.forEach((at, s) => {
    const stratum = prepared.strata[s]!;
    const required = stratum.requiredGroups;
    for (let j = 0; j < at.length; j += 1) {
      const entityKey = stratum.entityKeys[at[j]!]!;
      const demand = demands.get(entityKey);
      // An entity's tags are the same in every stratum (prepareInput checks it).
      if (!demand) demands.set(entityKey, { entityKey, requiredGroups: [...required], tags: stratum.tags?.[at[j]!] ?? null });
      else for (const g of required) if (!demand.requiredGroups.includes(g)) demand.requiredGroups.push(g);
    }
  });
  const out = [...demands.values()];
  for (const d of out) if (d.requiredGroups.length > 1) d.requiredGroups.sort(compareCodeUnits);
  return out;
}

/** Runs the draw of a prepared input from a 32-byte seed. Throws DrawInfeasibleError. */
export function drawFromSeed(prepared: PreparedInput, seed: Uint8Array): DrawOutcome {
  if (seed.length !== 32) throw new RangeError('the draw seed must be 32 bytes');
  precheck(prepared);
  const picked = selectIndices(prepared, seed);
  let teams;
  try {
    teams = assignTeams(prepared, teamDemands(prepared, picked), new DrawStream(seed, PURPOSE_TEAMS, 0));
  } catch (error) {
    if (error instanceof StreamExhaustedError) throw new DrawInfeasibleError({ constraint: 'STREAM_EXHAUSTED', phase: 'teams' }, EXHAUSTED);
    throw error;
  }
  return { selections: toSelections(prepared, picked), teams };
}

/**
 * Freezes an input before the ceremony: validates it, checks what can be checked without the seed,
 * and returns the canonical input and its hash to publish with the commitment.
 * Throws DrawInputError or DrawInfeasibleError (phase "precheck").
 */
export function freezeDrawInput(
  input: DrawInput,
  options: { sha256?: TextSha256Factory; algorithm?: DrawAlgorithm } = {},
): { input: DrawInput; inputHash: string } {
  const prepared = prepareInput(input);
  if (options.algorithm === DRAW_VERSION_PSEUDONYMOUS) assertPseudonymous(prepared);
  precheck(prepared);
  return { input: canonicalInput(prepared), inputHash: toHex(inputHashBytes(prepared, options.sha256, options.algorithm)) };
}

/** The checks of `freezeDrawInput` alone (validity and the precheck), without canonicalising or hashing. */
export function checkDrawInput(input: DrawInput): void {
  precheck(prepareInput(input));
}

export interface RunDrawOptions {
  /** Informative data copied into the record (not hashed, not verified). */
  meta?: Record<string, unknown>;
  /**
   * "throw" (default): an infeasible draw throws DrawInfeasibleError.
   * "record": it returns a record with `result: null` and `failure` set, to be published as such.
   */
  onInfeasible?: 'throw' | 'record';
  /** Hashes the canonical input text (default: the plain TypeScript SHA-256); same digest either way. */
  sha256?: TextSha256Factory;
  /** `spotcheck-draw/1` (default) or `spotcheck-draw/2`, whose keys, tags and stratum keys must be pseudonyms. */
  algorithm?: DrawAlgorithm;
}

/**
 * Runs a draw: canonicalise and hash the input, derive the seed from the server seed and the
 * ceremony entropy, select, form teams. Pure and synchronous; the returned record holds the revealed
 * server seed (publish it with `serverSeed: null` until the reveal if the result goes out first).
 */
export function runDraw(input: DrawInput, serverSeedHex: string, publicEntropy: readonly string[], options: RunDrawOptions = {}): DrawRecord {
  assertServerSeed(serverSeedHex);
  assertPublicEntropy(publicEntropy);
  const prepared = prepareInput(input);
  return runPreparedDraw(prepared, canonicalInput(prepared), serverSeedHex, publicEntropy, options);
}

export interface PreparedDrawOptions extends RunDrawOptions {
  /**
   * The input's hash as published at the commit: the seed is derived from it without hashing the
   * canonical text again. Taken as given, so the caller must check it against the input (`inputHashOf`)
   * before the record goes out.
   */
  inputHash?: string;
}

/**
 * `runDraw` for a caller that holds the input both prepared (by `prepareInput`) and in canonical form
 * (a frozen input is already canonical): the record takes `canonical` as its input, as given.
 */
export function runPreparedDraw(
  prepared: PreparedInput,
  canonical: DrawInput,
  serverSeedHex: string,
  publicEntropy: readonly string[],
  options: PreparedDrawOptions = {},
): DrawRecord {
  assertServerSeed(serverSeedHex);
  assertPublicEntropy(publicEntropy);
  const algorithm = options.algorithm ?? DRAW_VERSION;
  if (algorithm === DRAW_VERSION_PSEUDONYMOUS) assertPseudonymous(prepared);
  const inputHash = options.inputHash ?? toHex(inputHashBytes(prepared, options.sha256, algorithm));
  const seed = deriveSeed(inputHash, serverSeedHex, publicEntropy, algorithm);
  const record: DrawRecord = {
    format: algorithm,
    algorithm,
    input: canonical,
    inputHash,
    commitment: commitmentOf(serverSeedHex),
    serverSeed: serverSeedHex,
    publicEntropy: [...publicEntropy],
    seed: toHex(seed),
    result: null,
    failure: null,
  };
  if (options.meta !== undefined) record.meta = options.meta;
  try {
    record.result = drawFromSeed(prepared, seed);
  } catch (error) {
    if (error instanceof DrawInfeasibleError && options.onInfeasible === 'record') {
      record.failure = error.details();
    } else {
      throw error;
    }
  }
  return record;
}
