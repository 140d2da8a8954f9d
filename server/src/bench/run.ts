import 'reflect-metadata';
import { runDashboardBench } from './dashboard.bench';
import { runDrawBench } from './draw.bench';
import { runImportBench } from './import.bench';

/** `npm run bench -- <name>`: each bench prints human lines, then one JSON object as its last line. */
const BENCHES: Record<string, () => Promise<void>> = {
  import: runImportBench,
  draw: runDrawBench,
  dashboard: runDashboardBench,
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
