/**
 * What the portal's verifier does with a draw record, as any outsider would: the record's text read
 * strictly (`parseRecordText`), then the shared `verifyDraw` (input hash, commitment, seed, the draw re-run and compared);
 * before the draw the record is the announcement, whose input must hash to the published inputHash
 * (spec §12.1). Pure, so it runs in a Web Worker.
 */
import { DRAW_VERSION_PSEUDONYMOUS, parseRecordText, Sha256, verifyDraw, type TextSha256, type TextSha256Factory } from '@spotcheck/shared/dist/draw';
import { ownLineOf, type OwnKey, type OwnLine } from './own-line';

export type VerifyPhase = 'parse' | 'hash' | 'redraw';

export interface VerifyProgress {
  phase: VerifyPhase;
  /** 0–1 where it can be measured (hashing the input), otherwise absent. */
  fraction?: number;
}

/** What was announced before any entropy existed (from the portal), to hold the record against. */
export interface Announced {
  inputHash: string;
  commitment: string;
}

export interface RecordFacts {
  task: string | null;
  drawId: string | null;
  inputHash: string | null;
  commitment: string | null;
  strata: number;
  entities: number;
  inspectors: number;
  selected: number;
  teams: number;
}

/** What the page shows of a record once read: small next to the pool itself (the entities stay in the worker). */
export interface RecordContent {
  /** spotcheck-draw/2: every key is a pseudonym (docs/draw-spec.md §16). */
  pseudonymous: boolean;
  publicEntropy: string[];
  serverSeed: string | null;
  seed: string | null;
  strata: { key: string; label: string; ratio: string; pool: number; drawn: number }[];
  selections: { seq: number; stratumKey: string; entityKey: string; inspectorKeys: string[] }[];
  failure: Record<string, unknown> | null;
}

