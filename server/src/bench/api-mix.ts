import type { Client } from 'pg';
import { toGlobalId } from '@spotcheck/shared';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { clientOperation, readClientDocuments } from './client-documents';
import type { FloorViewer } from './floor-records';
import type { LoadRequest } from './api-load';

/**
 * What `npm run bench -- api` replays: the web app's own operations (its generated documents, read
 * from client/src/gql), with the variables its screens send, as signed-in users of three bureaus of
 * the demo, and the public portal with no sign-in.
 */

/** The screens and the client operation each sends (the workbench's "awaiting me" card, the list pages at their page sizes). */
export const SCREENS = {
  workbench: 'WorkbenchRecords',
  workbenchTasks: 'WorkbenchTasks',
  records: 'Inspections',
  record: 'Inspection',
  approve: 'TransitionInspection',
  assignments: 'InspectionAssignments',
  dashboard: 'Dashboard',
  portal: 'PublicResults',
} as const;
export type Screen = keyof typeof SCREENS;

/** The page size each list screen asks for (client: RecordsCard PAGE, useCursorPages(20)). */
export const PAGE_SIZES: Partial<Record<Screen, number>> = { workbench: 5, workbenchTasks: 5, records: 20, assignments: 20, portal: 20 };

export const USERS = [
  ...['wugang.admin', 'wugang.leader', 'wugang.head01', 'wugang.head02', 'wugang.head03', 'wugang.head04', 'wugang.inspector01'],
  ...['pingdingshan.admin', 'pingdingshan.leader', 'changde.admin', 'changde.leader'],
];

export interface MixEntry {
  screen: Screen;
  user: string | null;
  variables: Record<string, unknown>;
}

export interface Fixtures {
  wugangDraw: string;
  jointDraw: string | null;
  published: string;
  submitted: string[];
  wugang: string;
  /** An account of 舞钢 on the team of a returned record: its workbench has records to submit again. */
  reporter: string;
}

const WUGANG_DRAW_TITLE = '舞钢市自然资源和规划局2023年“双随机、一公开”随机抽查';

/** Ids of the demo's records and draws, read with the owner's connection. */
export async function readFixtures(admin: Client): Promise<Fixtures> {
  const one = async (sql: string, params: unknown[] = []) => (await admin.query(sql, params)).rows as Record<string, any>[];
  const [wugang] = await one(`SELECT id FROM tenants WHERE region_code = '410481'`);
  const [draw] = await one(`SELECT d.id FROM draws d JOIN tasks t ON t.tenant_id = d.tenant_id AND t.id = d.task_id WHERE t.title = $1`, [WUGANG_DRAW_TITLE]);
  if (!wugang || !draw) throw new Error('the demo of 舞钢 is missing');
  const [joint] = await one(`SELECT d.id FROM draws d WHERE d.tenant_id = $1 AND d.id <> $2 ORDER BY d.id LIMIT 1`, [wugang.id, draw.id]);
  const records = await one(`SELECT id, status FROM inspections WHERE tenant_id = $1 ORDER BY seq`, [wugang.id]);
  const published = records.find((r) => r.status === 'PUBLISHED');
  const submitted = records.filter((r) => r.status === 'SUBMITTED').map((r) => toGlobalId('Inspection', r.id));
  if (!published || submitted.length < 3) throw new Error('the demo lacks a published record or three submitted ones');
  const [reporter] = await one(
    `SELECT u.username FROM inspections i JOIN inspectors x ON x.tenant_id = i.tenant_id AND x.id = ANY (i.team_ids) JOIN users u ON u.tenant_id = x.tenant_id AND u.id = x.user_id
      WHERE i.tenant_id = $1 AND i.status = 'RETURNED' ORDER BY u.username LIMIT 1`,
    [wugang.id],
  );
  return {
    reporter: reporter?.username ?? 'wugang.inspector01',
    wugangDraw: toGlobalId('Draw', draw.id),
    jointDraw: joint ? toGlobalId('Draw', joint.id) : null,
    published: toGlobalId('Inspection', published.id),
    submitted,
    wugang: toGlobalId('Tenant', wugang.id),
  };
}

/** The submitted records the bench may move on to approval: all but the last, which a record page of the mix reads. */
export const approvable = (f: Fixtures) => f.submitted.slice(0, -1);

/**
 * The read-only mix, one entry per screen and viewer: every entry is sent in turn on each
 * connection. Approving changes the record, so it is measured once on its own (approveEntry).
 */
export function readMix(f: Fixtures): MixEntry[] {
  const page = (screen: Screen) => ({ first: PAGE_SIZES[screen] });
  return [
    { screen: 'workbench', user: 'wugang.admin', variables: { awaitingMe: true, ...page('workbench') } },
    { screen: 'workbench', user: f.reporter, variables: { awaitingMe: true, ...page('workbench') } },
    { screen: 'workbench', user: 'wugang.head01', variables: { awaitingMe: true, ...page('workbench') } },
    { screen: 'workbench', user: 'wugang.admin', variables: { overdue: true, ...page('workbench') } },
    { screen: 'workbenchTasks', user: 'wugang.admin', variables: { inProgress: true, ...page('workbenchTasks') } },
    { screen: 'workbenchTasks', user: f.reporter, variables: { mine: true, ...page('workbenchTasks') } },
    { screen: 'workbenchTasks', user: 'changde.admin', variables: { inProgress: true, ...page('workbenchTasks') } },
    { screen: 'workbench', user: 'pingdingshan.leader', variables: { awaitingMe: true, ...page('workbench') } },
    { screen: 'records', user: 'wugang.admin', variables: { mine: null, overdue: null, search: null, ...page('records') } },
    { screen: 'records', user: 'wugang.inspector01', variables: { mine: true, overdue: null, search: null, ...page('records') } },
    { screen: 'records', user: 'changde.admin', variables: { mine: null, overdue: null, search: null, ...page('records') } },
    { screen: 'record', user: 'wugang.admin', variables: { id: f.published } },
    { screen: 'record', user: 'wugang.head01', variables: { id: f.submitted.at(-1) } },
    { screen: 'assignments', user: 'wugang.admin', variables: { drawId: f.wugangDraw, mine: null, ...page('assignments') } },
    ...(f.jointDraw
      ? [{ screen: 'assignments' as const, user: 'wugang.inspector01' as const, variables: { drawId: f.jointDraw, mine: null, ...page('assignments') } }]
      : []),
    { screen: 'dashboard', user: 'wugang.admin', variables: { year: 2023 } },
    { screen: 'dashboard', user: 'changde.leader', variables: { year: 2026 } },
    { screen: 'dashboard', user: 'pingdingshan.admin', variables: { year: 2026 } },
    { screen: 'portal', user: null, variables: { ...page('portal') } },
    { screen: 'portal', user: null, variables: { bureauId: f.wugang, ...page('portal') } },
  ];
}

