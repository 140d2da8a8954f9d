import { toHex } from './bytes';
import { DRAW_VERSION, type DrawAlgorithm } from './constants';
import { prepareInput, type PreparedInput } from './input';
import type { DrawInput } from './record';
import { plainTextSha256, type TextSha256Factory } from './sha256';

/**
 * Feeds the canonical input text to `sink`, in pieces (each line ends with LF, fields are separated
 * by TAB). The text covers everything that determines the result besides the seed:
 *
 *   spotcheck-draw/1
 *   team-size	<m>
 *   workload-cap	<c or "none">
 *   then for each stratum in canonical order:
 *     stratum	<key>	<ratio>	<minCount>
 *     require	<stratumKey>	<group>          one per required group, groups sorted
 *     entity	<stratumKey>	<entityKey>	<weight>[	<tag>]…   one per entity, in canonical order
 *   inspector	<key>	<group>[	<tag>]…     one per inspector, sorted by key
 *   exclude	<entityKey>	<inspectorKey>	<reason>   sorted by entityKey, then inspectorKey
 *
 * Tags (sorted) extend their line only when there are some, so an input without tags has the text it
 * always had.
 */
export function writeCanonicalText(prepared: PreparedInput, sink: (piece: string) => void, algorithm: DrawAlgorithm = DRAW_VERSION): void {
  sink(`${algorithm}\n`);
  sink(`team-size\t${prepared.teamSize}\n`);
  sink(`workload-cap\t${prepared.workloadCap === null ? 'none' : prepared.workloadCap}\n`);
  for (const s of prepared.strata) {
    sink(`stratum\t${s.key}\t${s.ratio}\t${s.minCount}\n`);
    for (const g of s.requiredGroups) sink(`require\t${s.key}\t${g}\n`);
    // Hot loop (a stratum may hold millions of entities): pieces, not concatenated lines, to spare
    // the garbage collector. The sink sees the same text either way.
    const prefix = `entity\t${s.key}\t`;
    const keys = s.entityKeys;
    const weights = s.weights;
    const tags = s.tags;
    if (!tags) {
      for (let i = 0; i < keys.length; i += 1) {
        sink(prefix);
        sink(keys[i]!);
        sink('\t');
        sink(weights[i]!);
        sink('\n');
      }
    } else {
      // Equal tag sets are one interned array: its text is made once.
      let lastTags: readonly string[] | null = null;
      let lastText = '';
      for (let i = 0; i < keys.length; i += 1) {
        sink(prefix);
        sink(keys[i]!);
        sink('\t');
        sink(weights[i]!);
        const t = tags[i]!;
        if (t) {
          if (t !== lastTags) {
            lastTags = t;
            lastText = `\t${t.join('\t')}`;
          }
          sink(lastText);
        }
        sink('\n');
      }
    }
  }
  const inspectorTags = prepared.inspectorTags;
  for (let i = 0; i < prepared.inspectorKeys.length; i += 1) {
    const t = inspectorTags?.[i];
    sink(`inspector\t${prepared.inspectorKeys[i]!}\t${prepared.inspectorGroups[i]!}${t ? `\t${t.join('\t')}` : ''}\n`);
  }
  for (const x of prepared.exclusions) sink(`exclude\t${x.entityKey}\t${x.inspectorKey}\t${x.reason}\n`);
}

/** The canonical input text as one string (for small inputs, documentation and tests). */
export function canonicalInputText(input: DrawInput | PreparedInput, algorithm: DrawAlgorithm = DRAW_VERSION): string {
  const parts: string[] = [];
  writeCanonicalText(asPrepared(input), (piece) => parts.push(piece), algorithm);
  return parts.join('');
}

/** SHA-256 of the UTF-8 canonical input text, as 32 bytes. */
export function inputHashBytes(prepared: PreparedInput, sha256: TextSha256Factory = plainTextSha256, algorithm: DrawAlgorithm = DRAW_VERSION): Uint8Array {
  const hash = sha256();
  writeCanonicalText(prepared, (piece) => hash.updateText(piece), algorithm);
  return hash.digest();
}

/** inputHash: lower-case hex SHA-256 of the canonical input text. Throws DrawInputError on bad input. */
export function inputHashOf(input: DrawInput | PreparedInput, sha256?: TextSha256Factory, algorithm: DrawAlgorithm = DRAW_VERSION): string {
  return toHex(inputHashBytes(asPrepared(input), sha256, algorithm));
}

function asPrepared(input: DrawInput | PreparedInput): PreparedInput {
  // A host's input is read by its listed members only (spec §3): a stray `inspectorKeys` member does not make it prepared.
  return 'inspectorKeys' in input && !('inspectors' in input) ? input : prepareInput(input as DrawInput);
}
