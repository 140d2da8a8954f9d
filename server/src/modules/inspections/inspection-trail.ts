import type { DataSource } from 'typeorm';
import { JsonRowShape } from '../../db/json-rows';
import { InspectionStep } from './inspection-step.entity';
import { InspectionConfirmation } from './inspection-confirmation.entity';

/** A record's own rows that its page shows with it: the workflow's steps and the team's confirmations. */
export interface RecordTrail {
  /** Oldest first (then by id), as the `steps` field lists them. */
  steps: InspectionStep[];
  /** In the order confirmed (then by inspector). */
  confirmations: InspectionConfirmation[];
}

interface Shapes {
  steps: JsonRowShape<InspectionStep>;
  confirmations: JsonRowShape<InspectionConfirmation>;
}

const shapesOf = new WeakMap<DataSource, Shapes>();

function shapes(db: DataSource): Shapes {
  let known = shapesOf.get(db);
  if (!known) shapesOf.set(db, (known = { steps: new JsonRowShape(db, InspectionStep), confirmations: new JsonRowShape(db, InspectionConfirmation) }));
  return known;
}

/**
 * The trail of the record `i` as two JSON columns of a statement over it (`trail_steps`,
 * `trail_confirmations`), so that one statement reads it for every record a page asks about, or
 * beside what a transition reads, and `hydrate` turns them into the rows TypeORM's `find` returns.
 */
export function recordTrail(db: DataSource) {
  const { steps, confirmations } = shapes(db);
  return {
    stepsColumn: `(SELECT json_agg(s ORDER BY s."at", s."id") FROM (SELECT ${steps.columns('st')} FROM inspection_steps st
        WHERE st.tenant_id = i.tenant_id AND st.inspection_id = i.id) s)`,
    confirmationsColumn: `(SELECT json_agg(c ORDER BY c."confirmedAt", c."inspectorId") FROM (SELECT ${confirmations.columns('ic')} FROM inspection_confirmations ic
        WHERE ic.tenant_id = i.tenant_id AND ic.inspection_id = i.id) c)`,
    hydrate(row: { trail_steps: Record<string, unknown>[] | null; trail_confirmations: Record<string, unknown>[] | null }): RecordTrail {
      return { steps: steps.hydrateAll(row.trail_steps), confirmations: confirmations.hydrateAll(row.trail_confirmations) };
    },
  };
}
