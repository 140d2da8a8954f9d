/** Messages from the verification worker to the page. */
import type { Verdict, VerifyProgress } from './verify-record';

export type WorkerReply = { type: 'progress'; progress: VerifyProgress } | { type: 'verdict'; verdict: Verdict } | { type: 'error'; message: string };
