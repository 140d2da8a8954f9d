import { PLAN_WORKFLOW, availableActions, checkTransition } from './workflow';

describe('annual plan workflow', () => {
  it('goes draft → submitted → approved → published, each step by its role', () => {
    expect(checkTransition(PLAN_WORKFLOW, 'DRAFT', 'SUBMIT', ['OFFICE'])).toEqual({ ok: true, to: 'SUBMITTED' });
    expect(checkTransition(PLAN_WORKFLOW, 'SUBMITTED', 'APPROVE', ['LEADER'])).toEqual({ ok: true, to: 'APPROVED' });
    expect(checkTransition(PLAN_WORKFLOW, 'APPROVED', 'PUBLISH', ['OFFICE'])).toEqual({ ok: true, to: 'PUBLISHED' });
  });

  it('refuses the wrong role and the wrong state with reasons', () => {
    expect(checkTransition(PLAN_WORKFLOW, 'SUBMITTED', 'APPROVE', ['OFFICE'])).toMatchObject({ ok: false, reason: 'ROLE_REQUIRED' });
    expect(checkTransition(PLAN_WORKFLOW, 'DRAFT', 'PUBLISH', ['OFFICE'])).toMatchObject({ ok: false, reason: 'NOT_ALLOWED_FROM_STATE' });
    expect(availableActions(PLAN_WORKFLOW, 'SUBMITTED', ['LEADER'])).toEqual(['RETURN', 'APPROVE']);
  });
});
