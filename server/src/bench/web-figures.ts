/**
 * The web bench's figures, read from Lighthouse's results (LHR): the scores, the JavaScript a page
 * transferred, LCP and TBT, and the accessibility audits a page fails. Pure, so that a test can feed
 * it results it builds.
 */

/** The part of a Lighthouse result (LH.Result) the bench reads. */
export interface LighthouseResultLike {
  requestedUrl?: string;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    | {
        score: number | null;
        scoreDisplayMode?: string;
        title?: string;
        numericValue?: number;
        details?: { items?: unknown[]; debugData?: { networkStartTimeTs?: number } };
      }
    | undefined
  >;
}

export interface PageFigures {
  performance: number;
  accessibility: number;
  /** Compressed bytes of every script the page loaded (transferSize), in KiB. */
  jsKb: number;
  scripts: number;
  /**
   * Of `jsKb`, the scripts requested after the page showed its largest content (observed, not simulated):
   * fetched ahead for later, not needed to use the page. Null when Lighthouse did not observe the LCP.
   */
  jsAfterLcpKb: number | null;
  /** The five largest scripts by compressed size: `file name (KiB)`. */
  largestScripts: string[];
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  /** The accessibility audits that count towards the score and did not pass: `id (title)`. */
  accessibilityFailures: string[];
}

interface NetworkRequest {
  url?: string;
  resourceType?: string;
  transferSize?: number;
  /** Milliseconds from the first request (`debugData.networkStartTimeTs`). */
  networkRequestTime?: number;
}

const score = (lhr: LighthouseResultLike, category: string): number => {
  const value = lhr.categories[category]?.score;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${category} score for ${lhr.requestedUrl}`);
  return Math.round(value * 100);
};

const metric = (lhr: LighthouseResultLike, audit: string): number => {
  const value = lhr.audits[audit]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${audit} for ${lhr.requestedUrl}`);
  return Math.round(value);
};

/** The compressed JavaScript a page transferred: its script requests in Lighthouse's network-requests audit. */
export function scriptTransfer(lhr: LighthouseResultLike): { bytes: number; count: number; largest: string[] } {
  const items = lhr.audits['network-requests']?.details?.items;
  if (!Array.isArray(items)) throw new Error(`Lighthouse recorded no network requests for ${lhr.requestedUrl}`);
  const scripts = (items as NetworkRequest[]).filter((r) => r.resourceType === 'Script');
  const largest = [...scripts]
    .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
    .slice(0, 5)
    .map((r) => `${(r.url ?? '').split('/').pop()} ${kib(r.transferSize ?? 0)}`);
  return { bytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0), count: scripts.length, largest };
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The compressed bytes of the scripts requested after the observed LCP, on the network requests' clock (both in trace microseconds). */
export function scriptBytesAfterLcp(lhr: LighthouseResultLike): number | null {
  const requests = lhr.audits['network-requests']?.details;
  const networkStart = requests?.debugData?.networkStartTimeTs;
  const lcpTs = (lhr.audits.metrics?.details?.items?.[0] as { observedLargestContentfulPaintTs?: number } | undefined)?.observedLargestContentfulPaintTs;
  if (typeof networkStart !== 'number' || typeof lcpTs !== 'number' || !Array.isArray(requests?.items)) return null;
  const lcpMs = (lcpTs - networkStart) / 1000;
  return (requests.items as NetworkRequest[])
    .filter((r) => r.resourceType === 'Script' && (r.networkRequestTime ?? 0) > lcpMs)
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
}

export function pageFigures(lhr: LighthouseResultLike): PageFigures {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${lhr.requestedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const js = scriptTransfer(lhr);
  const afterLcp = scriptBytesAfterLcp(lhr);
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => typeof audit?.score === 'number' && audit.score < 1)
    .map(({ id, audit }) => (audit?.title ? `${id} (${audit.title})` : id));
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    jsKb: kib(js.bytes),
    scripts: js.count,
    largestScripts: js.largest,
    jsAfterLcpKb: afterLcp === null ? null : kib(afterLcp),
    fcpMs: metric(lhr, 'first-contentful-paint'),
    lcpMs: metric(lhr, 'largest-contentful-paint'),
    tbtMs: metric(lhr, 'total-blocking-time'),
    accessibilityFailures,
  };
}

/** Of several runs of one page, the one with the median performance score (the lower middle of an even count). */
export function medianRun<T extends { performance: number }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('no runs');
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface WebPage {
  /** The key in the JSON line: login, home, record, portal. */
  key: string;
  figures: PageFigures;
}

/**
 * The bench's last line: the lowest performance and accessibility over the pages, the compressed
 * JavaScript of the page named `jsPage` (the inspector's home), each page's figures, and the floor's.
 */
export function webSummary(pages: readonly WebPage[], jsPage: string, floor: PageFigures): Record<string, unknown> {
  const js = pages.find((p) => p.key === jsPage);
  if (!js || pages.length === 0) throw new Error(`no figures for ${jsPage}`);
  const perPage = Object.fromEntries(
    pages.map((p) => [
      p.key,
      { performance: p.figures.performance, accessibility: p.figures.accessibility, js_kb: p.figures.jsKb, lcp_ms: p.figures.lcpMs, tbt_ms: p.figures.tbtMs },
    ]),
  );
  return {
    bench: 'web',
    performance: Math.min(...pages.map((p) => p.figures.performance)),
    accessibility: Math.min(...pages.map((p) => p.figures.accessibility)),
    js_kb: js.figures.jsKb,
    ...perPage,
    floor: { performance: floor.performance, accessibility: floor.accessibility, js_kb: floor.jsKb, lcp_ms: floor.lcpMs, tbt_ms: floor.tbtMs },
  };
}
