import type { EntityManager } from 'typeorm';
import type { DrawOutcome } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';
import type { Draw } from './draw.entity';
import { DrawSelection } from './draw-selection.entity';

const BATCH = 5000;

/** Stores each drawn entity with its items and team, resolving the record's keys (USCC, certificate) to rows. */
export async function saveSelections(m: EntityManager, draw: Draw, task: Task, outcome: DrawOutcome): Promise<void> {
  const year = Number(task.startsOn.slice(0, 4));
  const itemsOf = new Map<string, string[]>();
  for (const selection of outcome.selections) {
    const itemId = selection.stratumKey.replace(/^item:/, '');
    for (const key of selection.entityKeys) itemsOf.set(key, [...(itemsOf.get(key) ?? []), itemId]);
  }
  const entityIds = new Map<string, string>(
    ((await m.query('SELECT uscc, id FROM market_entities WHERE uscc = ANY($1)', [[...itemsOf.keys()]])) as { uscc: string; id: string }[]).map((r) => [r.uscc, r.id]),
  );
  const certificates = [...new Set(outcome.teams.flatMap((t) => t.inspectorKeys))];
  const inspectorIds = new Map<string, string>(
    ((await m.query('SELECT certificate_no, id FROM inspectors WHERE certificate_no = ANY($1)', [certificates])) as { certificate_no: string; id: string }[]).map((r) => [r.certificate_no, r.id]),
  );
  const rows = outcome.teams.map((team, seq) => ({
    tenantId: draw.tenantId,
    drawId: draw.id,
    seq,
    year,
    entityId: entityIds.get(team.entityKey)!,
    itemIds: itemsOf.get(team.entityKey)!,
    inspectorIds: team.inspectorKeys.map((k) => inspectorIds.get(k)!),
  }));
  for (let i = 0; i < rows.length; i += BATCH) await m.insert(DrawSelection, rows.slice(i, i + BATCH));
}
