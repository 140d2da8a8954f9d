import { medianRun, pageFigures, scriptBytesAfterLcp, scriptTransfer, webSummary, type LighthouseResultLike } from './web-figures';

/** A Lighthouse result of the shape the bench reads, with these requests, scores and metrics. */
function lhr(options: {
  requests: { url?: string; resourceType: string; transferSize: number; networkRequestTime?: number }[];
  performance: number;
  accessibility: number;
  failing?: { id: string; weight: number }[];
  lcp?: number;
}): LighthouseResultLike {
  const failing = options.failing ?? [];
  return {
    requestedUrl: 'http://127.0.0.1/my-visits',
    finalDisplayedUrl: 'http://127.0.0.1/my-visits',
    categories: {
      performance: { score: options.performance, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }] },
      accessibility: { score: options.accessibility, auditRefs: [{ id: 'color-contrast', weight: 7 }, ...failing] },
    },
    audits: {
      'network-requests': { score: null, details: { items: options.requests } },
      'first-contentful-paint': { score: 0.5, numericValue: 1234.4 },
      'largest-contentful-paint': { score: 0.4, numericValue: options.lcp ?? 2345.6 },
      'total-blocking-time': { score: 0.9, numericValue: 87.2 },
      'color-contrast': { score: 1, title: 'contrast' },
      ...Object.fromEntries(failing.map((f) => [f.id, { score: 0, title: `${f.id} title` }])),
    },
  };
}

const requests = [
  { resourceType: 'Document', transferSize: 1300 },
  { url: 'http://127.0.0.1/assets/index-AAAAAAAA.js', resourceType: 'Script', transferSize: 120_000 },
  { url: 'http://127.0.0.1/assets/small-BBBBBBBB.js', resourceType: 'Script', transferSize: 3_500 },
  { resourceType: 'Stylesheet', transferSize: 800 },
  { resourceType: 'Script', transferSize: 0 },
  { resourceType: 'Fetch', transferSize: 22_000 },
];

describe('the web bench figures', () => {
  test('the JavaScript transferred is the sum of the script requests’ transferSize, nothing else', () => {
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    const expected = scripts.reduce((sum, r) => sum + r.transferSize, 0);
    expect(scriptTransfer(lhr({ requests, performance: 0.5, accessibility: 0.9 }))).toMatchObject({ bytes: expected, count: scripts.length });
    const figures = pageFigures(lhr({ requests, performance: 0.5, accessibility: 0.9 }));
    expect(figures.jsKb).toBeCloseTo(expected / 1024, 1);
    expect(figures.scripts).toBe(scripts.length);
    // Largest first, by file name.
    expect(figures.largestScripts.map((s) => s.split(' ')[0])).toEqual(['index-AAAAAAAA.js', 'small-BBBBBBBB.js', '']);
  });

  test('the scripts requested after the observed LCP are told apart, on the network requests’ clock', () => {
    const networkStartTimeTs = 65_662_677_082; // trace microseconds
    const lcpAfterMs = 1100;
    const timed = [
      { resourceType: 'Script', transferSize: 120_000, networkRequestTime: 10 },
      { resourceType: 'Script', transferSize: 2_000, networkRequestTime: 700 },
      { resourceType: 'Script', transferSize: 9_000, networkRequestTime: 1500 },
      { resourceType: 'Fetch', transferSize: 5_000, networkRequestTime: 1600 },
      { resourceType: 'Script', transferSize: 4_000, networkRequestTime: 2500 },
    ];
    const result = lhr({ requests: timed, performance: 0.5, accessibility: 0.9 });
    result.audits['network-requests']!.details!.debugData = { networkStartTimeTs };
    result.audits.metrics = { score: null, details: { items: [{ observedLargestContentfulPaintTs: networkStartTimeTs + lcpAfterMs * 1000 }] } };
    const expected = timed.filter((r) => r.resourceType === 'Script' && r.networkRequestTime > lcpAfterMs).reduce((sum, r) => sum + r.transferSize, 0);
    expect(scriptBytesAfterLcp(result)).toBe(expected);
    expect(pageFigures(result).jsAfterLcpKb).toBeCloseTo(expected / 1024, 1);
    // Without the observed LCP it is unknown, not 0.
    expect(pageFigures(lhr({ requests: timed, performance: 0.5, accessibility: 0.9 })).jsAfterLcpKb).toBeNull();
  });

  test('scores are out of 100 and metrics in whole milliseconds', () => {
    const figures = pageFigures(lhr({ requests, performance: 0.876, accessibility: 0.94, lcp: 4321.7 }));
    expect(figures).toMatchObject({ performance: 88, accessibility: 94, lcpMs: 4322, tbtMs: 87, fcpMs: 1234 });
  });

  test('the accessibility audits that failed and count are named; those weighing nothing are not', () => {
    const failing = [
      { id: 'heading-order', weight: 3 },
      { id: 'target-size', weight: 7 },
      { id: 'skip-link', weight: 0 },
    ];
    expect(pageFigures(lhr({ requests, performance: 0.5, accessibility: 0.9, failing })).accessibilityFailures).toEqual([
      'heading-order (heading-order title)',
      'target-size (target-size title)',
    ]);
  });

  test('a result without a score, without network requests or with a runtime error is refused, not read as 0', () => {
    const noScore = lhr({ requests, performance: 0.5, accessibility: 0.9 });
    noScore.categories.performance!.score = null;
    expect(() => pageFigures(noScore)).toThrow(/no performance score/);
    const noRequests = lhr({ requests, performance: 0.5, accessibility: 0.9 });
    delete noRequests.audits['network-requests'];
    expect(() => pageFigures(noRequests)).toThrow(/no network requests/);
    const failed = { ...lhr({ requests, performance: 0.5, accessibility: 0.9 }), runtimeError: { code: 'NO_FCP', message: 'no paint' } };
    expect(() => pageFigures(failed)).toThrow(/NO_FCP/);
  });

  test('the median run by performance score', () => {
    const runs = [70, 40, 90].map((performance, i) => ({ performance, run: i }));
    expect(medianRun(runs).performance).toBe(70);
    expect(medianRun([{ performance: 60 }, { performance: 50 }]).performance).toBe(50);
    expect(() => medianRun([])).toThrow();
  });

  test('the last line holds the lowest scores over the pages and the inspector’s home’s JavaScript', () => {
    const pages = [
      { key: 'login', figures: pageFigures(lhr({ requests: requests.slice(0, 2), performance: 0.72, accessibility: 0.94 })) },
      { key: 'home', figures: pageFigures(lhr({ requests, performance: 0.41, accessibility: 0.98 })) },
      { key: 'portal', figures: pageFigures(lhr({ requests, performance: 0.55, accessibility: 1 })) },
    ];
    const floor = pageFigures(lhr({ requests: [], performance: 1, accessibility: 1 }));
    const summary = webSummary(pages, 'home', floor);
    expect(summary).toMatchObject({
      bench: 'web',
      performance: Math.min(...pages.map((p) => p.figures.performance)),
      accessibility: Math.min(...pages.map((p) => p.figures.accessibility)),
      js_kb: pages[1]!.figures.jsKb,
      login: { js_kb: pages[0]!.figures.jsKb },
      floor: { performance: 100, js_kb: 0 },
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(() => webSummary(pages, 'record', floor)).toThrow(/record/);
  });
});