/** The label of an entry in the figures: screen, viewer, and what distinguishes it. */
export function labelOf(entry: MixEntry): string {
  const v = entry.variables;
  const extra = v.first ? ` first=${v.first}` : v.year ? ` ${v.year}` : '';
  const filters = ['mine', 'overdue', 'inProgress', 'awaitingMe'].filter((k) => v[k]).join(' ');
  return `${entry.screen} (${SCREENS[entry.screen]}) as ${entry.user ?? 'the public'}${filters ? ` ${filters}` : ''}${v.bureauId ? ' one bureau' : ''}${extra}`;
}

/** The client's documents, printed as its link sends them, by operation name. */
export function clientQueries(): Record<string, string> {
  const documents = readClientDocuments();
  return Object.fromEntries(Object.values(SCREENS).map((name) => [name, clientOperation(documents, name)]));
}

export function bodyOf(queries: Record<string, string>, entry: MixEntry): string {
  const operationName = SCREENS[entry.screen];
  return JSON.stringify({ operationName, variables: entry.variables, query: queries[operationName] });
}

export function loadRequest(queries: Record<string, string>, tokens: Record<string, string>, entry: MixEntry): LoadRequest {
  return { label: labelOf(entry), body: bodyOf(queries, entry), token: entry.user ? tokens[entry.user]! : null };
}

export async function post(url: string, body: string, token: string | null): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Signs each user in through the service's login mutation (the client's own `Login` document). */
export async function signIn(url: string, users: readonly string[]): Promise<Record<string, string>> {
  const login = clientOperation(readClientDocuments(), 'Login');
  const tokens: Record<string, string> = {};
  for (const username of users) {
    const { text } = await post(url, JSON.stringify({ operationName: 'Login', query: login, variables: { username, password: DEMO_PASSWORD } }), null);
    const answer = JSON.parse(text) as { data?: { login?: { token?: string } } };
    if (!answer.data?.login?.token) throw new Error(`login ${username} failed: ${text.slice(0, 300)}`);
    tokens[username] = answer.data.login.token;
  }
  return tokens;
}

/** The floor's view of each signed-in user: tenant, roles, department and own inspector row. */
export async function floorViewers(admin: Client, tokens: Record<string, string>): Promise<Record<string, FloorViewer>> {
  const rows = (
    await admin.query(
      `SELECT u.username, u.tenant_id, u.id, u.roles, u.department_id, (SELECT i.id FROM inspectors i WHERE i.tenant_id = u.tenant_id AND i.user_id = u.id LIMIT 1) AS inspector_id
         FROM users u WHERE u.username = ANY ($1)`,
      [Object.keys(tokens)],
    )
  ).rows as Record<string, any>[];
  return Object.fromEntries(
    rows.map((u) => [tokens[u.username]!, { tenantId: u.tenant_id, userId: u.id, roles: u.roles, departmentId: u.department_id, inspectorId: u.inspector_id }]),
  );
}

/**
 * Two records of 舞钢 made ready for a leader's approval: each submitted record passes review by
 * whichever of the demo's department heads may review it (through the service, the client's own
 * `TransitionInspection`). Returns the records now awaiting approval.
 */
export async function recordsAwaitingApproval(
  url: string,
  queries: Record<string, string>,
  tokens: Record<string, string>,
  submitted: string[],
  count: number,
): Promise<string[]> {
  const ready: string[] = [];
  const refusals: string[] = [];
  for (const id of submitted) {
    for (const head of ['wugang.head01', 'wugang.head02', 'wugang.head03', 'wugang.head04'] as const) {
      const body = JSON.stringify({
        operationName: 'TransitionInspection',
        query: queries.TransitionInspection,
        variables: { id, action: 'PASS_REVIEW', comment: null },
      });
      const answer = JSON.parse((await post(url, body, tokens[head]!)).text) as {
        data?: { transitionInspection?: { status: string } };
        errors?: { message: string }[];
      };
      if (answer.errors) refusals.push(`${head}: ${answer.errors.map((e) => e.message).join(', ')}`);
      if (answer.data?.transitionInspection?.status === 'REVIEWED') {
        ready.push(id);
        break;
      }
    }
    if (ready.length === count) return ready;
  }
  throw new Error(`only ${ready.length} of the demo's submitted records could pass review (${refusals.join('; ')})`);
}

export function approveEntry(id: string): MixEntry {
  return { screen: 'approve', user: 'wugang.leader', variables: { id, action: 'APPROVE', comment: null } };
}
