import { HEAVY_WORK_RETRY_SECONDS } from '../lib/heavy-work';
import { requireViewer, type RequestContext } from './context';
import { rateLimited } from './errors';

/** Runs `work` on one of the viewer's bureau's heavy-work slots (lib/heavy-work.ts), or refuses RATE_LIMITED. */
export async function withHeavySlot<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const release = ctx.app.heavyWork.tryAcquire(requireViewer(ctx).tenantId);
  if (!release) throw rateLimited(ctx.app.heavyWork.refusal(), HEAVY_WORK_RETRY_SECONDS);
  try {
    return await work();
  } finally {
    release();
  }
}
