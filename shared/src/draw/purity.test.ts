/** The draw must stay pure, isomorphic and integer-exact: scan its sources for what it must not use. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sources = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(__dirname, f), 'utf8') }));

const forbidden: [string, RegExp][] = [
  ['Math.random', /Math\.random/],
  ['floating-point maths in the selection', /Math\.(log|pow|exp|sqrt|round|fround)\b|\*\*/],
  ['Node-only APIs', /\b(Buffer|process)\b|\brequire\(|from ['"](node:|crypto|fs|path)/],
  ['Web Crypto or host encoders', /\bcrypto\b|TextEncoder|TextDecoder/],
  ['time or locale dependence', /\bDate\b|localeCompare|Intl\./],
];

describe('draw sources', () => {
  it('exist', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['sha256.ts', 'chacha20.ts', 'stream.ts', 'verify.ts']));
  });

  it.each(forbidden)('do not use %s', (_what, pattern) => {
    const offenders = sources.filter((s) => pattern.test(s.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
