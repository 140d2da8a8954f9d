/**
 * A per-bureau budget for heavy work (imports queued or running, directory exports, draws): at most
 * `perTenant` at once per bureau in this process, so that one bureau cannot take every worker, pooled
 * connection and CPU second from the others. A refusal is immediate (the caller answers RATE_LIMITED);
 * nothing waits for a slot.
 */
export class HeavyWork {
  private readonly held = new Map<string, number>();

  constructor(readonly perTenant: number) {}

  /** Takes one of the bureau's slots: the release function (safe to call twice), or null when all are taken. */
  tryAcquire(tenantId: string): (() => void) | null {
    const now = this.held.get(tenantId) ?? 0;
    if (now >= this.perTenant) return null;
    this.held.set(tenantId, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(tenantId) ?? 1) - 1;
      if (left > 0) this.held.set(tenantId, left);
      else this.held.delete(tenantId);
    };
  }

  inProgress(tenantId: string): number {
    return this.held.get(tenantId) ?? 0;
  }

  /** The refusal's text, the same for every kind of heavy work. */
  refusal(): string {
    return `本单位同时进行的导入、导出和摇号已达 ${this.perTenant} 项的上限，请等其中一项完成后再试`;
  }
}

/** Seconds a refused client is told to wait before retrying. */
export const HEAVY_WORK_RETRY_SECONDS = 30;
