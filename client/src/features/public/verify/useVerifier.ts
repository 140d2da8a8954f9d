/**
 * The in-browser draw verifier: downloads a record (showing the bytes received) or takes a file's
 * bytes, hands them to a Web Worker that runs `verifyDraw`, and follows its progress to the verdict.
 * Starting again, or leaving the page, stops the worker that is still running.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OwnKey } from './own-line';
import type { Announced, Verdict, VerifyPhase } from './verify-record';
import type { WorkerReply } from './worker-protocol';

export type VerifierState =
  | { step: 'idle' }
  | { step: 'download'; received: number; total: number | null }
  | { step: VerifyPhase; fraction?: number; startedAt: number }
  | { step: 'done'; verdict: Verdict; seconds: number }
  | { step: 'error'; problem: VerifierProblem; detail?: string };

/** notFound: no such public record; download: the record could not be fetched; worker: the verifier could not run. */
export type VerifierProblem = 'notFound' | 'download' | 'worker';

class DownloadError extends Error {
  constructor(
    readonly problem: VerifierProblem,
    detail: string,
  ) {
    super(detail);
  }
}

export interface Verifier {
  state: VerifierState;
  /** Fetches the record from the portal (e.g. /api/public/draws/…) and verifies it. */
  verifyUrl: (url: string, announced: Announced | null, own?: OwnKey | null) => void;
  /** Verifies bytes the user chose or pasted. */
  verifyBytes: (bytes: ArrayBuffer, announced: Announced | null, own?: OwnKey | null) => void;
  reset: () => void;
}

async function download(url: string, onProgress: (received: number, total: number | null) => void, signal: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new DownloadError(response.status === 404 ? 'notFound' : 'download', `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length')) || null;
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, length);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes.buffer;
}

export function useVerifier(): Verifier {
  const [state, setState] = useState<VerifierState>({ step: 'idle' });
  const worker = useRef<Worker | null>(null);
  const abort = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const verifyBytes = useCallback((bytes: ArrayBuffer, announced: Announced | null, own: OwnKey | null = null) => {
    worker.current?.terminate();
    const startedAt = Date.now();
    setState({ step: 'parse', startedAt });
    const w = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (worker.current !== w) return;
      const reply = event.data;
      if (reply.type === 'progress') setState({ step: reply.progress.phase, fraction: reply.progress.fraction, startedAt });
      else {
        setState(
          reply.type === 'verdict'
            ? { step: 'done', verdict: reply.verdict, seconds: (Date.now() - startedAt) / 1000 }
            : { step: 'error', problem: 'worker', detail: reply.message },
        );
        w.terminate();
        worker.current = null;
      }
    };
    w.onerror = (event) => {
      if (worker.current !== w) return;
      setState({ step: 'error', problem: 'worker', detail: event.message });
      w.terminate();
      worker.current = null;
    };
    w.postMessage({ bytes, announced, own }, [bytes]);
  }, []);

  const verifyUrl = useCallback(
    (url: string, announced: Announced | null, own: OwnKey | null = null) => {
      stop();
      const controller = new AbortController();
      abort.current = controller;
      setState({ step: 'download', received: 0, total: null });
      download(url, (received, total) => setState({ step: 'download', received, total }), controller.signal).then(
        (bytes) => {
          if (abort.current !== controller) return;
          abort.current = null;
          verifyBytes(bytes, announced, own);
        },
        (error: unknown) => {
          if (abort.current !== controller) return;
          abort.current = null;
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setState(
            error instanceof DownloadError
              ? { step: 'error', problem: error.problem, detail: error.message }
              : { step: 'error', problem: 'download', detail: String(error) },
          );
        },
      );
    },
    [stop, verifyBytes],
  );

  const reset = useCallback(() => {
    stop();
    setState({ step: 'idle' });
  }, [stop]);

  return { state, verifyUrl, verifyBytes, reset };
}
