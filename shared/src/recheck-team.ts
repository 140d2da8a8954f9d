import { DrawStream } from './draw/stream';
import { sha256 } from './draw/sha256';
import { toHex, utf8 } from './draw/bytes';

/** The re-check team of a rectification: the record's own team, or drawn at random (the bureau's rules). */
export type RecheckTeamRule = 'SAME' | 'RANDOM';
export const RECHECK_TEAM_RULES: readonly RecheckTeamRule[] = ['SAME', 'RANDOM'];
export const RECHECK_TEAM_LABELS: Record<RecheckTeamRule, string> = { SAME: '原检查组复查', RANDOM: '随机抽取复查组' };

export const RECHECK_DRAW_VERSION = 'spotcheck-recheck/1';
/** ChaCha20 nonce purpose of the re-check draw (the task draw uses 1 and 2). */
export const PURPOSE_RECHECK = 3;

/** What a random re-check draw is made of; everything in it is recorded, so anyone can draw it again. */
export interface RecheckDrawInput {
  tenantId: string;
  inspectionId: string;
  /** How many rectifications of the record were opened before this one (0 for the first). */
  ordinal: number;
  /** The opening day, YYYY-MM-DD. */
  openedOn: string;
  /** The candidates' inspector ids. */
  pool: readonly string[];
  size: number;
}

export interface RecheckDraw extends RecheckDrawInput {
  algorithm: typeof RECHECK_DRAW_VERSION;
  /** SHA-256 of the canonical text of the input, hex: the stream's key. */
  seedHex: string;
  /** The drawn inspector ids, in draw order. */
  team: string[];
}

/** The canonical text: the version, then one field a line, the pool sorted by code units, one id a line. */
export function recheckCanonicalText(input: RecheckDrawInput): string {
  const pool = [...new Set(input.pool)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [RECHECK_DRAW_VERSION, input.tenantId, input.inspectionId, String(input.ordinal), input.openedOn, String(input.size), ...pool].join('\n') + '\n';
}

/**
 * Draws the re-check team: the key is SHA-256 of the canonical text (fixed by the facts, so it cannot be
 * drawn again for another result), the stream is ChaCha20 with purpose 3, index 0; a partial
 * Fisher–Yates over the sorted pool: for i = 0 … size−1, j = i + uniformInt(n − i), swap i and j.
 */
export function drawRecheckTeam(input: RecheckDrawInput): RecheckDraw {
  const text = recheckCanonicalText(input);
  const pool = text.trimEnd().split('\n').slice(6);
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > pool.length) throw new RangeError('bad re-check team size');
  const seed = sha256(utf8(text));
  const stream = new DrawStream(seed, PURPOSE_RECHECK, 0);
  const order = [...pool];
  for (let i = 0; i < input.size; i += 1) {
    const j = i + stream.uniformInt(order.length - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { ...input, pool, algorithm: RECHECK_DRAW_VERSION, seedHex: toHex(seed), team: order.slice(0, input.size) };
}

/** Whether a recorded re-check draw follows from its own input. */
export function verifyRecheckDraw(recorded: RecheckDraw): boolean {
  if (recorded.algorithm !== RECHECK_DRAW_VERSION) return false;
  try {
    const again = drawRecheckTeam(recorded);
    return again.seedHex === recorded.seedHex && again.team.length === recorded.team.length && again.team.every((id, i) => id === recorded.team[i]);
  } catch {
    return false;
  }
}
