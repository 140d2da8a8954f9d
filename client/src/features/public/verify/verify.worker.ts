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
    let text: string;
    try {
      // A record is UTF-8 (spec §12, check 0): bytes that are not are refused, not patched with U+FFFD.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(event.data.bytes);
    } catch {
      post({ type: 'verdict', verdict: { status: 'FAILED', code: 'MALFORMED_RECORD', reason: '文件不是有效的 UTF-8 文本', facts: null, content: null } });
      return;
    }
    const verdict = verifyRecordText(text, event.data.announced, (progress) => post({ type: 'progress', progress }), event.data.own ?? null);
    post({ type: 'verdict', verdict });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
