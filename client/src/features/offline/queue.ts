/**
 * The upload queue: record saves and photos made on the device go here first and are sent in the
 * order made, whenever the connection is there. Each carries its own key, which the server honours,
 * so an item whose answer was lost is sent again without a second save or a second photo. An item the
 * server refuses (the record was submitted meanwhile, a bad file…) stays in the queue, marked, until
 * the inspector discards it.
 */
import { useSyncExternalStore } from 'react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { getSession } from '../../app/auth';
import { refreshSession } from '../../app/refresh';
import { allItems, deleteItem, putItem } from './store';
import type { QueuedItem } from './types';

let items: QueuedItem[] = [];
let sending = false;
const listeners = new Set<() => void>();
const sentListeners = new Set<(items: QueuedItem[]) => void>();

function changed(next: QueuedItem[]) {
  items = next;
  for (const l of listeners) l();
}

export async function reloadQueue(): Promise<void> {
  changed(await allItems());
}

export function newKey(): string {
  return crypto.randomUUID();
}

export async function enqueue(item: QueuedItem): Promise<void> {
  await putItem(item);
  await reloadQueue();
}

export async function discard(key: string): Promise<void> {
  await deleteItem(key);
  await reloadQueue();
}

/**
 * Called once after a pass with the items the server took in it (to refresh what the page shows). Once per
 * pass, not per item: a refresh asked for while the previous one is still on its way joins it (Apollo
 * answers identical requests in flight once), and would miss what the later items added.
 */
export function onSent(listener: (items: QueuedItem[]) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

class Offline extends Error {}
class Refused extends Error {}

async function authorizedFetch(url: string, init: () => RequestInit): Promise<Response> {
  const attempt = () => {
    const session = getSession();
    const request = init();
    return fetch(url, {
      ...request,
      headers: { ...(request.headers as Record<string, string>), ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    });
  };
  let response: Response;
  try {
    response = await attempt();
    if (response.status === 401 && (await refreshSession())) response = await attempt();
  } catch {
    throw new Offline();
  }
  return response;
}

const SAVE = `mutation QueuedSave($id: ID!, $input: InspectionInput!, $clientKey: String) {
  saveInspection(id: $id, input: $input, clientKey: $clientKey) { id }
}`;

async function send(item: QueuedItem): Promise<void> {
  if (item.kind === 'save') {
    const response = await authorizedFetch('/graphql', () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SAVE, variables: { id: item.inspectionId, input: item.input, clientKey: item.key } }),
    }));
    if (response.status >= 500) throw new Offline();
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    if (!response.ok || body?.errors?.length) throw new Refused(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
    return;
  }
  const response = await authorizedFetch(`/api/inspections/${encodeURIComponent(item.inspectionId)}/evidence`, () => {
    const form = new FormData();
    form.append('clientKey', item.key);
    form.append('takenAt', item.takenAt);
    if (item.position) {
      form.append('latitude', String(item.position.latitude));
      form.append('longitude', String(item.position.longitude));
      form.append('accuracy', String(item.position.accuracy));
    }
    form.append('file', item.blob, item.fileName);
    return { method: 'POST', body: form };
  });
  if (response.status >= 500 || response.status === 429) throw new Offline();
  if (response.status !== 201) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Refused(body?.error?.message ?? `HTTP ${response.status}`);
  }
}

/** Sends what `owner` has queued, oldest first; stops at the first item that cannot go for want of a connection. */
export async function sendQueue(owner: string): Promise<void> {
  if (sending || !navigator.onLine) return;
  sending = true;
  const sent: QueuedItem[] = [];
  try {
    for (const item of await allItems()) {
      if (item.owner !== owner || item.refused) continue;
      try {
        await send(item);
        await deleteItem(item.key);
        sent.push(item);
      } catch (error) {
        if (error instanceof Refused) await putItem({ ...item, refused: error.message });
        else break;
      }
    }
  } finally {
    sending = false;
    await reloadQueue();
    if (sent.length) for (const l of sentListeners) l(sent);
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user's queued items, as they change. */
export function useQueue(owner: string): QueuedItem[] {
  const all = useSyncExternalStore(subscribe, () => items);
  return all.filter((i) => i.owner === owner);
}

/** The request never got an answer (no signal, connection dropped, the server unreachable): keep the work, don't report a refusal. */
export function isNetworkFailure(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500;
  return !navigator.onLine || error instanceof TypeError;
}
