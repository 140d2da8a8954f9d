/// <reference lib="webworker" />
/**
 * Runs the verification off the page's thread, so a record of a million entities does not freeze the
 * page: receives the record's bytes (transferred, not copied), answers progress messages and a verdict.
 */
import type { OwnKey } from './own-line';
import { verifyRecordText, type Announced } from './verify-record';
import type { WorkerReply } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer; announced: Announced | null; own?: OwnKey | null }>) => {
  const post = (reply: WorkerReply) => self.postMessage(reply);
  try {
    const text = new TextDecoder('utf-8').decode(event.data.bytes);
    const verdict = verifyRecordText(text, event.data.announced, (progress) => post({ type: 'progress', progress }), event.data.own ?? null);
    post({ type: 'verdict', verdict });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
