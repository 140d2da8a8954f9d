import crypto from 'node:crypto';
import { auditHash, auditHashParts, type AuditContent } from './audit-hash';

/** PostgreSQL computes the chain's hash from these parts (audit.service.ts); it must be `auditHash`'s, which verification recomputes. */
describe('auditHashParts', () => {
  const event: AuditContent = {
    tenantId: '6f1c2a4e-0000-4000-8000-000000000001',
    seq: 42,
    id: '6f1c2a4e-0000-4000-8000-000000000002',
    occurredAt: new Date('2026-12-07T08:00:00.123Z'),
    actorUserId: null,
    actorUsername: '张三',
    action: 'inspection.approve',
    objectType: 'Inspection',
    objectId: 'SW5zcGVjdGlvbjox',
    before: { status: 'REVIEWED', nested: { z: 1, a: [1, '"引号"\n'] } },
    after: null,
    requestId: 'req-1',
    prevHash: 'ab'.repeat(32),
  };

  it.each([
    ['a full event', event],
    ['no request id, no actor, a first event', { ...event, requestId: null, actorUsername: null, seq: 1, prevHash: '0'.repeat(64) }],
  ])('joins, around prevHash and seq, into what auditHash covers (%s)', (_, e) => {
    const { prevHash, seq, ...fixed } = e;
    const parts = auditHashParts(fixed);
    const text = `${parts.before}${prevHash}${parts.between}${seq}${parts.after}`;
    expect(crypto.createHash('sha256').update(text).digest('hex')).toBe(auditHash(e));
  });
});