export type Verdict = (
  | { status: 'VERIFIED'; facts: RecordFacts; content: RecordContent; inputHash: string; seed: string }
  | { status: 'PENDING'; facts: RecordFacts; content: RecordContent; inputHash: string }
  | { status: 'FAILED'; code: string; reason: string; facts: RecordFacts | null; content: RecordContent | null }
) & {
  /** With an entity's key and salt: its own line of a pseudonymous record (null when it is not there). */
  ownLine?: OwnLine | null;
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function factsOf(record: Json): RecordFacts {
  const input = isObject(record.input) ? record.input : {};
  const strata = Array.isArray(input.strata) ? (input.strata as Json[]) : [];
  const result = isObject(record.result) ? record.result : {};
  const selections = Array.isArray(result.selections) ? (result.selections as Json[]) : [];
  const meta = isObject(record.meta) ? record.meta : {};
  return {
    task: typeof meta.task === 'string' ? meta.task : null,
    drawId: typeof meta.drawId === 'string' ? meta.drawId : null,
    inputHash: typeof record.inputHash === 'string' ? record.inputHash : null,
    commitment: typeof record.commitment === 'string' ? record.commitment : null,
    strata: strata.length,
    entities: strata.reduce((n, s) => n + (Array.isArray(s?.entities) ? s.entities.length : 0), 0),
    inspectors: Array.isArray(input.inspectors) ? input.inspectors.length : 0,
    selected: selections.reduce((n, s) => n + (Array.isArray(s?.entityKeys) ? s.entityKeys.length : 0), 0),
    teams: Array.isArray(result.teams) ? result.teams.length : 0,
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function contentOf(record: Json): RecordContent {
  const input = isObject(record.input) ? record.input : {};
  const strata = Array.isArray(input.strata) ? input.strata.filter(isObject) : [];
  const result = isObject(record.result) ? record.result : {};
  const selections = Array.isArray(result.selections) ? result.selections.filter(isObject) : [];
  const teams = new Map<string, string[]>();
  for (const team of Array.isArray(result.teams) ? result.teams.filter(isObject) : []) {
    if (typeof team.entityKey === 'string') teams.set(team.entityKey, strings(team.inspectorKeys));
  }
  const meta = isObject(record.meta) ? record.meta : {};
  const summary = isObject(meta.summary) && Array.isArray(meta.summary.strata) ? meta.summary.strata.filter(isObject) : [];
  const labels = new Map(
    summary.map((s) => [String(s.key), typeof s.item === 'string' ? s.item + (typeof s.risk === 'string' ? ` · ${s.risk}` : '') : String(s.key)]),
  );
  const drawnBy = new Map(selections.map((s) => [String(s.stratumKey), strings(s.entityKeys).length]));
  let seq = 0;
  return {
    pseudonymous: record.algorithm === DRAW_VERSION_PSEUDONYMOUS,
    publicEntropy: strings(record.publicEntropy),
    serverSeed: typeof record.serverSeed === 'string' ? record.serverSeed : null,
    seed: typeof record.seed === 'string' && record.seed ? record.seed : null,
    strata: strata.map((s) => {
      const key = String(s.key);
      return {
        key,
        label: labels.get(key) ?? key,
        ratio: String(s.ratio ?? ''),
        pool: Array.isArray(s.entities) ? s.entities.length : 0,
        drawn: drawnBy.get(key) ?? 0,
      };
    }),
    selections: selections.flatMap((s) =>
      strings(s.entityKeys).map((entityKey) => ({ seq: seq++, stratumKey: String(s.stratumKey), entityKey, inspectorKeys: teams.get(entityKey) ?? [] })),
    ),
    failure: isObject(record.failure) ? record.failure : null,
  };
}

/**
 * A SHA-256 of the canonical input text that reports how far it got. Each entity writes five pieces
 * (six with tags), so the pieces seen against five per entity give a fair fraction.
 */
function countingSha256(entities: number, report: (fraction: number) => void): TextSha256Factory {
  return () => {
    const inner: TextSha256 = new Sha256();
    const expected = Math.max(1, entities * 5);
    let pieces = 0;
    let last = 0;
    return {
      updateText(piece: string) {
        inner.updateText(piece);
        pieces += 1;
        if ((pieces & 0x3fff) === 0) {
          const now = Date.now();
          if (now - last > 80) {
            last = now;
            report(Math.min(0.99, pieces / expected));
          }
        }
      },
      digest: () => {
        report(1);
        return inner.digest();
      },
    } as TextSha256;
  };
}

export function verifyRecordText(text: string, announced: Announced | null, onProgress: (p: VerifyProgress) => void, own: OwnKey | null = null): Verdict {
  const verdict = verifyRecord(text, announced, onProgress);
  if (!own || !verdict.facts) return verdict;
  const line = ownLineOf(JSON.parse(text) as Record<string, unknown>, own);
  return { ...verdict, ownLine: line && line.strata > 0 ? line : null };
}

function verifyRecord(text: string, announced: Announced | null, onProgress: (p: VerifyProgress) => void): Verdict {
  onProgress({ phase: 'parse' });
  // Read strictly (spec §12, check 0): no duplicate members, integers spelled plainly.
  const parsed = parseRecordText(text);
  if (!parsed.ok) return { status: 'FAILED', code: 'MALFORMED_RECORD', reason: parsed.reason, facts: null, content: null };
  const record = parsed.value;
  if (!isObject(record)) return { status: 'FAILED', code: 'MALFORMED_RECORD', reason: '记录必须是 JSON 对象', facts: null, content: null };
  const facts = factsOf(record);
  const content = contentOf(record);
  if (announced && (record.inputHash !== announced.inputHash || record.commitment !== announced.commitment)) {
    return { status: 'FAILED', code: 'ANNOUNCED_MISMATCH', reason: '记录中的名单哈希或承诺值与摇号前公布的不一致', facts, content };
  }
  const sha256 = countingSha256(facts.entities, (fraction) => onProgress({ phase: 'hash', fraction }));
  onProgress({ phase: 'hash', fraction: 0 });

  // verifyDraw hashes the input first (reported above), then re-runs the draw (not for an announcement).
  const phased: TextSha256Factory = () => {
    const hash = sha256();
    return {
      updateText: (piece: string) => hash.updateText(piece),
      digest: () => {
        const bytes = hash.digest();
        onProgress({ phase: 'redraw' });
        return bytes;
      },
    } as TextSha256;
  };
  const result = verifyDraw(record, { sha256: phased, allowPending: true });
  if (!result.ok) return { status: 'FAILED', code: result.code, reason: result.reason, facts, content };
  if (result.pending) return { status: 'PENDING', facts, content, inputHash: String(record.inputHash) };
  return { status: 'VERIFIED', facts, content, inputHash: String(record.inputHash), seed: String(record.seed) };
}
