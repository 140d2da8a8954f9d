// Records every statement the app sends through `pg` in the server tests (its pools, its job queue; not
// the tests' own clients, which their file's realm loads), with where in the app it came from, for the router-plannable check that runs
// after the suite (global-teardown.mjs, server/src/test-support/statement-check.ts). Each jest worker
// appends what it saw that was new to one file of the run's directory (SPOTCHECK_STATEMENT_LOG).
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const CALLERS_KEPT = 3;
const seen = new Map(); // statement text → callers
let unwritten = [];
let installed = false;
const DIST = path.resolve(__dirname, '..', 'dist') + path.sep;

/**
 * Up to four frames of the app (not of its libraries) that led to the statement, innermost first, read
 * as call sites: formatting the stack would map every frame through the source maps jest installs.
 */
function callerOf() {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  Error.stackTraceLimit = 40;
  Error.prepareStackTrace = (_error, sites) => sites;
  const holder = {};
  Error.captureStackTrace(holder, callerOf);
  const sites = holder.stack;
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  const frames = [];
  for (const site of sites) {
    const file = site.getFileName() ?? '';
    if (!file.startsWith(DIST)) continue;
    frames.push(`${site.getFunctionName() ?? '<anonymous>'} (${file.slice(DIST.length).replace(/\.js$/, '.ts')})`);
    if (frames.length === 4) break;
  }
  return frames.length ? frames.join(' < ') : 'a test';
}

function record(text) {
  if (typeof text !== 'string' || !text) return;
  let callers = seen.get(text);
  if (!callers) seen.set(text, (callers = new Set()));
  if (callers.size >= CALLERS_KEPT) return;
  const caller = callerOf();
  if (callers.has(caller)) return;
  callers.add(caller);
  unwritten.push({ sql: text, caller });
}

function install() {
  if (installed || !process.env.SPOTCHECK_STATEMENT_LOG) return;
  installed = true;
  const query = Client.prototype.query;
  Client.prototype.query = function recordedQuery(config, ...rest) {
    record(typeof config === 'string' ? config : config?.text);
    return query.call(this, config, ...rest);
  };
}

function flush() {
  if (!installed || !unwritten.length) return;
  const file = path.join(process.env.SPOTCHECK_STATEMENT_LOG, `worker-${process.pid}.jsonl`);
  fs.appendFileSync(file, unwritten.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  unwritten = [];
}

module.exports = { install, flush };
