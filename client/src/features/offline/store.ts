/**
 * The device's store of work not yet sent (IndexedDB, database `spotcheck-field`, store `queue`): a few
 * promise-returning calls over the browser's own API. Kept until the server has taken an item or the
 * inspector discards it; nothing here expires by itself.
 */
import type { QueuedItem } from './types';

const DB = 'spotcheck-field';
const STORE = 'queue';

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
  opened.catch(() => (opened = null));
  return opened;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    // Resolved once the transaction is durable, not when the request alone succeeds.
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const putItem = (item: QueuedItem) => run('readwrite', (s) => s.put(item)).then(() => undefined);
export const deleteItem = (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined);
export const allItems = () =>
  run<QueuedItem[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedItem[]>).then((items) => items.sort((a, b) => a.queuedAt - b.queuedAt));
