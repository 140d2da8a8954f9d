import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, CsvFormatError, CsvRecords } from './csv-records';

/** Feeds `text` in pieces of varying size (a fixed sequence, so failures repeat). */
function records(text: string, piece = 7): string[][] {
  const out: string[][] = [];
  const reader = new CsvRecords((cells) => out.push(cells));
  let step = piece;
  for (let at = 0; at < text.length; at += step, step = (step * 5 + 3) % 97 || 1) reader.push(text.slice(at, at + step));
  reader.end();
  return out;
}

const byCsvParse = (text: string) => parse(text, CSV_OPTIONS) as string[][];

describe('CSV records', () => {
  const samples: Record<string, string> = {
    'plain LF': '名称,代码\n甲,1\n乙,2\n',
    'CRLF without a final line end': '名称,代码\r\n甲,1\r\n乙,2',
    'lone CR (old Mac)': '名称,代码\r甲,1\r乙,2\r',
    'quoted commas and escaped quotes': '名称,备注\n"甲,乙","他说""好"""\n丙,丁\n',
    'line breaks inside quotes': '名称,地址\r\n"甲","第一行\r\n第二行"\r\n乙,"x\ny"\r\n丙,z\r\n',
    'stray quotes in unquoted fields': '名称,尺寸\n显示器,27"\n电视,55"\n其他,无\n',
    'stray quote, then a quoted field over two lines': 'a,b\nx,1"2\n"m\nn",y\nz,w\n',
    'empty lines and ragged rows': 'a,b,c\n\n1,2\n,,\n3,4,5,6\n',
    'a bare LF inside a CRLF file': 'a,b\r\n1,x\ny\r\n2,z\r\n',
  };
  for (const [name, text] of Object.entries(samples)) {
    it(`gives what csv-parse gives: ${name}`, () => {
      expect(records(text)).toEqual(byCsvParse(text));
      expect(records(text, 1)).toEqual(byCsvParse(text));
    });
  }

  it('handles large blocks of quoted lines', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `"名称${i}","多行\n内容${i}","x""y"`).join('\r\n') + '\r\n';
    expect(records(text, 4096)).toEqual(byCsvParse(text));
  });

  it('reports a quote that never closes, with its line', () => {
    expect(() => records('a,b\n1,2\n"3,4\n5,6\n')).toThrow(CsvFormatError);
    try {
      records('a,b\n1,2\n"3,4\n5,6\n');
    } catch (error) {
      expect(error).toMatchObject({ code: 'CSV_QUOTE_NOT_CLOSED', line: 3 });
    }
  });
});
