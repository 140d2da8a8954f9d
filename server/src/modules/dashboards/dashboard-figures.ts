import { STANDARD_RESULT_CATEGORIES } from '@spotcheck/shared';
import type { DashboardFigures } from './dashboard.types';

/** The standard result codes that count as a problem; a bureau's own categories carry their own flag. */
export const PROBLEM_CODES: readonly string[] = STANDARD_RESULT_CATEGORIES.filter((c) => c.problem).map((c) => c.code);

/** Counts as the SQL functions return them (bigint arrives as text). */
export interface RawCounts {
  entities: string | number;
  inspected_entities: string | number;
  drawn: string | number | null;
  completed: string | number | null;
  records: string | number;
  published: string | number;
  problems: string | number;
  overdue: string | number;
}

export interface Counts {
  entities: number;
  inspectedEntities: number;
  drawn: number | null;
  completed: number | null;
  records: number;
  published: number;
  problems: number;
  overdue: number;
}

export function countsOf(raw: RawCounts): Counts {
  const n = (v: string | number) => Number(v);
  return {
    entities: n(raw.entities),
    inspectedEntities: n(raw.inspected_entities),
    drawn: raw.drawn == null ? null : n(raw.drawn),
    completed: raw.completed == null ? null : n(raw.completed),
    records: n(raw.records),
    published: n(raw.published),
    problems: n(raw.problems),
    overdue: n(raw.overdue),
  };
}

export const ZERO: Counts = { entities: 0, inspectedEntities: 0, drawn: 0, completed: 0, records: 0, published: 0, problems: 0, overdue: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  const plus = (x: number | null, y: number | null) => (x == null && y == null ? null : (x ?? 0) + (y ?? 0));
  return {
    entities: a.entities + b.entities,
    inspectedEntities: a.inspectedEntities + b.inspectedEntities,
    drawn: plus(a.drawn, b.drawn),
    completed: plus(a.completed, b.completed),
    records: a.records + b.records,
    published: a.published + b.published,
    problems: a.problems + b.problems,
    overdue: a.overdue + b.overdue,
  };
}

const ratio = (part: number | null, whole: number | null) => (part == null || !whole ? null : part / whole);

export function figuresOf(c: Counts): DashboardFigures {
  return {
    ...c,
    coverage: ratio(c.inspectedEntities, c.entities),
    completion: ratio(c.completed, c.drawn),
    problemRate: ratio(c.problems, c.published),
  };
}

/** The twelve months of `year` as YYYY-MM. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
