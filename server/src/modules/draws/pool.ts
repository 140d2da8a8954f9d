import type { EntityManager } from 'typeorm';
import { escapeLiteral, type PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ACTIVE_ENTITY_STATUSES, isExtraRiskRound, yearExclusion, creditLoopOf, creditStatusWeight, formatRatio, riskClassOf, riskWeight, stratumRatio, type CreditStatus, type RiskClass, type DrawEntity, type DrawExclusion, type DrawInput, type DrawStratum, type RuleSet } from '@spotcheck/shared';
import type { Task } from '../tasks/task.entity';
import { ruleViolation } from '../../graphql/errors';
import { jointDrawParts } from '../joint/joint-pool';
import { listedEntities } from '../credit/credit-status';
import { RecusalTags } from './recusal-tags';
import { RISK_STRATA, stratumKey, type RiskStratum } from './stratum-key';

export { stratumKey } from './stratum-key';

/** What the draw input was built from: counts per stratum, for the ceremony screen and the record's meta. */
export interface PoolSummary {
  /** `excluded`: entities each rule (POOL_EXCLUSION_RULES) left out of the stratum. */
  strata: { key: string; item: string; riskLevel?: RiskStratum; ratio: string; eligible: number; excluded: Record<string, number> }[];
  inspectors: number;
  exclusions: number;
  /**
   * A task restricted to risk classes (风险分类监管): which classes it draws, how many entities of the filtered
   * directory were of another class, and whether it is an extra round (drawn-this-year does not apply).
   */
  risk?: { classes: string[]; otherClasses: number; extraRound: boolean };
  /** A joint task's groups: which department of which bureau each `dept:` group of the record is. */
  joint?: { leadGroup: string; groups: { group: string; bureau: string; department: string; inspectors: number }[] };
}

interface EntityRow {
  id: string;
  uscc: string;
  target_type: string | null;
  credit_class: string | null;
  complaints: number;
  has_violation: boolean;
}

/**
 * An item whose target is 企业 applies to every entity; otherwise the entity's own target type must
 * appear in the item's (e.g. 测绘资质单位 in 舞钢市行政区域内的测绘资质单位).
 */
function targets(itemTarget: string, entityTarget: string | null, taskTypes: string[] | undefined): boolean {
  if (taskTypes?.length) return entityTarget !== null && taskTypes.includes(entityTarget);
  // “企业” covers every entity of the directory but natural persons (whose type is 个人, entity-fields.ts).
  if (itemTarget.trim() === '企业') return entityTarget === null || !entityTarget.includes('个人');
  return entityTarget !== null && itemTarget.includes(entityTarget);
}

/**
 * Successive-draw weight from the rules: credit class × (1 + per complaint) × (1 + violation) × the
 * credit loop's list weight (watch list or blacklist) × the risk class's weight (given only when the
 * pool is not split by risk: inside one class it would be the same for all), 4 decimals.
 */
export function entityWeight(rules: RuleSet, row: Pick<EntityRow, 'credit_class' | 'complaints' | 'has_violation'> & { credit_status?: CreditStatus; risk?: RiskClass }): string {
  const credit = rules.credit[(row.credit_class ?? 'B') as 'A' | 'B' | 'C' | 'D'];
  const raw = credit.weight * (1 + rules.extraWeight.perComplaint * Math.min(row.complaints, 100)) * (1 + (row.has_violation ? rules.extraWeight.violationRecord : 0))
    * creditStatusWeight(creditLoopOf(rules), row.credit_status ?? 'NORMAL') * (row.risk ? riskWeight(row.risk, rules.risk) : 1);
  const units = Math.max(1, Math.round(raw * 10_000));
  const whole = Math.floor(units / 10_000);
  const fraction = String(units % 10_000).padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

// ---- Reading the eligible entities: COPY text straight off the transaction's connection.
//
// A pool holds up to millions of rows. Read through the driver they would become as many row objects
// with six parsed fields each, only to be reduced to a key and a weight; the COPY text is scanned byte by
// byte instead, and only the strings the draw keeps (the USCC; the id when a rule needs it) are made.

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A field of COPY text output back to its value: `\\`, `\t`, `\n`… (and octal or hex escapes) undone. */
function unescapeCopy(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return COPY_ESCAPES[e] ?? e;
  });
}

