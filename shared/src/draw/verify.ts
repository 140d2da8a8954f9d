import { fromHex, isCleanText, isHex, toHex } from './bytes';
import { DRAW_ALGORITHMS, DRAW_VERSION_PSEUDONYMOUS, type DrawAlgorithm } from './constants';
import { drawFromSeed } from './draw';
import { DRAW_CONSTRAINTS, DrawInfeasibleError, DrawInputError, type DrawFailureDetails } from './errors';
import { prepareInput, type PreparedInput } from './input';
import { inputHashBytes } from './pool';
import { assertPseudonymous } from './pseudonym';
import type { DrawOutcome, DrawRecord } from './record';
import { parseRecordText } from './record-json';
import { commitmentOf, deriveSeedHex } from './seed';
import type { TextSha256Factory } from './sha256';

export const VERIFY_CODES = [
  'MALFORMED_RECORD',
  'UNSUPPORTED_FORMAT',
  'INVALID_INPUT',
  'INPUT_HASH_MISMATCH',
  'COMMITMENT_MISMATCH',
  'SEED_MISMATCH',
  'FAILURE_MISMATCH',
  'SELECTION_MISMATCH',
  'TEAM_MISMATCH',
  'SERVER_SEED_NOT_REVEALED',
  'DRAW_PENDING',
] as const;

export type VerifyCode = (typeof VERIFY_CODES)[number];

/**
 * `pending`: the document is the announcement of a draw not held yet (section 12.1): its input hashes to
 * `inputHash`, and nothing else can be checked before the draw. Only with `allowPending`.
 */
export type VerifyResult = { ok: true; revealed: boolean; pending?: true } | { ok: false; code: VerifyCode; reason: string };

export interface VerifyOptions {
  /** Accept a record whose server seed is not revealed yet (everything else is still checked). */
  allowUnrevealed?: boolean;
  /** Accept the announcement of a draw not held yet as `{ ok: true, revealed: false, pending: true }` instead of DRAW_PENDING. */
  allowPending?: boolean;
  /** Hashes the canonical input text (default: the plain TypeScript SHA-256); same digest either way. */
  sha256?: TextSha256Factory;
}

class Rejection extends Error {
  constructor(
    readonly code: VerifyCode,
    reason: string,
  ) {
    super(reason);
  }
}

