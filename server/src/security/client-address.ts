/**
 * The client address behind `hops` proxies, as express computes req.ip with a numeric `trust proxy`:
 * each proxy appends the address it saw to X-Forwarded-For, so only the last `hops` entries are
 * written by proxies; anything before them is the client's own say and never used.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    remoteAddress ?? '',
    ...header
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return chain[Math.min(hops, chain.length - 1)] || null;
}
