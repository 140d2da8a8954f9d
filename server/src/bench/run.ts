import 'reflect-metadata';

/**
 * `npm run bench -- <name>`: each bench prints human lines, then one JSON object as its last line.
 * A bench's modules load only once it is chosen: the api bench first sets NODE_ENV=production, as
 * deploy/Dockerfile does, which graphql-js and express read when they load.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  import: () => (require('./import.bench') as typeof import('./import.bench')).runImportBench(),
  draw: () => (require('./draw.bench') as typeof import('./draw.bench')).runDrawBench(),
  dashboard: () => (require('./dashboard.bench') as typeof import('./dashboard.bench')).runDashboardBench(),
  lists: () => (require('./lists.bench') as typeof import('./lists.bench')).runListsBench(),
  web: () => (require('./web.bench') as typeof import('./web.bench')).runWebBench(),
  api: () => {
    process.env.NODE_ENV ??= 'production';
    return (require('./api.bench') as typeof import('./api.bench')).runApiBench();
  },
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>\n`);
    process.exit(2);
  }
  await bench();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
