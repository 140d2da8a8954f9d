/** The plan form's values checked with the same shared rules the server applies (planViolations). */
import { parseRatioInput, planViolations, RuleSetSchema, type RuleSet, type RuleViolation } from '@spotcheck/shared';
import { ratioValue } from '../../app/ratio';

export interface PlanFormValues {
  year: number | null;
  title: string;
  scope: string;
  inspectorRequirements?: string;
  rounds: number | null;
  schedule: { from?: string; to?: string }[];
  items: { itemId?: string; ratio?: string; rounds?: number | null }[];
}

export interface ItemOption {
  id: string;
  name: string;
  minRatio: string;
  frequencyPerYear: number;
  status: string;
}

export function parseRules(value: unknown): RuleSet | null {
  const parsed = RuleSetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Violations of the rules in what has been typed so far; rows still missing a value are left to the field checks. */
export function formViolations(values: PlanFormValues, rules: RuleSet, items: ReadonlyMap<string, ItemOption>): RuleViolation[] {
  const year = values.year ?? 0;
  const rounds = values.rounds ?? 0;
  const schedule = (values.schedule ?? []).map((r, i) => ({ round: i + 1, from: r?.from ?? '', to: r?.to ?? '' })).filter((r) => r.from && r.to);
  const planItems = (values.items ?? []).flatMap((row) => {
    const item = row?.itemId ? items.get(row.itemId) : undefined;
    const ratio = row.ratio ? parseRatioInput(row.ratio) : null;
    if (!item || ratio === null || !row.rounds) return [];
    return [
      {
        itemName: item.name,
        ratio,
        rounds: row.rounds,
        itemMinRatio: item.minRatio,
        itemFrequencyPerYear: item.frequencyPerYear,
        itemPublished: item.status === 'PUBLISHED',
      },
    ];
  });
  const violations = planViolations({ year, rounds, schedule, items: planItems }, rules);
  const incomplete = schedule.length < (values.schedule ?? []).length;
  // Rows still being filled in are not a count mismatch yet; an empty item list is, once nothing is left.
  const countMismatch = `时间安排有 ${schedule.length} 轮，与全年轮次 ${rounds} 不符`;
  return violations.filter((v) => !(incomplete && v.message === countMismatch) && !(v.rule === 'items' && (values.items ?? []).length > 0));
}

/** The server's PlanInput from the form. */
export function planInput(values: PlanFormValues) {
  return {
    year: values.year ?? 0,
    title: values.title.trim(),
    scope: values.scope.trim(),
    inspectorRequirements: values.inspectorRequirements?.trim() || null,
    rounds: values.rounds ?? 0,
    schedule: values.schedule.map((r, i) => ({ round: i + 1, from: r.from ?? '', to: r.to ?? '' })),
    items: values.items.map((r) => ({ itemId: r.itemId ?? '', ratio: ratioValue(r.ratio), rounds: r.rounds ?? 0 })),
  };
}