/** The text of field bytes [start, end), or null for `\N`. */
function textField(buf: Buffer, start: number, end: number): string | null {
  if (end - start === 2 && buf[start] === BACKSLASH && buf[start + 1] === 78) return null;
  const text = buf.toString('utf8', start, end);
  for (let i = start; i < end; i += 1) if (buf[i] === BACKSLASH) return unescapeCopy(text);
  return text;
}

function integerField(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 45;
  if (negative) i += 1;
  let value = 0;
  for (; i < end; i += 1) value = value * 10 + (buf[i]! - 48);
  return negative ? -value : value;
}

/** SQL text of a text[] value for a statement without bind parameters (COPY takes none). */
function textArray(values: readonly unknown[]): string {
  return `ARRAY[${values.map((v) => (v === null || v === undefined ? 'NULL' : escapeLiteral(String(v)))).join(',')}]::text[]`;
}

function connectionOf(m: EntityManager): PoolClient {
  const client = (m.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!client) throw new Error('reading the pool needs the connection of a running transaction');
  return client;
}

/** One eligible entity as the pool sees it, decoded from a COPY row. Reused from row to row. */
interface PoolRow {
  /** The entity's id when a rule refers to it (drawn this year, recusals, previous inspectors), else ''. */
  id: string;
  uscc: string;
  targetType: string | null;
  creditClass: string | null;
  complaints: number;
  hasViolation: boolean;
  /** The columns only some rules read, in this order after the six others: null when not read (or NULL). */
  riskLevel: string | null;
  regionCode: string | null;
  departmentId: string | null;
}

/** Which of the optional columns the SELECT has, after the six columns every pool reads. */
interface ExtraColumns {
  riskLevel: boolean;
  regionCode: boolean;
  departmentId: boolean;
}

/**
 * Decodes a text field of few distinct values (a risk level, a region code, a department id) to one
 * string per distinct value: a row costs a hash of its bytes and a comparison, not a new string.
 */
class InternedText {
  private readonly byHash = new Map<number, { bytes: Buffer; value: string | null }[]>();

  decode(buf: Buffer, start: number, end: number): string | null {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
    let bucket = this.byHash.get(hash);
    if (bucket) {
      for (const known of bucket) if (known.bytes.compare(buf, start, end) === 0) return known.value;
    } else {
      this.byHash.set(hash, (bucket = []));
    }
    const value = textField(buf, start, end);
    bucket.push({ bytes: Buffer.from(buf.subarray(start, end)), value });
    return value;
  }
}

/**
 * Streams `COPY (SELECT id, uscc, target_type, credit_class, complaints, has_violation [, risk_level]
 * [, region_code] [, supervising_department_id] …) TO STDOUT` row by row; `row.id` is set for the
 * entities of `ids` only. Any error of `each` is kept and rethrown once PostgreSQL has finished sending, so the
 * connection is never left in the middle of a COPY.
 */
