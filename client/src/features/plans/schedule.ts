/** The plan's `schedule` JSON as the server stores it: one { round, from, to } per round. */
export interface PlanRound {
  round: number;
  from: string;
  to: string;
}

export function scheduleOf(value: unknown): PlanRound[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is PlanRound => !!r && typeof r === 'object' && typeof (r as PlanRound).round === 'number').sort((a, b) => a.round - b.round);
}
