/**
 * Is a statement router-plannable on Citus (docs/citus.md)? Every tenant table it reads, writes or
 * locks must be pinned to one tenant by an explicit `tenant_id = $n` (or a constant), either directly or
 * through `tenant_id` equalities with a pinned table (a join on `tenant_id`, a correlated subquery). An
 * INSERT into a tenant table names `tenant_id` with a parameter or constant in every row, or selects
 * from pinned tenant tables only (or the statement's own CTEs, each checked the same way), never from a
 * temporary or non-tenant table.
 *
 * Only AND-ed equalities count: an `OR`, `= ANY($1)` or `IN (…)` on tenant_id reaches several shards.
 * Uses PostgreSQL's own parser (libpg-query), so the statement is read as the server reads it.
 */
import { loadModule, parseSync } from 'libpg-query';

export interface Finding {
  rule: 'UNPINNED_TENANT_TABLE' | 'INSERT_WITHOUT_TENANT' | 'INSERT_SELECT_FROM_OTHER_TABLE' | 'UNPARSABLE';
  table: string;
  message: string;
}

type Node = Record<string, any>;
const PINNED = '$pinned';

export const loadParser = loadModule;

/** The findings of one statement (several in one text are checked one by one). Call `loadParser()` once first. */
export function checkStatement(sql: string, tenantTables: ReadonlySet<string>): Finding[] {
  let parsed: { stmts?: { stmt: Node }[] };
  try {
    parsed = parseSync(sql) as unknown as typeof parsed;
  } catch (error) {
    return [{ rule: 'UNPARSABLE', table: '', message: (error as Error).message }];
  }
  const findings: Finding[] = [];
  for (const { stmt } of parsed.stmts ?? []) new Checker(tenantTables, findings).statement(stmt, new Set());
  return findings;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
}

interface Relation {
  key: string;
  table: string;
}

class Checker {
  /** The statement's common table expressions: each is checked as a query of its own. */
  private readonly cteNames = new Set<string>();

  constructor(
    private readonly tenantTables: ReadonlySet<string>,
    private readonly findings: Finding[],
  ) {}

  /** `outerPinned`: keys (`alias.tenant_id`) of the enclosing scopes' tenant tables already pinned. */
  statement(stmt: Node, outerPinned: Set<string>): void {
    const [kind, body] = Object.entries(stmt)[0] ?? [];
    if (!body) return;
    if (kind === 'SelectStmt') this.select(body, outerPinned);
    else if (kind === 'UpdateStmt') {
      this.withClause(body, outerPinned);
      this.scope([body.relation, ...(body.fromClause ?? [])], [body.whereClause], body, outerPinned);
    } else if (kind === 'DeleteStmt') {
      this.withClause(body, outerPinned);
      this.scope([body.relation, ...(body.usingClause ?? [])], [body.whereClause], body, outerPinned);
    } else if (kind === 'InsertStmt') this.insert(body, outerPinned);
    else if (kind === 'ExplainStmt' || kind === 'DeclareCursorStmt') this.statement(body.query, outerPinned);
  }

  private withClause(body: Node, outerPinned: Set<string>): void {
    for (const cte of body.withClause?.ctes ?? []) {
      this.cteNames.add(cte.CommonTableExpr.ctename);
      this.statement(cte.CommonTableExpr.ctequery, outerPinned);
    }
  }

  private select(body: Node, outerPinned: Set<string>): void {
    this.withClause(body, outerPinned);
    if (body.larg || body.rarg) {
      // UNION / INTERSECT / EXCEPT: each side on its own.
      if (body.larg) this.select(body.larg, outerPinned);
      if (body.rarg) this.select(body.rarg, outerPinned);
      return;
    }
    this.scope(body.fromClause ?? [], [body.whereClause], body, outerPinned);
  }