async function forEachEntity(client: PoolClient, sql: string, ids: ReadonlySet<string>, extra: ExtraColumns, each: (row: PoolRow) => void): Promise<void> {
  const row: PoolRow = { id: '', uscc: '', targetType: null, creditClass: null, complaints: 0, hasViolation: false, riskLevel: null, regionCode: null, departmentId: null };
  const fields = 6 + Number(extra.riskLevel) + Number(extra.regionCode) + Number(extra.departmentId);
  const riskAt = extra.riskLevel ? 6 : -1;
  const regionAt = extra.regionCode ? 6 + Number(extra.riskLevel) : -1;
  const departmentAt = extra.departmentId ? fields - 1 : -1;
  const risks = new InternedText();
  const regions = new InternedText();
  const departments = new InternedText();
  // An id is only made into a string when its first 8 hex digits are those of an id some rule names.
  const prefixes = new Set<number>();
  for (const id of ids) prefixes.add(parseInt(id.slice(0, 8), 16));
  const starts = new Int32Array(fields + 1);
  // Consecutive rows mostly share their target type and credit class: decode each distinct raw value once.
  let lastTargetBytes: Buffer | null = null;
  let lastTarget: string | null = null;
  const creditByByte = new Map<number, string>();
  let carry: Buffer | null = null;
  let failure: unknown = null;

  const decode = (buf: Buffer) => {
    const s = starts;
    row.id = '';
    if (prefixes.size > 0 && s[1]! - s[0]! === 37) {
      let prefix = 0;
      for (let i = s[0]!; i < s[0]! + 8; i += 1) {
        const b = buf[i]!;
        prefix = prefix * 16 + (b <= 57 ? b - 48 : (b | 32) - 87); // 0-9, a-f (A-F)
      }
      if (prefixes.has(prefix)) {
        const id = buf.toString('latin1', s[0]!, s[1]! - 1);
        if (ids.has(id)) row.id = id;
      }
    }
    row.uscc = textField(buf, s[1]!, s[2]! - 1)!;
    const tStart = s[2]!;
    const tEnd = s[3]! - 1;
    let same = lastTargetBytes !== null && lastTargetBytes.length === tEnd - tStart;
    for (let i = 0; same && i < tEnd - tStart; i += 1) same = lastTargetBytes![i] === buf[tStart + i];
    if (!same) {
      lastTargetBytes = Buffer.from(buf.subarray(tStart, tEnd));
      lastTarget = textField(buf, tStart, tEnd);
    }
    row.targetType = lastTarget;
    const cStart = s[3]!;
    const cEnd = s[4]! - 1;
    if (cEnd - cStart === 1 && buf[cStart] !== BACKSLASH) {
      let credit = creditByByte.get(buf[cStart]!);
      if (credit === undefined) creditByByte.set(buf[cStart]!, (credit = textField(buf, cStart, cEnd)!));
      row.creditClass = credit;
    } else {
      row.creditClass = textField(buf, cStart, cEnd);
    }
    row.complaints = integerField(buf, s[4]!, s[5]! - 1);
    row.hasViolation = buf[s[5]!] === 116; // 't'
    if (riskAt >= 0) row.riskLevel = risks.decode(buf, s[riskAt]!, s[riskAt + 1]! - 1);
    if (regionAt >= 0) row.regionCode = regions.decode(buf, s[regionAt]!, s[regionAt + 1]! - 1);
    if (departmentAt >= 0) row.departmentId = departments.decode(buf, s[departmentAt]!, s[departmentAt + 1]! - 1);
  };

  const scan = (chunk: Buffer) => {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let field = 0;
    let rowStart = 0;
    starts[0] = 0;
    for (let i = 0; i < buf.length; i += 1) {
      const b = buf[i];
      if (b === TAB) {
        starts[++field] = i + 1;
      } else if (b === LF) {
        starts[++field] = i + 1;
        if (field !== fields) throw new Error(`unexpected COPY row with ${field} fields`);
        decode(buf);
        each(row);
        field = 0;
        rowStart = i + 1;
        starts[0] = rowStart;
      }
    }
    carry = rowStart < buf.length ? buf.subarray(rowStart) : null;
  };

  const stream = client.query(copyTo(sql));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (failure) continue; // drain: the connection must reach the end of the COPY
    try {
      scan(chunk);
    } catch (error) {
      failure = error;
    }
  }
  if (failure) throw failure;
  if (carry) throw new Error('COPY output ended inside a row');
}

