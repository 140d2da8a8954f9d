/**
 * The same draw in other processes: a child `node` that loads the compiled package (shared/dist, as the
 * server and the verify-draw CLI do), once normally and once with --jitless (the interpreter only).
 * Build first: npx tsc -b shared.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runDraw } from './draw';
import type { DrawInput } from './record';

const dist = join(__dirname, '..', '..', 'dist', 'draw', 'index.js');

function bigInput(): DrawInput {
  const weights = ['0.5', '1', '1.5', '2', '3.25'];
  const groups = ['430700-自然资源和规划局', '430700-市场监督管理局', '430700-生态环境局'];
  const entity = (i: number) => `9143${String((i * 7919) % 100000).padStart(6, '0')}MA${String(i).padStart(6, '0')}`;
  return {
    strata: [
      { key: 'item:A', ratio: '0.05', entities: Array.from({ length: 4000 }, (_, i) => ({ key: entity(i), weight: weights[i % 5]! })) },
      { key: 'item:B|risk:HIGH', ratio: '0.2', minCount: 5, entities: Array.from({ length: 500 }, (_, i) => ({ key: entity(i * 3), weight: '2' })) },
      { key: 'item:C', ratio: '0', entities: [] },
    ],
    inspectors: Array.from({ length: 90 }, (_, i) => ({ key: `CERT-${String(i).padStart(3, '0')}`, group: groups[i % 3]! })),
    teamSize: 3,
    workloadCap: 12,
    requiredGroups: [
      { stratumKey: 'item:A', groups: [groups[0]!] },
      { stratumKey: 'item:B|risk:HIGH', groups: [groups[1]!, groups[2]!] },
    ],
    exclusions: Array.from({ length: 300 }, (_, i) => ({
      entityKey: entity(i * 3),
      inspectorKey: `CERT-${String((i * 37) % 90).padStart(3, '0')}`,
      reason: 'RECUSAL',
    })),
  };
}

const SERVER_SEED = '5e'.repeat(32);
const ENTROPY = ['witness:甲:271828', 'lottery:福彩3D:2024300:314'];

describe('identical results across processes', () => {
  it('finds the compiled package (run `npx tsc -b shared` first)', () => {
    expect(existsSync(dist)).toBe(true);
  });

  it.each([[[]], [['--jitless']]])('a child node %j computes the same record', (flags: string[]) => {
    const here = runDraw(bigInput(), SERVER_SEED, ENTROPY);
    expect(here.result!.teams.length).toBeGreaterThan(250);
    const script = `
      const { runDraw } = require(${JSON.stringify(dist)});
      const { input, seed, entropy } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(runDraw(input, seed, entropy)));
    `;
    const child = execFileSync(process.execPath, [...flags, '-e', script], {
      input: JSON.stringify({ input: bigInput(), seed: SERVER_SEED, entropy: ENTROPY }),
      maxBuffer: 64 * 1024 * 1024,
      stdio: 'pipe', // keep --jitless's flag notice out of the test output
    }).toString('utf8');
    expect(child).toBe(JSON.stringify(here));
  });
});