function reject(code: VerifyCode, reason: string): never {
  throw new Rejection(code, reason);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly the required members and possibly some optional ones. */
function shape(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Json {
  if (!isObject(value)) reject('MALFORMED_RECORD', `${path || '记录'} 必须是 JSON 对象`);
  for (const k of required) if (!(k in value)) reject('MALFORMED_RECORD', `${path || '记录'} 缺少字段 ${k}`);
  for (const k of Object.keys(value)) {
    if (!required.includes(k) && !optional.includes(k)) reject('MALFORMED_RECORD', `${path || '记录'} 含有未定义的字段 ${k}`);
  }
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) reject('MALFORMED_RECORD', `${path} 必须是数组`);
  return value;
}

function stringArray(value: unknown, path: string): string[] {
  const list = array(value, path);
  list.forEach((s, i) => {
    if (typeof s !== 'string') reject('MALFORMED_RECORD', `${path}[${i}] 必须是文本`);
  });
  return list as string[];
}

function checkType(ok: boolean, path: string, what: string): void {
  if (!ok) reject('MALFORMED_RECORD', `${path} 必须是${what}`);
}

function checkTags(value: unknown, path: string): void {
  if (value !== undefined) stringArray(value, path);
}

/**
 * Check 2 for the input: exactly the members of section 3, each with its JSON type (a Text or a
 * Decimal is a string, an integer a number, `workloadCap` a number or null). What the values must
 * satisfy beyond their type (section 3) is check 3, INVALID_INPUT.
 */
function checkInputShape(input: unknown): void {
  const i = shape(input, 'input', ['strata', 'inspectors', 'teamSize', 'workloadCap', 'requiredGroups', 'exclusions']);
  checkType(typeof i.teamSize === 'number', 'input.teamSize', '数字');
  checkType(i.workloadCap === null || typeof i.workloadCap === 'number', 'input.workloadCap', '数字或 null');
  array(i.strata, 'input.strata').forEach((s, si) => {
    const path = `input.strata[${si}]`;
    const st = shape(s, path, ['key', 'ratio', 'entities'], ['minCount']);
    checkType(typeof st.key === 'string', `${path}.key`, '文本');
    checkType(typeof st.ratio === 'string', `${path}.ratio`, '文本（十进制字符串）');
    if ('minCount' in st) checkType(typeof st.minCount === 'number', `${path}.minCount`, '数字');
    const entities = array(st.entities, `${path}.entities`);
    for (let e = 0; e < entities.length; e += 1) {
      const en = entities[e];
      // Fast path for the common case; `shape` and the checks below report the exact problem otherwise.
      if (isObject(en) && typeof en.key === 'string' && typeof en.weight === 'string' && Object.keys(en).length === 2) continue;
      const at = `${path}.entities[${e}]`;
      const entity = shape(en, at, ['key', 'weight'], ['tags']);
      checkType(typeof entity.key === 'string', `${at}.key`, '文本');
      checkType(typeof entity.weight === 'string', `${at}.weight`, '文本（十进制字符串）');
      checkTags(entity.tags, `${at}.tags`);
    }
  });
  array(i.inspectors, 'input.inspectors').forEach((x, n) => {
    const at = `input.inspectors[${n}]`;
    const ins = shape(x, at, ['key', 'group'], ['tags']);
    checkType(typeof ins.key === 'string', `${at}.key`, '文本');
    checkType(typeof ins.group === 'string', `${at}.group`, '文本');
    checkTags(ins.tags, `${at}.tags`);
  });
  array(i.requiredGroups, 'input.requiredGroups').forEach((x, n) => {
    const at = `input.requiredGroups[${n}]`;
    const req = shape(x, at, ['stratumKey', 'groups']);
    checkType(typeof req.stratumKey === 'string', `${at}.stratumKey`, '文本');
    stringArray(req.groups, `${at}.groups`);
  });
  array(i.exclusions, 'input.exclusions').forEach((x, n) => {
    const at = `input.exclusions[${n}]`;
    const ex = shape(x, at, ['entityKey', 'inspectorKey', 'reason']);
    for (const k of ['entityKey', 'inspectorKey', 'reason']) checkType(typeof ex[k] === 'string', `${at}.${k}`, '文本');
  });
}

function checkOutcomeShape(result: unknown): DrawOutcome {
  const r = shape(result, 'result', ['selections', 'teams']);
  array(r.selections, 'result.selections').forEach((s, n) => {
    const sel = shape(s, `result.selections[${n}]`, ['stratumKey', 'entityKeys']);
    if (typeof sel.stratumKey !== 'string') reject('MALFORMED_RECORD', `result.selections[${n}].stratumKey 必须是文本`);
    stringArray(sel.entityKeys, `result.selections[${n}].entityKeys`);
  });
  array(r.teams, 'result.teams').forEach((t, n) => {
    const team = shape(t, `result.teams[${n}]`, ['entityKey', 'inspectorKeys']);
    if (typeof team.entityKey !== 'string') reject('MALFORMED_RECORD', `result.teams[${n}].entityKey 必须是文本`);
    stringArray(team.inspectorKeys, `result.teams[${n}].inspectorKeys`);
  });
  return result as DrawOutcome;
}

function checkFailureShape(failure: unknown): DrawFailureDetails {
  const f = shape(failure, 'failure', ['constraint', 'phase'], ['stratumKey', 'entityKey', 'group']);
  if (!(DRAW_CONSTRAINTS as readonly unknown[]).includes(f.constraint)) {
    reject('MALFORMED_RECORD', `failure.constraint 不是已定义的约束：${String(f.constraint)}`);
  }
  if (f.phase !== 'precheck' && f.phase !== 'selection' && f.phase !== 'teams') {
    reject('MALFORMED_RECORD', 'failure.phase 须为 precheck、selection 或 teams');
  }
  for (const k of ['stratumKey', 'entityKey', 'group']) {
    if (k in f && typeof f[k] !== 'string') reject('MALFORMED_RECORD', `failure.${k} 必须是文本`);
  }
  return failure as DrawFailureDetails;
}

const q = (s: string | undefined): string => (s === undefined ? '（无）' : `“${s}”`);

function compareFailure(expected: DrawInfeasibleError, recorded: DrawFailureDetails): void {
  const e = expected.details();
  for (const k of ['constraint', 'phase', 'stratumKey', 'entityKey', 'group'] as const) {
    if (e[k] !== recorded[k]) {
      reject('FAILURE_MISMATCH', `记录的失败原因 ${k}=${q(recorded[k])} 与重算结果 ${k}=${q(e[k])} 不符（${expected.message}）`);
    }
  }
}

function compareOutcome(expected: DrawOutcome, recorded: DrawOutcome): void {
  const es = expected.selections;
  const rs = recorded.selections;
  for (let s = 0; s < Math.max(es.length, rs.length); s += 1) {
    const e = es[s];
    const r = rs[s];
    if (!e || !r) reject('SELECTION_MISMATCH', `应有 ${es.length} 个抽查层的抽取结果，记录中有 ${rs.length} 个`);
    if (e.stratumKey !== r.stratumKey) {
      reject('SELECTION_MISMATCH', `第 ${s + 1} 个抽查层应为“${e.stratumKey}”，记录为“${r.stratumKey}”`);
    }
    for (let j = 0; j < Math.max(e.entityKeys.length, r.entityKeys.length); j += 1) {
      if (e.entityKeys[j] !== r.entityKeys[j]) {
        reject('SELECTION_MISMATCH', `抽查层“${e.stratumKey}”第 ${j + 1} 个抽中对象应为${q(e.entityKeys[j])}，记录为${q(r.entityKeys[j])}`);
      }
    }
  }
  const et = expected.teams;
  const rt = recorded.teams;
  for (let t = 0; t < Math.max(et.length, rt.length); t += 1) {
    const e = et[t];
    const r = rt[t];
    if (!e || !r) reject('TEAM_MISMATCH', `应有 ${et.length} 个检查组，记录中有 ${rt.length} 个`);
    if (e.entityKey !== r.entityKey) {
      reject('TEAM_MISMATCH', `第 ${t + 1} 个检查组应属检查对象“${e.entityKey}”，记录为“${r.entityKey}”`);
    }
    for (let j = 0; j < Math.max(e.inspectorKeys.length, r.inspectorKeys.length); j += 1) {
      if (e.inspectorKeys[j] !== r.inspectorKeys[j]) {
        reject('TEAM_MISMATCH', `检查对象“${e.entityKey}”的检查组第 ${j + 1} 人应为${q(e.inspectorKeys[j])}，记录为${q(r.inspectorKeys[j])}`);
      }
    }
  }
}

function verifyOrThrow(value: unknown, options: VerifyOptions): { revealed: boolean; pending?: true } {
  if (!isObject(value)) reject('MALFORMED_RECORD', '记录必须是 JSON 对象');
  // The algorithm decides how the record is checked: /2 is /1 over pseudonymous keys (spec §16).
  const algorithm = value.algorithm as DrawAlgorithm;
  if (value.format !== algorithm || !(DRAW_ALGORITHMS as readonly unknown[]).includes(algorithm)) {
    reject('UNSUPPORTED_FORMAT', `不支持的记录格式或算法：${String(value.format)} / ${String(value.algorithm)}（本程序实现 ${DRAW_ALGORITHMS.join('、')}）`);
  }
  const rec = shape(
    value,
    '',
    ['format', 'algorithm', 'input', 'inputHash', 'commitment', 'serverSeed', 'publicEntropy', 'seed', 'result', 'failure'],
    ['meta'],
  );
  if (!isHex(rec.inputHash, 32)) reject('MALFORMED_RECORD', 'inputHash 须为 64 位小写十六进制');
  if (!isHex(rec.commitment, 32)) reject('MALFORMED_RECORD', 'commitment 须为 64 位小写十六进制');
  if (rec.meta !== undefined && !isObject(rec.meta)) reject('MALFORMED_RECORD', 'meta 须为 JSON 对象（不能为 null）；没有时省略');
  // An announcement (section 12.1): the draw is not held yet, so there is no seed, entropy or outcome.
  const announcement = rec.seed === '';
  if (announcement) {
    if (rec.serverSeed !== null || !Array.isArray(rec.publicEntropy) || rec.publicEntropy.length !== 0 || rec.result !== null || rec.failure !== null) {
      reject('MALFORMED_RECORD', '摇号前的公告（seed 为空）须有 serverSeed: null、publicEntropy: []、result: null、failure: null');
    }
  } else {
    if (rec.serverSeed !== null && !isHex(rec.serverSeed, 32)) reject('MALFORMED_RECORD', 'serverSeed 须为 64 位小写十六进制或 null');
    if (!isHex(rec.seed, 32)) reject('MALFORMED_RECORD', 'seed 须为 64 位小写十六进制（摇号前的公告为空文本）');
    const entropy = array(rec.publicEntropy, 'publicEntropy');
    if (entropy.length === 0) reject('MALFORMED_RECORD', 'publicEntropy 不能为空');
    entropy.forEach((e, i) => {
      if (!isCleanText(e)) reject('MALFORMED_RECORD', `publicEntropy[${i}] 须为非空文本，且不含控制字符`);
    });
    if ((rec.result === null) === (rec.failure === null)) {
      reject('MALFORMED_RECORD', 'result 与 failure 须恰有一项为 null');
    }
  }
  const recordedOutcome = rec.result === null ? null : checkOutcomeShape(rec.result);
  const recordedFailure = rec.failure === null ? null : checkFailureShape(rec.failure);
  checkInputShape(rec.input);
  const entropy = rec.publicEntropy as string[];

  let prepared: PreparedInput;
  try {
    prepared = prepareInput(rec.input as DrawRecord['input']);
    if (algorithm === DRAW_VERSION_PSEUDONYMOUS) assertPseudonymous(prepared);
  } catch (error) {
    if (error instanceof DrawInputError) reject('INVALID_INPUT', `input.${error.path}：${error.message}`);
    throw error;
  }
  const inputHash = toHex(inputHashBytes(prepared, options.sha256, algorithm));
  if (inputHash !== rec.inputHash) {
    reject('INPUT_HASH_MISMATCH', `输入的哈希应为 ${inputHash}，记录为 ${rec.inputHash}：名录、权重、比例或参数与公布的不一致`);
  }
  if (announcement) {
    if (options.allowPending) return { revealed: false, pending: true };
    reject('DRAW_PENDING', '尚未摇号：封存的名单与公布的哈希一致，种子和结果要到摇号后才能核对');
  }
  const serverSeed = rec.serverSeed as string | null;
  if (serverSeed !== null) {
    const commitment = commitmentOf(serverSeed);
    if (commitment !== rec.commitment) {
      reject('COMMITMENT_MISMATCH', `服务器种子的 SHA-256 为 ${commitment}，与事先公布的承诺 ${rec.commitment} 不符`);
    }
    const seed = deriveSeedHex(inputHash, serverSeed, entropy as string[], algorithm);
    if (seed !== rec.seed) {
      reject('SEED_MISMATCH', `由输入哈希、服务器种子和公开熵算得的种子为 ${seed}，记录为 ${rec.seed}`);
    }
  }

  let outcome: DrawOutcome | null = null;
  try {
    outcome = drawFromSeed(prepared, fromHex(rec.seed as string));
  } catch (error) {
    if (!(error instanceof DrawInfeasibleError)) throw error;
    if (!recordedFailure) reject('FAILURE_MISMATCH', `重算时抽取无法完成（${error.constraint}：${error.message}），记录却给出了结果`);
    compareFailure(error, recordedFailure);
  }
  if (outcome) {
    if (!recordedOutcome) reject('FAILURE_MISMATCH', `记录称抽取失败（${recordedFailure!.constraint}），重算却能完成`);
    compareOutcome(outcome, recordedOutcome);
  }

  if (serverSeed === null && !options.allowUnrevealed) {
    reject('SERVER_SEED_NOT_REVEALED', '服务器种子尚未公开：结果已按记录的种子复核一致，但还不能核对种子的来源');
  }
  return { revealed: serverSeed !== null };
}

/**
 * Verifies a record from its JSON text, as a verifier receives it: the text is parsed strictly first
 * (no duplicate members, integers spelled plainly: see record-json.ts), then checked like `verifyDraw`.
 */
export function verifyDrawText(text: string, options: VerifyOptions = {}): VerifyResult {
  const parsed = parseRecordText(text);
  if (!parsed.ok) return { ok: false, code: 'MALFORMED_RECORD', reason: parsed.reason };
  return verifyDraw(parsed.value, options);
}

/**
 * Checks a published draw record from the record alone, in this order, and reports the first failure:
 * format/algorithm → record shape → input validity → inputHash → commitment = SHA-256(serverSeed) → seed derivation →
 * re-running the draw reproduces the selections and teams (or the recorded failure) exactly →
 * the server seed is revealed (unless `allowUnrevealed`). An announcement stops after the inputHash
 * with DRAW_PENDING (or `pending: true` with `allowPending`). For a record still in JSON text, use
 * `verifyDrawText`: duplicate members and number spellings are only visible there.
 */
export function verifyDraw(record: unknown, options: VerifyOptions = {}): VerifyResult {
  try {
    return { ok: true, ...verifyOrThrow(record, options) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}