/**
 * The entities this bureau drew this year as a participant of other bureaus' joint tasks, as its own
 * entities (matched by USCC) and its own items of the part: they count toward its yearly limits as if
 * drawn by itself. Read through the participant's rows of the joint views, never the lead's tables.
 */
async function jointDrawsTakenPart(m: EntityManager, tenantId: string, year: number): Promise<{ entity_id: string; item_ids: string[] }[]> {
  return (await m.query(
    `SELECT e.id AS entity_id, p.item_ids
       FROM joint_drawn_entities d
       JOIN joint_task_parties v ON v.participation_id = d.participation_id AND v.tenant_id = $1
       JOIN joint_participants p ON p.tenant_id = $1 AND p.id = d.participation_id
       JOIN market_entities e ON e.tenant_id = $1 AND e.uscc = d.uscc
      WHERE d.tenant_id = $1 AND d.lead_tenant_id <> $1 AND date_part('year', v.starts_on) = $2`,
    [tenantId, year],
  )) as { entity_id: string; item_ids: string[] }[];
}

/**
 * Freezes what a task draws from, under the bureau's rules: the eligible entities of each item
 * (filters, credit exemptions, already drawn this year, at most N draws a year), the drawable
 * inspectors (active, certificate valid over the whole inspection period), and the pairs that must not
 * meet (declared recusals, the previous inspector of the same entity; same region and same department
 * as conflict tags when those rules are on). With `strata.byRiskLevel` each item is drawn per risk
 * class: one stratum per level that has eligible entities, each at the item's ratio.
 */
