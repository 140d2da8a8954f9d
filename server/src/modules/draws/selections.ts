import { once } from 'node:events';
import type { EntityManager } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DrawOutcome } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';
import type { Draw } from './draw.entity';
import { itemOfStratum } from './stratum-key';

const STAGE = 'draw_selection_stage';
/** COPY text is sent in blocks of this many rows, so the whole text never sits in memory at once. */
const BLOCK = 20_000;

/** COPY text field: backslash, tab and line breaks escaped (keys are Texts, which hold none of the latter). */
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/**
 * Stores each drawn entity with its items and team, resolving the record's keys (USCC, certificate) to rows.
 *
 * The teams go by COPY into a temporary table, one row per team with the entity's USCC, and from there
 * by one INSERT … SELECT that resolves the USCC to the entity's id (under RLS, as the lookup by USCC
 * always did). (draw_selections itself takes no
 * COPY: PostgreSQL refuses COPY FROM into a table under row-level security.) An entity key that
 * resolves to no entity leaves entity_id null, which the table refuses, as it always did.
 *
 * That INSERT is most of the time PostgreSQL spends here: `whileInserting` runs meanwhile, on the
 * transaction's own connection (any query it makes waits its turn).
 */
export async function saveSelections(
  m: EntityManager,
  draw: Draw,
  task: Task,
  outcome: DrawOutcome,
  whileInserting: () => Promise<void> = async () => undefined,
): Promise<void> {
  const year = Number(task.startsOn.slice(0, 4));
  // Entity key → its items in stratum order, as the body of a uuid[] literal ("id1,id2"). A stratum
  // key names its item, alone or with a risk class; an item is listed once.
  const itemsOf = new Map<string, string>();
  for (const selection of outcome.selections) {
    const itemId = itemOfStratum(selection.stratumKey);
    for (const key of selection.entityKeys) {
      const list = itemsOf.get(key);
      if (list === undefined) itemsOf.set(key, itemId);
      else if (!`,${list},`.includes(`,${itemId},`)) itemsOf.set(key, `${list},${itemId}`);
    }
  }
  const distinct = new Set<string>();
  for (const team of outcome.teams) for (const key of team.inspectorKeys) distinct.add(key);
  const certificates = [...distinct];
  const inspectorIds = new Map<string, string>(
    (
      (await m.query(
        task.joint
          ? `SELECT certificate_no, id FROM inspectors WHERE certificate_no = ANY($1)
            UNION ALL SELECT certificate_no, id FROM joint_part_inspectors WHERE task_id = $2 AND lead_tenant_id = $3 AND certificate_no = ANY($1)`
          : 'SELECT certificate_no, id FROM inspectors WHERE certificate_no = ANY($1)',
        task.joint ? [certificates, task.id, task.tenantId] : [certificates],
      )) as { certificate_no: string; id: string }[]
    ).map((r) => [r.certificate_no, r.id]),
  );

  await m.query(
    `CREATE TEMP TABLE ${STAGE} (seq integer NOT NULL, uscc text NOT NULL, item_ids uuid[] NOT NULL, inspector_ids uuid[] NOT NULL) ON COMMIT DROP`,
  );
  const client = (m.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('storing selections needs the connection of a running transaction');
  const stream = client.query(copyFrom(`COPY ${STAGE} (seq, uscc, item_ids, inspector_ids) FROM STDIN`));
  const failed = once(stream, 'error').then(([error]) => {
    throw error as Error;
  });
  failed.catch(() => undefined);
  const finished = Promise.race([once(stream, 'finish'), failed]);
  const teams = outcome.teams;
  for (let start = 0; start < teams.length; start += BLOCK) {
    let text = '';
    for (let seq = start; seq < teams.length && seq < start + BLOCK; seq += 1) {
      const team = teams[seq]!;
      text += seq + '\t' + copyText(team.entityKey) + '\t{' + itemsOf.get(team.entityKey)! + '}\t{';
      const members = team.inspectorKeys;
      for (let j = 0; j < members.length; j += 1) {
        if (j > 0) text += ',';
        text += inspectorIds.get(members[j]!) ?? 'NULL';
      }
      text += '}\n';
    }
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  }
  stream.end();
  await finished;

  // The entities are found through the (tenant_id, uscc) index, all keys in one index scan.
  const inserted = m.query(
    `INSERT INTO draw_selections (tenant_id, draw_id, seq, year, entity_id, item_ids, inspector_ids)
     SELECT $1, $2, s.seq, $3, e.id, s.item_ids, s.inspector_ids
       FROM ${STAGE} s
       LEFT JOIN (SELECT uscc, id FROM market_entities WHERE uscc = ANY(ARRAY(SELECT uscc FROM ${STAGE}))) e ON e.uscc = s.uscc`,
    [draw.tenantId, draw.id, year],
  );
  inserted.catch(() => undefined); // awaited below, after the caller's work
  await new Promise(setImmediate); // the statement leaves before the caller's work takes the thread
  try {
    await whileInserting();
  } finally {
    await inserted;
  }
  await m.query(`DROP TABLE ${STAGE}`);
}
