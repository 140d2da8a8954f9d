/*
 * SpotCheck's service worker: keeps the app shell on the device so that a page opens with no signal.
 * - Pages (navigations): the network first, else the stored index.html (the app routes itself).
 * - Built assets (/assets/*, hashed names) and icons: from the store once fetched (they never change).
 * - GraphQL reads (POST /graphql, not a mutation): the network first; the last answer is kept per user
 *   and query, and answered when there is no network, so a record opened before opens again offline.
 *   Mutations and uploads are never stored or replayed here: the app's own queue sends them.
 * Other requests (downloads, /api/*) go to the network untouched.
 */
const SHELL = 'spotcheck-shell-v1';
const READS = 'spotcheck-reads-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/index.html', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== READS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // Signing out forgets what was read: the next person on this device does not find it.
  if (event.data === 'forget-reads') event.waitUntil(caches.delete(READS));
  // The built files the page loaded before this worker took over: kept too, so the next start needs no network.
  if (event.data && event.data.type === 'keep' && Array.isArray(event.data.urls)) {
    const urls = event.data.urls.filter(
      (u) => typeof u === 'string' && new URL(u).origin === self.location.origin && new URL(u).pathname.startsWith('/assets/'),
    );
    event.waitUntil(caches.open(SHELL).then((cache) => Promise.all(urls.map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => undefined))))));
  }
});

async function fromNetworkElseShell(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(SHELL)).put('/index.html', response.clone());
    return response;
  } catch {
    return (await caches.match('/index.html')) ?? Response.error();
  }
}

async function fromStoreElseNetwork(request) {
  const stored = await caches.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

async function readKey(request, body) {
  const text = `${request.headers.get('authorization') ?? ''}\n${body}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return new Request(`/__offline-reads/${hex}`);
}

async function graphqlRead(request) {
  const body = await request.clone().text();
  let isQuery = false;
  try {
    const parsed = JSON.parse(body);
    isQuery = typeof parsed.query === 'string' && !/^\s*(mutation|subscription)\b/.test(parsed.query);
  } catch {
    isQuery = false;
  }
  if (!isQuery) return fetch(request);
  const key = await readKey(request, body);
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(READS)).put(key, response.clone());
    return response;
  } catch (error) {
    const stored = await caches.match(key);
    if (stored) return stored;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'GET' && request.mode === 'navigate') return event.respondWith(fromNetworkElseShell(request));
  if (request.method === 'GET' && (url.pathname.startsWith('/assets/') || /^\/(favicon\.svg|icon-\d+\.png|manifest\.webmanifest)$/.test(url.pathname)))
    return event.respondWith(fromStoreElseNetwork(request));
  if (request.method === 'POST' && url.pathname === '/graphql') return event.respondWith(graphqlRead(request));
});
