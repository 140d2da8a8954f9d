import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFailure } from './import-failure';

/** An element by its local name: `x:row` (some writers prefix the main namespace) is `row`. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * The longest stretch of text or of one tag the parser may buffer. Excel's longest cell is 32,767
 * characters (each at most ten when escaped); anything longer is not a spreadsheet.
 */
const MAX_RUN = 512 * 1024;
const MAX_DEPTH = 64;

/**
 * An XML parser (saxes) fed with chunks of bytes, whose buffers are held to MAX_RUN characters: a text
 * node or a tag longer than that, nesting deeper than MAX_DEPTH or a DTD refuses the file. Handlers run
 * synchronously within `write`; the caller awaits between chunks, so other requests are served and a
 * slow consumer holds the reading back.
 */
export class XmlStream {
  private readonly parser = new SaxesParser();
  private readonly decoder = new TextDecoder('utf-8');
  private failure: Error | null = null;
  private depth = 0;
  private run = 0;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    const parser = this.parser;
    parser.on('error', (error) => {
      this.failure ??= error;
    });
    parser.on('doctype', () => {
      this.failure ??= this.refuse('含有 DTD 声明');
    });
    parser.on('opentag', (tag) => {
      this.depth += 1;
      if (this.depth > MAX_DEPTH) this.failure ??= this.refuse(`嵌套超过 ${MAX_DEPTH} 层`);
      else handlers.open?.({ name: localName(tag.name), attributes: (tag as SaxesTagPlain).attributes });
    });
    if (handlers.text) parser.on('text', handlers.text);
    parser.on('closetag', (tag) => {
      this.depth -= 1;
      handlers.close?.(localName(tag.name));
    });
  }

  write(chunk: Buffer): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
    this.parser.close();
    this.check();
  }

  private feed(text: string): void {
    let run = this.run;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 60 || c === 62)
        run = 0; // < and >
      else if (++run > MAX_RUN) throw this.refuse(`含有超过 ${MAX_RUN / 1024}K 个字符的文字或标记`);
    }
    this.run = run;
    this.parser.write(text);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure instanceof ImportFailure ? this.failure : this.refuse('不是有效的 XML');
  }

  private refuse(what: string): ImportFailure {
    return new ImportFailure(`xlsx 文件中的部件“${this.part}”${what}，不是正常的表格文件，未导入任何数据`);
  }
}

/** Parses a whole part. */
export async function parseXml(part: string, chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const xml = new XmlStream(part, handlers);
  for await (const chunk of chunks) xml.write(chunk);
  xml.end();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
