/**
 * Writes a brotli copy (`name.js.br`, best quality) beside each built script and style sheet, once per
 * build, for the server to send as it is: compressing on every answer can afford only a fast, weaker
 * level (the inspector's phone would load about a sixth more).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Plugin } from 'vite';

const compress = promisify(brotliCompress);
const COMPRESSIBLE = /\.(js|css|svg)$/;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'spotcheck-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await readFile(file);
          const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
          await writeFile(`${file}.br`, await compress(bytes, { params }));
        }),
      );
    },
  };
}
