#!/usr/bin/env node
// Committed as plain JavaScript so that `npm install` can link it before anything is built; it
// loads the compiled verifier, which `npm run build` (and so `npm start`) writes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'verifier', 'src', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`spotcheck 尚未构建（缺少 ${cli}）。请先在仓库根目录运行 npm run build（npm start 也会构建），或 npm run build -w verifier\n`);
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
