import fs from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__spotcheckPg;
  if (!state) return;
  await state.pg.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
