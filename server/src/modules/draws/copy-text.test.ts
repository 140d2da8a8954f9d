import { Client, type PoolClient } from 'pg';
import { copyInteger, copyText, CopyRowReader, InternedText, readCopyRows } from './copy-text';

/** Every row of `text` as its fields' values, the text handed over in the given chunks. */
function rowsOf(chunks: Buffer[], fields: number): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const reader = new CopyRowReader(fields, (buf, s) => rows.push(Array.from({ length: fields }, (_, k) => copyText(buf, s[k]!, s[k + 1]! - 1))));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return rows;
}

const field = (text: string) => {
  const buf = Buffer.from(text, 'utf8');
  return copyText(buf, 0, buf.length);
};

describe('COPY text format reader', () => {
  it('undoes the backslash escapes of the text format, and \\N alone is NULL', () => {
    expect(field('\\N')).toBeNull();
    expect(field('\\\\N')).toBe('\\N');
    expect(field('a\\tb\\nc\\rd')).toBe('a\tb\nc\rd');
    expect(field('\\\\')).toBe('\\');
    expect(field('\\b\\f\\v')).toBe('\b\f\v');
    // Any other escaped character is itself; `\x` without a hex digit is an x.
    expect(field('\\q\\.\\x')).toBe('q.x');
    expect(field('')).toBe('');
    expect(field('金泰矿业')).toBe('金泰矿业');
  });

  it('reads octal and hex escapes as bytes of UTF-8, not as characters', () => {
    expect(field('\\101\\x42\\x4a')).toBe('ABJ');
    expect(field('\\344\\270\\255')).toBe('中');
    expect(field('\\xe4\\xB8\\xad文')).toBe('中文');
    // At most three octal digits and two hex digits belong to the escape.
    expect(field('\\1011')).toBe('A1');
    expect(field('\\x414')).toBe('A4');
    expect(field('\\0')).toBe('\0');
  });

  it('reads integers, negative ones too', () => {
    const buf = Buffer.from('0\t17\t-42');
    expect([copyInteger(buf, 0, 1), copyInteger(buf, 2, 4), copyInteger(buf, 5, 8)]).toEqual([0, 17, -42]);
  });

  it('splits rows the same however the output is cut into chunks, even inside a character', () => {
    const text = Buffer.from('91410400MA44\t测绘\\t单位\t\\N\n9143\t\t\\\\\n');
    const expected = [
      ['91410400MA44', '测绘\t单位', null],
      ['9143', '', '\\'],
    ];
    expect(rowsOf([text], 3)).toEqual(expected);
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(rowsOf([text.subarray(0, cut), text.subarray(cut)], 3)).toEqual(expected);
    }
    expect(
      rowsOf(
        Array.from(text, (b) => Buffer.from([b])),
        3,
      ),
    ).toEqual(expected);
  });

  it('refuses a row of the wrong number of fields and output that stops inside a row', () => {
    expect(() => rowsOf([Buffer.from('a\tb\n')], 3)).toThrow(/2 fields/);
    expect(() => rowsOf([Buffer.from('a\tb\tc\td\n')], 3)).toThrow(/fields/);
    expect(() => rowsOf([Buffer.from('a\tb\tc\nd\te')], 3)).toThrow(/inside a row/);
  });

  it('interns a field to one string per distinct value', () => {
    const interned = new InternedText();
    const buf = Buffer.from('HIGH\tHIGH\t\\N');
    const a = interned.decode(buf, 0, 4);
    expect(a).toBe('HIGH');
    expect(interned.decode(buf, 5, 9)).toBe(a);
    expect(interned.decode(buf, 10, 12)).toBeNull();
  });

  it('reads back what PostgreSQL writes, for every character a field may hold', async () => {
    const client = new Client({ connectionString: process.env.SPOTCHECK_TEST_SERVER_URL });
    await client.connect();
    try {
      const select = `SELECT v, length(v) AS n FROM (VALUES (E'tab\\there'), (E'line\\nbreak\\r\\n'), (E'back\\\\slash \\\\N'), ('\\N'), (NULL),
                        (E'\\b\\f\\v'), ('金泰矿业有限公司'), (''), (E'\\x01\\x1f\\x7f'), ('🀄 emoji')) AS t(v) ORDER BY 1 NULLS LAST`;
      const expected = (await client.query<{ v: string | null; n: number | null }>(select)).rows.map((r) => [r.v, r.n === null ? null : String(r.n)]);
      const rows: (string | null)[][] = [];
      await readCopyRows(client as unknown as PoolClient, `COPY (${select}) TO STDOUT`, 2, (buf, s) =>
        rows.push([copyText(buf, s[0]!, s[1]! - 1), copyText(buf, s[1]!, s[2]! - 1)]),
      );
      expect(rows).toEqual(expected);
      // The connection is usable after an error of the row handler: the COPY was drained.
      await expect(
        readCopyRows(client as unknown as PoolClient, `COPY (${select}) TO STDOUT`, 2, () => {
          throw new Error('handler failed');
        }),
      ).rejects.toThrow('handler failed');
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});
