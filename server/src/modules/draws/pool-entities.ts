import type { EntityManager } from 'typeorm';
import { escapeLiteral, type PoolClient } from 'pg';
import { copyInteger, copyText, InternedText, readCopyRows } from './copy-text';

/** One entity of the directory as the pool reads it, decoded from a COPY row. Reused from row to row. */
export interface PoolRow {
  /** The entity's id when a rule refers to it (drawn this year, recusals, previous inspectors, credit list), else ''. */
  id: string;
  uscc: string;
  targetType: string | null;
  creditClass: string | null;
  complaints: number;
  hasViolation: boolean;
  riskLevel: string | null;
  /** Read only for the same-region and same-department recusal tags: null when not read (or NULL). */
  regionCode: string | null;
  departmentId: string | null;
}

/** Which entities of the tenant's directory a pool reads (the task's filters). */
export interface PoolScan {
  tenantId: string;
  statuses: readonly string[];
  regionCodes?: readonly string[] | null;
  industries?: readonly string[] | null;
  /** Whether to read the region code and the supervising department (for recusal tags). */
  regionCode: boolean;
  departmentId: boolean;
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

/**
 * Calls `each` for every entity of the scan, read as COPY text straight off the transaction's connection:
 * a pool holds up to millions of rows, and only the strings the draw keeps are made (the USCC; the id
 * only for the entities of `ids`, which some rule names).
 */
export async function forEachPoolEntity(m: EntityManager, scan: PoolScan, ids: ReadonlySet<string>, each: (row: PoolRow) => void): Promise<void> {
  // tenant_id repeats what row-level security already imposes (the task is the tenant's own): PostgreSQL
  // then checks the policy once for the scan instead of once per row.
  const conditions = [`tenant_id = ${escapeLiteral(scan.tenantId)}`, `status = ANY(${textArray(scan.statuses)})`];
  if ((scan.regionCodes ?? null) !== null) conditions.push(`region_code = ANY(${textArray(scan.regionCodes!)})`);
  if ((scan.industries ?? null) !== null) conditions.push(`industry = ANY(${textArray(scan.industries!)})`);
  const columns = ['id', 'uscc', 'target_type', 'credit_class', 'complaints', 'violation_record IS NOT NULL AS has_violation', 'risk_level'];
  if (scan.regionCode) columns.push('region_code');
  if (scan.departmentId) columns.push('supervising_department_id');
  const sql = `COPY (SELECT ${columns.join(', ')} FROM market_entities WHERE ${conditions.join(' AND ')}) TO STDOUT`;
  await readCopyRows(connectionOf(m), sql, columns.length, poolRowDecoder(scan, ids, each));
}

/** The row handler: decodes the fields into one reused PoolRow, sparing the strings that repeat. */
function poolRowDecoder(scan: PoolScan, ids: ReadonlySet<string>, each: (row: PoolRow) => void): (buf: Buffer, s: Int32Array) => void {
  const row: PoolRow = {
    id: '',
    uscc: '',
    targetType: null,
    creditClass: null,
    complaints: 0,
    hasViolation: false,
    riskLevel: null,
    regionCode: null,
    departmentId: null,
  };
  const regionAt = scan.regionCode ? 7 : -1;
  const departmentAt = scan.departmentId ? 7 + Number(scan.regionCode) : -1;
  const risks = new InternedText();
  const regions = new InternedText();
  const departments = new InternedText();
  // An id is only made into a string when its first 8 hex digits are those of an id some rule names.
  const prefixes = new Set<number>();
  for (const id of ids) prefixes.add(parseInt(id.slice(0, 8), 16));
  // Consecutive rows mostly share their target type and credit class: decode each distinct raw value once.
  let lastTargetBytes: Buffer | null = null;
  let lastTarget: string | null = null;
  const creditByByte = new Map<number, string>();

  return (buf, s) => {
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
    row.uscc = copyText(buf, s[1]!, s[2]! - 1)!;
    const tStart = s[2]!;
    const tEnd = s[3]! - 1;
    let same = lastTargetBytes !== null && lastTargetBytes.length === tEnd - tStart;
    for (let i = 0; same && i < tEnd - tStart; i += 1) same = lastTargetBytes![i] === buf[tStart + i];
    if (!same) {
      lastTargetBytes = Buffer.from(buf.subarray(tStart, tEnd));
      lastTarget = copyText(buf, tStart, tEnd);
    }
    row.targetType = lastTarget;
    const cStart = s[3]!;
    const cEnd = s[4]! - 1;
    if (cEnd - cStart === 1 && buf[cStart] !== 92 /* backslash */) {
      let credit = creditByByte.get(buf[cStart]!);
      if (credit === undefined) creditByByte.set(buf[cStart]!, (credit = copyText(buf, cStart, cEnd)!));
      row.creditClass = credit;
    } else {
      row.creditClass = copyText(buf, cStart, cEnd);
    }
    row.complaints = copyInteger(buf, s[4]!, s[5]! - 1);
    row.hasViolation = buf[s[5]!] === 116; // 't'
    row.riskLevel = risks.decode(buf, s[6]!, s[7]! - 1);
    if (regionAt >= 0) row.regionCode = regions.decode(buf, s[regionAt]!, s[regionAt + 1]! - 1);
    if (departmentAt >= 0) row.departmentId = departments.decode(buf, s[departmentAt]!, s[departmentAt + 1]! - 1);
    each(row);
  };
}
