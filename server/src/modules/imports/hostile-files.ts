/**
 * Hostile xlsx files for tests, made in the test: a tiny zip writer whose entries are produced chunk by
 * chunk, so that a file that inflates to hundreds of MiB is made without holding them.
 */
import zlib from 'node:zlib';

export type EntryChunks = () => Iterable<string>;

interface Packed {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
}

async function pack(name: string, chunks: EntryChunks): Promise<Packed> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const text of chunks()) {
    const bytes = Buffer.from(text, 'utf8');
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name: Buffer.from(name, 'utf8'), data: Buffer.concat(out), crc, size };
}

/**
 * A zip (deflate, no zip64) of the given entries in this order. `declared` may lie about an entry's
 * inflated size, as a hostile file does to pass checks made on the declared sizes.
 */
export async function zipOf(entries: [string, EntryChunks][], declared: (path: string, size: number) => number = (_, size) => size): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, chunks] of entries) {
    const e = await pack(path, chunks);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared(path, e.size), 22);
    local.writeUInt16LE(e.name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(declared(path, e.size), 24);
    dir.writeUInt16LE(e.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, e.name, e.data);
    central.push(dir, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const xml = (body: string) => () => [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`];
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has, around a first sheet and (when given) a shared-strings table. */
export function workbookParts(sheet: EntryChunks, sharedStrings?: EntryChunks): [string, EntryChunks][] {
  return [
    [
      '[Content_Types].xml',
      xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    ],
    ['_rels/.rels', xml(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', xml(`<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    [
      'xl/_rels/workbook.xml.rels',
      xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    ],
    ...(sharedStrings ? [['xl/sharedStrings.xml', sharedStrings] as [string, EntryChunks]] : []),
    ['xl/worksheets/sheet1.xml', sheet],
  ];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A sheet of rows of shared-string indexes (`number`) or inline texts (`string`). */
export function sheetOf(rows: (number | string)[][]): EntryChunks {
  return function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
    for (const [r, row] of rows.entries()) {
      const cells = row.map((v, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        return typeof v === 'number' ? `<c r="${ref}" t="s"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
      });
      yield `<row r="${r + 1}">${cells.join('')}</row>`;
    }
    yield '</sheetData></worksheet>';
  };
}

/**
 * `count` unique strings of `length` characters each, like the table that was seen: each a number and
 * a pattern of 24 CJK characters of its own, repeated. Deflate packs it about 75 to 1, under any
 * sensible ratio limit, so the table itself has to be held to a bound.
 */
export function sharedStringsBomb(count: number, length: number): EntryChunks {
  return function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`;
    for (let i = 0; i < count; i += 1) {
      let x = Math.imul(i + 1, 2654435761) >>> 0;
      let pattern = '';
      for (let k = 0; k < 24; k += 1) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        pattern += String.fromCharCode(0x4e00 + ((x >>> 16) % 4000));
      }
      yield `<si><t>${i}:${pattern.repeat(Math.ceil(length / 24)).slice(0, length)}</t></si>`;
    }
    yield '</sst>';
  };
}

/** One cell whose inline text is `mib` MiB of one letter: a zip bomb in the sheet itself. */
export function inlineTextBomb(mib: number): EntryChunks {
  return function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
    const block = 'A'.repeat(1 << 20);
    for (let i = 0; i < mib; i += 1) yield block;
    yield '</t></is></c></row></sheetData></worksheet>';
  };
}
