import { inTenant } from '../../db/tenancy';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { ReferralTargetKind } from './referral.entity';
import { acceptDueOn } from './referral.service';

/** The acceptance deadline counts working days on the calendar: across 国庆 2026 and a bureau's own days off. */
describe('a referral’s acceptance deadline', () => {
  let t: TestApp;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  });
  afterAll(() => t.close());

  const due = (kind: ReferralTargetKind, sentOn: string) => inTenant(t.app.services.db, wugang, (m) => acceptDueOn(m, wugang, kind, sentOn));

  it('skips the National Day week and counts its make-up Saturday', async () => {
    // Sent Wednesday 30 September: 8, 9, 10 (Saturday, worked), 12 and 13 October are the five working days.
    expect((await due(ReferralTargetKind.BUREAU, '2026-09-30')).date).toBe('2026-10-13');
    // An ordinary week: Monday + 5 working days is the next Monday.
    expect((await due(ReferralTargetKind.DEPARTMENT, '2026-11-09')).date).toBe('2026-11-16');
  });

  it('applies the referring bureau’s own day off within the bureau, not across bureaus', async () => {
    await t.sql(`INSERT INTO calendar_adjustments (tenant_id, date, working, note) VALUES ($1, '2026-10-12', false, '本地调休')`, [wugang]);
    expect((await due(ReferralTargetKind.DEPARTMENT, '2026-09-30')).date).toBe('2026-10-14');
    expect((await due(ReferralTargetKind.EXTERNAL, '2026-09-30')).date).toBe('2026-10-14');
    expect((await due(ReferralTargetKind.BUREAU, '2026-09-30')).date).toBe('2026-10-13');
  });
});
