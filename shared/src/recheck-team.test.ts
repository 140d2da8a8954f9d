import { createHash } from 'node:crypto';
import { drawRecheckTeam, recheckCanonicalText, verifyRecheckDraw, type RecheckDrawInput } from './recheck-team';

const pool = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const input: RecheckDrawInput = { tenantId: 't', inspectionId: 'i', ordinal: 0, openedOn: '2026-03-02', pool, size: 2 };

describe('the random re-check team', () => {
  it('is the same for the same facts whatever the pool’s order, and verifies from its record', () => {
    const drawn = drawRecheckTeam(input);
    expect(drawn.team).toHaveLength(2);
    expect(new Set(drawn.team).size).toBe(2);
    expect(drawn.team.every((id) => pool.includes(id))).toBe(true);
    expect(drawRecheckTeam({ ...input, pool: [...pool].reverse() })).toEqual(drawn);
    expect(verifyRecheckDraw(drawn)).toBe(true);
    expect(verifyRecheckDraw({ ...drawn, team: [drawn.team[1]!, drawn.team[0]!] })).toBe(false);
    expect(verifyRecheckDraw({ ...drawn, seedHex: '00'.repeat(32) })).toBe(false);
  });

  it('changes with the facts and reaches every inspector over records', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n += 1) for (const id of drawRecheckTeam({ ...input, inspectionId: `i${n}` }).team) seen.add(id);
    expect(seen.size).toBe(pool.length);
    expect(recheckCanonicalText(input)).toBe(['spotcheck-recheck/1', 't', 'i', '0', '2026-03-02', '2', ...pool].join('\n') + '\n');
    // The key is SHA-256 of the canonical text's UTF-8, as any implementation computes it.
    expect(drawRecheckTeam(input).seedHex).toBe(createHash('sha256').update(recheckCanonicalText(input), 'utf8').digest('hex'));
  });

  it('refuses a team larger than the pool', () => {
    expect(() => drawRecheckTeam({ ...input, pool: pool.slice(0, 1) })).toThrow(RangeError);
  });
});
