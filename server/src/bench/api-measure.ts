import type { StatementCounter } from '../db/statement-counter';
import { answerDifferences } from './api-compare';
import { bodyOf, labelOf, post, type MixEntry } from './api-mix';

/** The service's answer to one entry of the mix, sent on its own, with what it cost in SQL. */
export interface Measured {
  entry: MixEntry;
  label: string;
  statements: number;
  roundTrips: number;
  ms: number;
  bytes: number;
  data: unknown;
  errors: unknown[] | null;
}

/** Sends one entry to the service with nothing else running and counts its statements and round trips. */
export async function measureEntry(
  url: string,
  counter: StatementCounter,
  queries: Record<string, string>,
  tokens: Record<string, string>,
  entry: MixEntry,
): Promise<Measured> {
  // A request before this one (not measured: approving's review step) may still be committing its reads.
  await counter.idle();
  counter.reset();
  const t0 = performance.now();
  const { status, text } = await post(url, bodyOf(queries, entry), entry.user ? tokens[entry.user]! : null);
  const ms = performance.now() - t0;
  await counter.idle(); // the request's read transaction commits just after its answer
  const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  const errors = status !== 200 || answer.errors ? (answer.errors ?? [`HTTP ${status}`]) : null;
  return {
    entry,
    label: labelOf(entry),
    statements: counter.statements,
    roundTrips: counter.roundTrips,
    ms: Math.round(ms * 10) / 10,
    bytes: Buffer.byteLength(text),
    data: answer.data ?? null,
    errors,
  };
}

/** The floor's answer to the same entry, and where it differs from the service's (none when the two agree). */
export async function compareWithFloor(
  floorUrl: string,
  queries: Record<string, string>,
  tokens: Record<string, string>,
  measured: Measured,
): Promise<string[]> {
  const { text } = await post(floorUrl, bodyOf(queries, measured.entry), measured.entry.user ? tokens[measured.entry.user]! : null);
  const floor = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (floor.errors) return [`the floor failed: ${JSON.stringify(floor.errors)}`];
  return answerDifferences(measured.data, floor.data ?? null);
}

/** The record (the inner object) of a record page's or an approval's answer. */
export function recordOf(data: unknown): unknown {
  const d = data as Record<string, unknown> | null;
  return d?.node ?? d?.transitionInspection ?? null;
}

/** The record page of `id` as `user`, for comparing an approval's answer with what the other server reads afterwards. */
export function recordPageEntry(id: unknown, user: MixEntry['user']): MixEntry {
  return { screen: 'record', user, variables: { id } };
}
