import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/** A V8 CPU profile of this process from now until `stop()`, written to `file`; nothing when no file is given. */
export async function startCpuProfile(file: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!file) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
