import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The service worker keeps the app shell for no-signal use (public/sw.js); only in the built app, where its files are.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    // The files loaded before the worker took over (the first visit) are handed to it to keep.
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: 'keep', urls: performance.getEntriesByType('resource').map((entry) => entry.name) }),
    );
  });
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
