import { parseRecordText } from './record-json';

describe('reading a record text strictly (spec §12, check 0)', () => {
  const ok = (text: string) => expect(parseRecordText(text)).toEqual({ ok: true, value: JSON.parse(text) });
  const refused = (text: string) => expect(parseRecordText(text)).toMatchObject({ ok: false, reason: expect.stringMatching(/[\u4e00-\u9fff]/) });

  it('accepts plain JSON, escapes and quotes inside strings included', () => {
    ok('{"a":"x\\\\","b":"\\"a\\":1,\\"a\\":2","c":[0,1,23],"d":{"a":1},"e":null}');
    ok(' {"key":"\\ud800","n":9007199254740993} ');
  });

  it('refuses duplicate member names, compared after unescaping, at any depth', () => {
    refused('{"a":1,"a":1}');
    refused('{"a":1,"\\u0061":2}');
    refused('{"x":[{"k":"1","w":"1","w":"9"}]}');
    refused('{"meta":{"a":1,"a":2}}');
    refused(`{${Array.from({ length: 40 }, (_, i) => `"m${i}":0`).join(',')},"m39":1}`); // past the small-list phase
    ok('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}');
    ok('{"__proto__":1,"constructor":2}');
  });

  it('refuses any number spelled other than a plain integer outside meta, and accepts any inside it', () => {
    for (const n of ['2.0', '2e0', '2E0', '-0', '-1', '1.5', '20e-1']) refused(`{"teamSize":${n}}`);
    for (const n of ['02', '+2', '.5', 'NaN']) refused(`{"teamSize":${n}}`); // not JSON at all
    ok('{"teamSize":0,"workloadCap":12}');
    ok('{"meta":{"a":2.0,"b":-0,"c":[1e400,{"d":0.25}]},"teamSize":2}');
    refused('{"meta":{},"x":{"meta":2.0}}'); // only the record's own meta is free
  });

  it('refuses what is not JSON text: a byte-order mark, trailing data, comments', () => {
    for (const t of ['\ufeff{}', '{} x', '{}/**/', "{'a':1}", '{"a":1,}']) refused(t);
  });
});
