/**
 * The canonical input text read back into the input it stands for (docs/draw-spec.md §4.2): the text
 * is a complete serialisation, so `parseCanonicalInputText(canonicalInputText(x))` is x in canonical
 * form, and two inputs with one canonical text are one input. Only canonical text is accepted: the
 * input read is written out again and must give the same text.
 */
import { DRAW_VERSION } from './constants';
import { DrawInputError } from './errors';
import { canonicalInput, prepareInput } from './input';
import { canonicalInputText } from './pool';
import type { DrawInput, DrawStratum } from './record';

const PLAIN_INTEGER = /^(?:0|[1-9][0-9]*)$/;

function integer(text: string | undefined, line: number): number {
  if (text === undefined || !PLAIN_INTEGER.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new DrawInputError(`line ${line}`, `第 ${line} 行的整数写法不合规范`);
  }
  return Number(text);
}

/** Reads a canonical input text; throws DrawInputError when the text is not exactly canonical. */
export function parseCanonicalInputText(text: string): DrawInput {
  const bad = (line: number, why: string): never => {
    throw new DrawInputError(`line ${line}`, `规范文本第 ${line} 行：${why}`);
  };
  const lines = text.split('\n');
  if (lines.pop() !== '') bad(lines.length + 1, '文本须以换行结束');
  if (lines[0] !== DRAW_VERSION) bad(1, `首行须为 ${DRAW_VERSION}`);
  const [sizeTag, size, ...sizeRest] = (lines[1] ?? '').split('\t');
  if (sizeTag !== 'team-size' || sizeRest.length) bad(2, '须为 team-size');
  const [capTag, cap, ...capRest] = (lines[2] ?? '').split('\t');
  if (capTag !== 'workload-cap' || capRest.length) bad(3, '须为 workload-cap');
  const input: DrawInput = {
    strata: [],
    inspectors: [],
    teamSize: integer(size, 2),
    workloadCap: cap === 'none' ? null : integer(cap, 3),
    requiredGroups: [],
    exclusions: [],
  };
  // Sections come in this order: strata (each with its require and entity lines), inspectors, exclusions.
  const SECTION = { stratum: 0, inspector: 1, exclude: 2 } as const;
  let section = 0;
  let stratum: DrawStratum | null = null;
  let groups: string[] | null = null;
  for (let i = 3; i < lines.length; i += 1) {
    const at = i + 1;
    const [tag, ...f] = lines[i]!.split('\t');
    const need = (n: number, exact: boolean) => {
      if (exact ? f.length !== n : f.length < n) bad(at, `${tag} 行的字段数不对`);
    };
    const inStratum = (key: string | undefined) => {
      if (!stratum || section !== SECTION.stratum || key !== stratum.key) bad(at, `${tag} 行须紧跟其抽查层`);
    };
    switch (tag) {
      case 'stratum':
        need(3, true);
        if (section !== SECTION.stratum) bad(at, 'stratum 行须在 inspector 行之前');
        stratum = { key: f[0]!, ratio: f[1]!, minCount: integer(f[2], at), entities: [] };
        groups = null;
        input.strata.push(stratum);
        break;
      case 'require':
        need(2, true);
        inStratum(f[0]);
        if (stratum!.entities.length) bad(at, 'require 行须在 entity 行之前');
        if (!groups) input.requiredGroups.push({ stratumKey: stratum!.key, groups: (groups = []) });
        groups.push(f[1]!);
        break;
      case 'entity':
        need(3, false);
        inStratum(f[0]);
        stratum!.entities.push(f.length > 3 ? { key: f[1]!, weight: f[2]!, tags: f.slice(3) } : { key: f[1]!, weight: f[2]! });
        break;
      case 'inspector':
        need(2, false);
        if (section > SECTION.inspector) bad(at, 'inspector 行须在 exclude 行之前');
        section = SECTION.inspector;
        input.inspectors.push(f.length > 2 ? { key: f[0]!, group: f[1]!, tags: f.slice(2) } : { key: f[0]!, group: f[1]! });
        break;
      case 'exclude':
        need(3, true);
        section = SECTION.exclude;
        input.exclusions.push({ entityKey: f[0]!, inspectorKey: f[1]!, reason: f[2]! });
        break;
      default:
        bad(at, `未知的行“${tag}”`);
    }
  }
  const canonical = canonicalInput(prepareInput(input));
  if (canonicalInputText(canonical) !== text) throw new DrawInputError('', '文本不是规范形式（顺序、十进制写法或标签未规范化）');
  return canonical;
}