export async function buildDrawInput(m: EntityManager, task: Task, rules: RuleSet): Promise<{ input: DrawInput; summary: PoolSummary }> {
  const year = Number(task.startsOn.slice(0, 4));
  const joint = task.joint ? await jointDrawParts(m, task) : null;
  const recusedUsccs = new Set(joint?.recusals.map((r) => r.uscc));
  const recusedInPool = new Set<string>();
  const items = (await m.query(
    `SELECT i.id, i.name, i.target_type, ti.ratio::text AS ratio FROM task_items ti JOIN inspection_items i ON i.id = ti.item_id AND i.tenant_id = ti.tenant_id
      WHERE ti.task_id = $1 ORDER BY i.position`,
    [task.id],
  )).map((r: { id: string; name: string; target_type: string; ratio: string }) => ({ ...r, ratio: formatRatio(r.ratio) })) as { id: string; name: string; target_type: string; ratio: string }[];

  const filter = task.targetFilter ?? {};
  const onlyClasses = filter.riskClasses?.length ? new Set<RiskClass>(filter.riskClasses) : null;
  const extraRound = isExtraRiskRound(filter.riskClasses, rules.risk);
  let otherClasses = 0;

  // The rows that refer to entities by id, read first so that the scan of the pool keeps an entity's id
  // only when one of them needs it.
  const drawnThisYear = [
    ...((await m.query(
      `SELECT entity_id, item_ids FROM draw_selections WHERE tenant_id = $1 AND year = $2`,
      [task.tenantId, year],
    )) as { entity_id: string; item_ids: string[] }[]),
    ...(await jointDrawsTakenPart(m, task.tenantId, year)),
  ];
  const history = new Map<string, { draws: number; itemIds: Set<string> }>(); // entity id → its draws this year
  for (const row of drawnThisYear) {
    let entry = history.get(row.entity_id);
    if (!entry) history.set(row.entity_id, (entry = { draws: 0, itemIds: new Set() }));
    entry.draws += 1;
    for (const itemId of row.item_ids) entry.itemIds.add(itemId);
  }
  const recusals = (await m.query(
    `SELECT entity_id, inspector_id FROM recusals WHERE valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $1)`,
    [task.startsOn, task.endsOn],
  )) as { entity_id: string; inspector_id: string }[];
  const previous = rules.recusal.noRepeatInspectorForEntity
    ? ((await m.query(
        `SELECT DISTINCT ON (s.entity_id) s.entity_id, s.inspector_ids FROM draw_selections s
           JOIN draws d ON d.tenant_id = s.tenant_id AND d.id = s.draw_id
          ORDER BY s.entity_id, d.drawn_at DESC`,
      )) as { entity_id: string; inspector_ids: string[] }[])
    : [];
  const excludable = new Set<string>([...recusals.map((r) => r.entity_id), ...previous.map((p) => p.entity_id)]);
  // The credit loop: the few entities on the watch list or blacklist (statuses refreshed under these rules).
  const listed = await listedEntities(m, rules);
  const named = new Set<string>([...history.keys(), ...excludable, ...listed.keys()]); // every id a rule below looks up

  // The drawable inspectors come first: an entity is tagged for a recusal rule only when some inspector
  // has the same tag.
  const inspectorFilter = task.inspectorFilter ?? {};
  const inspectors = (await m.query(
    `SELECT id, certificate_no, region_code, department_id FROM inspectors
      WHERE status = 'ACTIVE' AND certificate_valid_from <= $1 AND certificate_valid_to >= $2
        AND ($3::uuid[] IS NULL OR department_id = ANY($3))
        AND ($4::text[] IS NULL OR enforcement_categories && $4)`,
    [task.startsOn, task.endsOn, inspectorFilter.departmentIds ?? null, inspectorFilter.categories ?? null],
  )) as { id: string; certificate_no: string; region_code: string | null; department_id: string | null }[];
  const tagsOf = new RecusalTags(rules, inspectors);
  const byRisk = rules.strata.byRiskLevel;

  const strata: DrawStratum[] = [];
  const summary: PoolSummary = { strata: [], inspectors: 0, exclusions: 0 };
  const inPool = new Map<string, string>(); // entity id → uscc, for exclusions (only the excludable ones)
  // One bucket per item, or per item and risk stratum (RISK_STRATA order) when the rules split by risk.
  const buckets = items.map(() => Array.from({ length: byRisk ? RISK_STRATA.length : 1 }, () => ({
    entities: [] as DrawEntity[],
    excluded: { creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 },
  })));
  // Whether each item targets an entity of a given target type, worked out once per distinct type.
  const targetedBy = new Map<string | null, boolean[]>();
  const weights = new Map<string, Map<number, string>>(); // credit class → (min(complaints, 100), violation, list) → weight
  let lastType: string | null | undefined;
  let lastTargeted: boolean[] = [];

  const statuses = filter.statuses?.length ? filter.statuses : [...ACTIVE_ENTITY_STATUSES];
  // tenant_id repeats what row-level security already imposes (the task is the tenant's own): PostgreSQL
  // then checks the policy once for the scan instead of once per row.
  const conditions = [`tenant_id = ${escapeLiteral(task.tenantId)}`, `status = ANY(${textArray(statuses)})`];
  if ((filter.regionCodes ?? null) !== null) conditions.push(`region_code = ANY(${textArray(filter.regionCodes!)})`);
  if ((filter.industries ?? null) !== null) conditions.push(`industry = ANY(${textArray(filter.industries!)})`);
  // The risk level is always read: it splits the pool, or else weighs it.
  const extra: ExtraColumns = { riskLevel: true, regionCode: tagsOf.byRegion, departmentId: tagsOf.byDepartment };
  const extraColumns = [extra.riskLevel && ', risk_level', extra.regionCode && ', region_code', extra.departmentId && ', supervising_department_id'];
  await forEachEntity(
    connectionOf(m),
    `COPY (SELECT id, uscc, target_type, credit_class, complaints, violation_record IS NOT NULL AS has_violation${extraColumns.filter(Boolean).join('')}
             FROM market_entities WHERE ${conditions.join(' AND ')}) TO STDOUT`,
    named,
    extra,
    (row) => {
      if (row.targetType !== lastType) {
        lastType = row.targetType;
        let targeted = targetedBy.get(row.targetType);
        if (!targeted) targetedBy.set(row.targetType, (targeted = items.map((item) => targets(item.target_type, row.targetType, filter.targetTypes))));
        lastTargeted = targeted;
      }
      const status = row.id ? listed.get(row.id) : undefined;
      const risk = riskClassOf(rules.risk, { riskLevel: row.riskLevel, complaints: row.complaints, hasViolation: row.hasViolation, creditClass: row.creditClass, creditStatus: status });
      if (onlyClasses && !onlyClasses.has(risk)) { otherClasses += 1; return; }
      const level = byRisk ? RISK_STRATA.indexOf(risk) : 0;
      const tags = extra.regionCode || extra.departmentId ? tagsOf.ofEntity(row.regionCode, row.departmentId) : undefined;
      for (let i = 0; i < items.length; i += 1) {
        if (!lastTargeted[i]) continue;
        const bucket = buckets[i]![level]!;
        const creditClass = row.creditClass ?? 'B';
        if (rules.credit[creditClass as 'A' | 'B' | 'C' | 'D'].exempt) { bucket.excluded.creditExempt += 1; continue; }
        // An entity no rule names (row.id '') was not drawn this year: it counts 0 draws.
        const yearRule = row.id ? yearExclusion(history.get(row.id), items[i]!.id, rules, extraRound) : null;
        if (yearRule) { bucket.excluded[yearRule] += 1; continue; }
        let byCredit = weights.get(creditClass);
        if (!byCredit) weights.set(creditClass, (byCredit = new Map()));
        const weightKey = ((Math.min(row.complaints, 100) * 2 + (row.hasViolation ? 1 : 0)) * 3 + (status === 'WATCH' ? 1 : status === 'BLACKLIST' ? 2 : 0)) * 4 + (byRisk ? 0 : RISK_STRATA.indexOf(risk));
        let weight = byCredit.get(weightKey);
        if (weight === undefined) byCredit.set(weightKey, (weight = entityWeight(rules, { credit_class: row.creditClass, complaints: row.complaints, has_violation: row.hasViolation, credit_status: status, risk: byRisk ? undefined : risk })));
        bucket.entities.push(tags ? { key: row.uscc, weight, tags } : { key: row.uscc, weight });
        if (row.id && excludable.has(row.id)) inPool.set(row.id, row.uscc);
        if (recusedUsccs.size > 0 && recusedUsccs.has(row.uscc)) recusedInPool.add(row.uscc);
      }
    },
  );
  for (const [i, item] of items.entries()) {
    const add = (key: string, riskLevel: RiskStratum | undefined, bucket: (typeof buckets)[number][number]) => {
      // A risk stratum is drawn at its class's ratio (风险分类: higher for high risk, 000 第十一条).
      const ratio = riskLevel ? formatRatio(stratumRatio(item.ratio, riskLevel, rules.risk)) : item.ratio;
      strata.push({ key, ratio, entities: bucket.entities });
      summary.strata.push({ key, item: item.name, ...(riskLevel ? { riskLevel } : {}), ratio, eligible: bucket.entities.length, excluded: bucket.excluded });
    };
    if (!byRisk) {
      add(stratumKey(item.id), undefined, buckets[i]![0]!);
      continue;
    }
    // A risk class with nothing eligible is no stratum (it would ask for entities it does not have); an
    // item with nothing eligible at all keeps its plain stratum, empty, for the precheck to refuse.
    const levels = RISK_STRATA.map((risk, l) => ({ risk, bucket: buckets[i]![l]! }));
    const drawn = levels.filter(({ bucket }) => bucket.entities.length > 0);
    if (drawn.length) for (const { risk, bucket } of drawn) add(stratumKey(item.id, risk), risk, bucket);
    else {
      const excluded = { creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 };
      for (const { bucket } of levels) for (const k of Object.keys(excluded) as (keyof typeof excluded)[]) excluded[k] += bucket.excluded[k];
      add(stratumKey(item.id), undefined, { entities: [], excluded });
    }
  }

  if (onlyClasses) summary.risk = { classes: [...onlyClasses], otherClasses, extraRound };

  const certificateOf = new Map(inspectors.map((i) => [i.id, i.certificate_no]));

  const exclusions: DrawExclusion[] = [];
  const seen = new Set<string>();
  const exclude = (entityId: string, inspectorId: string, reason: string) => {
    const entityKey = inPool.get(entityId);
    const inspectorKey = certificateOf.get(inspectorId);
    if (!entityKey || !inspectorKey || seen.has(`${entityKey}|${inspectorKey}`)) return;
    seen.add(`${entityKey}|${inspectorKey}`);
    exclusions.push({ entityKey, inspectorKey, reason });
  };
  for (const r of recusals) exclude(r.entity_id, r.inspector_id, 'RECUSAL');
  for (const p of previous) for (const inspectorId of p.inspector_ids) exclude(p.entity_id, inspectorId, 'PREVIOUS_INSPECTOR');

  // A joint task: the lead's pool is the lead's group, each participant's chosen inspectors its own group
  // (a department of the lead's own bureau takes its inspectors out of the lead's group); each stratum
  // requires the lead's group and the group of every participant whose part applies to the stratum's item.
  // The recusal rules' tags go on the lead's own inspectors: a participant's 属地 and department are not
  // readable across the wall (and another bureau's department never supervises the lead's entities).
  const drawInspectors: DrawInput['inspectors'] = inspectors.map((i) => {
    const tags = tagsOf.ofInspector(i);
    const group = joint ? joint.leadGroup : 'bureau';
    return tags ? { key: i.certificate_no, group, tags } : { key: i.certificate_no, group };
  });
  const requiredGroups: DrawInput['requiredGroups'] = [];
  if (joint) {
    const byCertificate = new Map(drawInspectors.map((i) => [i.key, i]));
    for (const part of joint.parts) {
      for (const i of part.inspectors) {
        const own = byCertificate.get(i.certificateNo);
        if (own && certificateOf.get(i.id) === i.certificateNo) own.group = part.group;
        else if (own) throw ruleViolation('joint.certificate', `执法证号 ${i.certificateNo} 在参与单位之间重复，无法区分检查人员`);
        else {
          const entry = { key: i.certificateNo, group: part.group };
          byCertificate.set(i.certificateNo, entry);
          drawInspectors.push(entry);
        }
      }
    }
    for (const r of joint.recusals) {
      if (!recusedInPool.has(r.uscc) || !byCertificate.has(r.certificateNo) || seen.has(`${r.uscc}|${r.certificateNo}`)) continue;
      seen.add(`${r.uscc}|${r.certificateNo}`);
      exclusions.push({ entityKey: r.uscc, inspectorKey: r.certificateNo, reason: 'RECUSAL' });
    }
    for (const stratum of strata) {
      const itemId = /^item:([^|]+)/.exec(stratum.key)![1]!;
      const groups = [joint.leadGroup, ...joint.parts.filter((p) => !p.leadItemIds.length || p.leadItemIds.includes(itemId)).map((p) => p.group)];
      requiredGroups.push({ stratumKey: stratum.key, groups: [...new Set(groups)] });
    }
    summary.joint = {
      leadGroup: joint.leadGroup,
      groups: joint.parts.map((p) => ({ group: p.group, bureau: p.bureau, department: p.department, inspectors: drawInspectors.filter((i) => i.group === p.group).length })),
    };
  }
  summary.inspectors = drawInspectors.length;
  summary.exclusions = exclusions.length;

  return {
    input: {
      strata,
      inspectors: drawInspectors,
      teamSize: task.teamSize,
      workloadCap: rules.workloadCapPerInspectorPerRound,
      requiredGroups,
      exclusions,
    },
    summary,
  };
}
