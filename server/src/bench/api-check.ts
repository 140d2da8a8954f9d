import type { Client } from 'pg';
import type { RunningApp } from '../app';
import { countStatements, type StatementCounter } from '../db/statement-counter';
import { answerDifferences } from './api-compare';
import { compareWithFloor, measureEntry, recordOf, recordPageEntry, type Measured } from './api-measure';
import {
  USERS,
  approvable,
  approveEntry,
  bodyOf,
  clientQueries,
  floorViewers,
  labelOf,
  post,
  readFixtures,
  readMix,
  recordsAwaitingApproval,
  signIn,
  type Fixtures,
  type MixEntry,
} from './api-mix';
import type { FloorViewer } from './floor-records';

/**
 * The part of `npm run bench -- api` that the test runs too: sign the users in, then send every
 * operation of the mix once to the service (counting its statements and round trips) and once to
 * the floor, and list every GraphQL error and every difference between the two answers. The bench
 * refuses to measure a mix with any.
 */
export interface ApiBenchSetup {
  url: string;
  counter: StatementCounter;
  queries: Record<string, string>;
  tokens: Record<string, string>;
  viewers: Record<string, FloorViewer>;
  fixtures: Fixtures;
  mix: MixEntry[];
}

export async function setUpApiBench(app: RunningApp, admin: Client): Promise<ApiBenchSetup> {
  const queries = clientQueries();
  const fixtures = await readFixtures(admin);
  const tokens = await signIn(app.url, [...new Set([...USERS, fixtures.reporter])]);
  const viewers = await floorViewers(admin, tokens);
  return { url: app.url, counter: countStatements(app.services.db), queries, tokens, viewers, fixtures, mix: readMix(fixtures) };
}

export interface PageSizeFigures {
  label: string;
  sizes: number[];
  statements: number[];
}

export interface OperationsReport {
  measured: Measured[];
  approve: Measured;
  pageSizes: PageSizeFigures[];
  problems: string[];
}

/** The list page sizes at which each list is also measured, to show whether its statements grow with the page. */
export const PROBE_SIZES = [5, 50];

export async function checkOperations(setup: ApiBenchSetup, floorUrl: string): Promise<OperationsReport> {
  const { url, counter, queries, tokens, fixtures } = setup;
  const problems: string[] = [];
  const problemsOf = (label: string, errors: unknown[] | null, differences: string[]) => {
    if (errors) problems.push(`${label}: GraphQL errors ${JSON.stringify(errors).slice(0, 500)}`);
    if (differences.length) problems.push(`${label}: the floor answers differently (${differences.length}): ${differences.slice(0, 8).join('; ')}`);
  };

  // Approving: two records pass review; the service approves one (measured) and the floor the other,
  // and each approval's answer is compared with the other server's record page read afterwards.
  const [first, second] = await recordsAwaitingApproval(url, queries, tokens, approvable(fixtures), 2);
  const approve = await measureEntry(url, counter, queries, tokens, approveEntry(first!));
  const floorPage = JSON.parse((await post(floorUrl, bodyOf(queries, recordPageEntry(first, 'wugang.leader')), tokens['wugang.leader']!)).text) as {
    data?: unknown;
  };
  problemsOf(approve.label, approve.errors, answerDifferences(recordOf(approve.data), recordOf(floorPage.data ?? null)));
  const floorApproval = JSON.parse((await post(floorUrl, bodyOf(queries, approveEntry(second!)), tokens['wugang.leader']!)).text) as {
    data?: unknown;
    errors?: unknown[];
  };
  const servicePage = await measureEntry(url, counter, queries, tokens, recordPageEntry(second, 'wugang.leader'));
  problemsOf(
    `${approve.label} (the floor's)`,
    floorApproval.errors ?? servicePage.errors,
    answerDifferences(recordOf(servicePage.data), recordOf(floorApproval.data ?? null)),
  );

  const measured: Measured[] = [];
  for (const entry of setup.mix) {
    const m = await measureEntry(url, counter, queries, tokens, entry);
    measured.push(m);
    problemsOf(m.label, m.errors, m.errors ? [] : await compareWithFloor(floorUrl, queries, tokens, m));
  }

  const pageSizes: PageSizeFigures[] = [];
  for (const entry of setup.mix.filter((e) => typeof e.variables.first === 'number')) {
    const statements: number[] = [];
    for (const first of PROBE_SIZES) {
      // Twice, keeping the fewer: a connection's first use of a prepared statement costs one more.
      const counts: number[] = [];
      for (let i = 0; i < 2; i++) {
        const m = await measureEntry(url, counter, queries, tokens, { ...entry, variables: { ...entry.variables, first } });
        problemsOf(m.label, m.errors, []);
        counts.push(m.statements);
      }
      statements.push(Math.min(...counts));
    }
    pageSizes.push({ label: labelOf(entry), sizes: PROBE_SIZES, statements });
  }
  return { measured, approve, pageSizes, problems };
}