  /** One query level: its relations, its AND-ed equalities (WHERE and JOIN … ON), then its subqueries. */
  private scope(from: Node[], conditions: Node[], body: Node, outerPinned: Set<string>): void {
    const relations: Relation[] = [];
    const subqueries: Node[] = [];
    for (const item of from) this.collectFrom(item, relations, conditions, subqueries);

    const classes = new UnionFind();
    for (const key of outerPinned) classes.union(key, PINNED);
    const tenantKeys = relations.filter((r) => this.tenantTables.has(r.table)).map((r) => r.key);
    const columnKey = (ref: Node): string | null => {
      const fields = (ref.fields as Node[]).map((f) => f.String?.sval as string | undefined);
      if (fields.at(-1) !== 'tenant_id') return null;
      if (fields.length >= 2) return `${fields.at(-2)}.tenant_id`;
      return tenantKeys.length === 1 ? `${tenantKeys[0]}.tenant_id` : null;
    };
    const valueKey = (expr: Node | undefined): string | null => {
      if (!expr) return null;
      if (expr.TypeCast) return valueKey(expr.TypeCast.arg);
      if (expr.ParamRef || expr.A_Const) return PINNED;
      if (expr.ColumnRef) return columnKey(expr.ColumnRef);
      return null;
    };
    for (const equality of conditions.flatMap((c) => andedEqualities(c))) {
      const left = valueKey(equality.lexpr);
      const right = valueKey(equality.rexpr);
      if (left && right) classes.union(left, right);
    }
    const pinned = new Set<string>();
    for (const key of tenantKeys) if (classes.find(`${key}.tenant_id`) === classes.find(PINNED)) pinned.add(`${key}.tenant_id`);
    for (const relation of relations) {
      if (!this.tenantTables.has(relation.table) || pinned.has(`${relation.key}.tenant_id`)) continue;
      this.findings.push({
        rule: 'UNPINNED_TENANT_TABLE',
        table: relation.table,
        message: `${relation.table}${relation.key !== relation.table ? ` (${relation.key})` : ''} is not pinned by tenant_id = $n`,
      });
    }
    const inner = new Set([...outerPinned, ...pinned]);
    for (const subquery of subqueries) this.statement(subquery, inner);
    for (const node of [...conditions, body.targetList]) for (const sub of subLinks(node)) this.statement(sub, inner);
  }

  private collectFrom(item: Node | undefined, relations: Relation[], conditions: Node[], subqueries: Node[]): void {
    if (!item) return;
    if (item.RangeVar || item.relname) {
      const range = item.RangeVar ?? item;
      relations.push({ key: range.alias?.aliasname ?? range.relname, table: range.relname });
    } else if (item.JoinExpr) {
      this.collectFrom(item.JoinExpr.larg, relations, conditions, subqueries);
      this.collectFrom(item.JoinExpr.rarg, relations, conditions, subqueries);
      if (item.JoinExpr.quals) conditions.push(item.JoinExpr.quals);
    } else if (item.RangeSubselect) {
      subqueries.push(item.RangeSubselect.subquery);
    }
  }

  private insert(body: Node, outerPinned: Set<string>): void {
    this.withClause(body, outerPinned);
    const table = body.relation.relname as string;
    const select = body.selectStmt?.SelectStmt;
    if (!this.tenantTables.has(table)) {
      if (select) this.select(select, outerPinned);
      return;
    }
    const columns = ((body.cols ?? []) as Node[]).map((c) => c.ResTarget.name as string);
    const at = columns.indexOf('tenant_id');
    if (select?.valuesLists) {
      const rows = select.valuesLists as Node[];
      const unpinned = rows.some((row) => {
        const value = at < 0 ? undefined : row.List.items[at];
        return !value || !(value.ParamRef || value.A_Const || value.TypeCast?.arg?.ParamRef || value.TypeCast?.arg?.A_Const);
      });
      if (unpinned) this.findings.push({ rule: 'INSERT_WITHOUT_TENANT', table, message: `INSERT INTO ${table} without tenant_id = $n in every row` });
      return;
    }
    if (select) {
      const sources: Relation[] = [];
      for (const item of select.fromClause ?? []) this.collectFrom(item, sources, [], []);
      for (const source of sources) {
        // A CTE of the same statement is checked on its own; Citus routes the whole statement to one shard.
        if (!this.tenantTables.has(source.table) && !this.cteNames.has(source.table)) {
          this.findings.push({
            rule: 'INSERT_SELECT_FROM_OTHER_TABLE',
            table,
            message: `INSERT INTO ${table} … SELECT from ${source.table}, which is not a co-located tenant table`,
          });
        }
      }
      this.select(select, outerPinned);
    }
  }
}

/** The `a = b` conjuncts of a condition, descending only through AND. */
function andedEqualities(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.BoolExpr?.boolop === 'AND_EXPR') return (node.BoolExpr.args as Node[]).flatMap(andedEqualities);
  const expr = node.A_Expr;
  if (expr?.kind === 'AEXPR_OP' && expr.name?.[0]?.String?.sval === '=') return [expr];
  return [];
}

/** Subqueries in expressions (EXISTS, IN (SELECT …), scalar subqueries), not descending into them. */
function subLinks(node: unknown): Node[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(subLinks);
  const record = node as Node;
  if (record.SubLink) return [record.SubLink.subselect];
  return Object.values(record).flatMap(subLinks);
}
