import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL-language functions with parameters that read tenant tables, rewritten in PL/pgSQL with the
 * same body, signature, rights and grants: Citus cannot plan a SQL-language function with parameters
 * over distributed tables (the planner inlines it), while a PL/pgSQL function runs each of its queries
 * as a statement of its own. `distribution.test.ts` keeps new ones out.
 */
const FUNCTIONS = [
  'annual_report_credit(uuid[],integer,date,text[])',
  'annual_report_handling(uuid[],integer,date,text[])',
  'annual_report_inspections(uuid[],integer,date,text[])',
  'annual_report_lateness(uuid[],integer,date,text[])',
  'annual_report_rectification(uuid[],integer,date,text[])',
  'annual_report_referrals(uuid[],integer,date,text[])',
  'annual_report_sections(uuid[],integer,date,text[])',
  'annual_report_work(uuid[],integer,date,text[])',
  'dashboard_figures(uuid[],integer,date,text[])',
  'entity_record_of(text)',
  'joint_notify_assignments(uuid,uuid,text,text,text)',
  'joint_unreported_shares(uuid[],integer,date)',
  'recently_revoked_sessions(timestamp with time zone)',
];

const DEFINITION = /^([\s\S]*?\n) LANGUAGE (sql|plpgsql)\n([\s\S]*?)AS \$function\$([\s\S]*)\$function\$\s*$/;
/** The three bodies `up` writes, each giving back the SQL it wrapped. */
const WRAPPED = [
  /^\s*#variable_conflict use_column\s*BEGIN\s*RETURN QUERY ([\s\S]*);\s*END\s*$/,
  /^\s*#variable_conflict use_column\s*BEGIN\s*RETURN \(([\s\S]*)\);\s*END\s*$/,
  /^\s*#variable_conflict use_column\s*BEGIN\s*([\s\S]*);\s*RETURN;\s*END\s*$/,
];

export class PlpgsqlTenantFunctions1796990300000 implements MigrationInterface {
  name = 'PlpgsqlTenantFunctions1796990300000';

  public async up(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) {
      const { head, rest, body, set, isVoid } = await definitionOf(q, fn, 'sql');
      const sql = body.trim().replace(/;\s*$/, '');
      const statement = set ? `RETURN QUERY ${sql};` : isVoid ? `${sql};\n  RETURN;` : `RETURN (${sql});`;
      await q.query(`${head} LANGUAGE plpgsql\n${rest}AS $function$\n#variable_conflict use_column\nBEGIN\n  ${statement}\nEND\n$function$`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) {
      const { head, rest, body } = await definitionOf(q, fn, 'plpgsql');
      const inner = WRAPPED.map((form) => form.exec(body)).find(Boolean);
      if (!inner) throw new Error(`${fn}: not the body this migration wrote`);
      await q.query(`${head} LANGUAGE sql\n${rest}AS $function$ ${inner[1]} $function$`);
    }
  }
}

async function definitionOf(q: QueryRunner, fn: string, language: string) {
  const [row] = (await q.query(
    `SELECT pg_get_functiondef(p.oid) AS def, p.proretset AS set, p.prorettype = 'void'::regtype AS void FROM pg_proc p WHERE p.oid = $1::regprocedure`,
    [fn],
  )) as { def: string; set: boolean; void: boolean }[];
  const parts = DEFINITION.exec(row!.def);
  if (!parts || parts[2] !== language) throw new Error(`${fn}: not a ${language} function as expected`);
  return { head: parts[1]!, rest: parts[3]!, body: parts[4]!, set: row!.set, isVoid: row!.void };
}
