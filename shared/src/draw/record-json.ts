/**
 * Reading a draw record from its JSON text strictly (docs/draw-spec.md §12, check 0): JSON as RFC 8259
 * writes it (no byte-order mark, no comments, nothing after the value), no object with two members of
 * the same name (anywhere, `meta` included: parsers disagree on which one wins), and every number
 * outside `meta` written as a plain integer, `0` or a non-zero digit followed by digits — `2.0`,
 * `2e0`, `-0` and `02` are refused, since parsers disagree on whether they are integers.
 */

/** The record's value, or why its text is not a strict record document (a Chinese reason). */
export type RecordParse = { ok: true; value: unknown } | { ok: false; reason: string };

const PLAIN_INTEGER = /^(?:0|[1-9][0-9]*)$/;

interface Frame {
  object: boolean;
  /** Member names seen so far in this object (a list while small, a set when large). */
  names: string[] | Set<string> | null;
  expectName: boolean;
  /** Inside `meta`: any number spelling is accepted there. */
  free: boolean;
  /** The top-level object, whose member `meta` is free. */
  top: boolean;
}

function hasName(names: string[] | Set<string>, name: string): boolean {
  return Array.isArray(names) ? names.includes(name) : names.has(name);
}

/**
 * Scans text already accepted by JSON.parse (so the grammar is known to be right) for duplicate
 * member names and number spellings. Returns a reason, or null when the text is strict.
 */
function strictnessProblem(text: string): string | null {
  const stack: Frame[] = [];
  let freeNext = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const frame = stack[stack.length - 1];
    if (c === 0x22) {
      // A string: its end is the first quote not escaped (preceded by an even run of backslashes).
      const start = i;
      let end = text.indexOf('"', i + 1);
      for (;;) {
        let b = end - 1;
        while (text.charCodeAt(b) === 0x5c) b -= 1;
        if ((end - 1 - b) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end + 1;
      if (frame?.object && frame.expectName) {
        const raw = text.slice(start + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
        const names = (frame.names ??= []);
        if (hasName(names, name)) return `对象中字段“${name}”出现了不止一次`;
        if (Array.isArray(names)) {
          names.push(name);
          if (names.length > 16) frame.names = new Set(names);
        } else names.add(name);
        frame.expectName = false;
        freeNext = frame.top && name === 'meta';
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      stack.push({ object: c === 0x7b, names: null, expectName: c === 0x7b, free: (frame?.free ?? false) || freeNext, top: stack.length === 0 });
      freeNext = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      if (frame?.object) frame.expectName = true;
      freeNext = false;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!((d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2b || d === 0x2e || d === 0x65 || d === 0x45)) break;
        i += 1;
      }
      const spelling = text.slice(start, i);
      if (!((frame?.free ?? false) || freeNext) && !PLAIN_INTEGER.test(spelling)) {
        return `数字 ${spelling} 的写法不合规范：除 meta 外，数字只能写成不带符号、小数点、指数和前导零的整数`;
      }
      continue;
    }
    i += 1;
  }
  return null;
}

/** Parses a record document strictly; see the module comment. */
export function parseRecordText(text: string): RecordParse {
  if (typeof text !== 'string') return { ok: false, reason: '记录必须是 JSON 文本' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: '记录不是有效的 JSON 文本（RFC 8259）' };
  }
  const problem = strictnessProblem(text);
  return problem ? { ok: false, reason: problem } : { ok: true, value };
}
