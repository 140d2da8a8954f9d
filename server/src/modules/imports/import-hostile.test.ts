import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants as perf, PerformanceObserver } from 'node:perf_hooks';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { ENTITY_HEADERS, importFile, testUscc, upload, waitForJob, xlsxFile } from '../../test-support/import-fixtures';
import { inlineTextBomb, sharedStringsBomb, sheetOf, workbookParts, zipOf } from './hostile-files';

/**
 * The test app runs in this jest worker's process, so process.memoryUsage() is the server's memory.
 * Bounds on its growth during one hostile import, over the level after a normal import: the JavaScript
 * heap and the buffers it holds (what the importer allocates), and the whole process's resident set,
 * which also holds what the allocator keeps and so grows more in a worker that has run many files
 * before (179 MiB measured there for the shared-strings table, against +297 MiB before the bounded reader).
 */
const MEMORY_BOUND_MIB = 160;
const RSS_BOUND_MIB = 256;
/** Another bureau's request is answered within this while the hostile import runs. */
const ANSWER_BOUND_MS = 2_000;
const MiB = 1024 * 1024;

interface Watch {
  peakRssMib: number;
  peakHeapMib: number;
  answers: number;
  slowestMs: number;
}

describe('hostile import files', () => {
  let t: TestApp;
  let changde: string;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    changde = await t.login('changde.admin');
    wugang = await t.login('wugang.admin');
    // A normal xlsx import first: every module an import loads is loaded before the baseline.
    const warm = await importFile(t, 'entities', changde, await xlsxFile([ENTITY_HEADERS, ['预热公司', testUscc(1), '430702', '', '', '', '']]), 'warm.xlsx');
    expect(warm.status).toBe('SUCCEEDED');
  });
  afterAll(() => t.close());

  /** Uploads `file` as the office of 常德 and watches memory and another bureau until the job ends. */
  async function importWatched(file: Buffer | string, fileName: string): Promise<{ job: any; watch: Watch }> {
    const base = process.memoryUsage();
    const watch: Watch = { peakRssMib: 0, peakHeapMib: 0, answers: 0, slowestMs: 0 };
    const heapGrowth = () => {
      const now = process.memoryUsage();
      return (now.heapUsed + now.external - base.heapUsed - base.external) / MiB;
    };
    // The heap the import holds is what survives a full collection: sampled after each one. Between them
    // the heap also holds garbage, and how much depends on how fast the collector's threads run (on a
    // busy machine, more); only when no full collection came is that the measure.
    let heldPeak = 0;
    let rawPeak = 0;
    let fullCollections = 0;
    const collections = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind !== perf.NODE_PERFORMANCE_GC_MAJOR) continue;
        fullCollections += 1;
        heldPeak = Math.max(heldPeak, heapGrowth());
      }
    });
    collections.observe({ entryTypes: ['gc'] });
    const sample = () => {
      watch.peakRssMib = Math.max(watch.peakRssMib, (process.memoryUsage().rss - base.rss) / MiB);
      rawPeak = Math.max(rawPeak, heapGrowth());
      watch.peakHeapMib = fullCollections > 0 ? heldPeak : rawPeak;
    };
    const sampler = setInterval(sample, 5);
    let running = true;
    const otherBureau = (async () => {
      while (running) {
        const started = Date.now();
        const answer = await t.gql('{ me { username } importJobs(first: 1) { totalCount } }', {}, wugang);
        expect(answer.data?.me?.username).toBe('wugang.admin');
        watch.slowestMs = Math.max(watch.slowestMs, Date.now() - started);
        watch.answers += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      const answer = await upload(t.url, 'entities', changde, file, fileName);
      expect(answer.status).toBe(202);
      const job = await waitForJob(t, answer.body.jobId, changde);
      return { job, watch };
    } finally {
      running = false;
      await otherBureau;
      clearInterval(sampler);
      collections.disconnect();
      sample();
    }
  }

  const entityCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM market_entities`))[0].n as number;

  it('holds a shared-strings table of 60,000 long unique strings (4.6 MiB packed, 345 MiB inflated) to bounded memory', async () => {
    const rows: (number | string)[][] = [ENTITY_HEADERS, ...[0, 1, 2].map((i) => [i, `无效代码${i}`, '430702'])];
    const file = await zipOf(workbookParts(sheetOf(rows), sharedStringsBomb(60_000, 2_000)));
    expect(file.length).toBeLessThan(6 * MiB);
    const before = await entityCount();
    const { job, watch } = await importWatched(file, 'shared-strings.xlsx');
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, updatedRows: 0 });
    expect(job.failureReason).toMatch(/[\u4e00-\u9fa5]/);
    expect(await entityCount()).toBe(before);
    expect(watch.peakHeapMib).toBeLessThan(MEMORY_BOUND_MIB);
    expect(watch.peakRssMib).toBeLessThan(RSS_BOUND_MIB);
    expect(watch.answers).toBeGreaterThan(0);
    expect(watch.slowestMs).toBeLessThan(ANSWER_BOUND_MS);
  }, 240_000);

  it('refuses a zip bomb (one cell of 300 MiB packed 1000 to 1) early, with memory bounded', async () => {
    const file = await zipOf(workbookParts(inlineTextBomb(300)));
    expect(file.length).toBeLessThan(MiB);
    const before = await entityCount();
    const { job, watch } = await importWatched(file, 'bomb.xlsx');
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, updatedRows: 0 });
    expect(job.failureReason).toContain('压缩比');
    expect(await entityCount()).toBe(before);
    expect(watch.peakHeapMib).toBeLessThan(MEMORY_BOUND_MIB);
    expect(watch.peakRssMib).toBeLessThan(RSS_BOUND_MIB);
    expect(watch.answers).toBeGreaterThan(0);
    expect(watch.slowestMs).toBeLessThan(ANSWER_BOUND_MS);
  }, 240_000);

  it('refuses a zip bomb that declares a small size, as it inflates, with memory bounded', async () => {
    const file = await zipOf(workbookParts(inlineTextBomb(300)), (path, size) => (path.endsWith('sheet1.xml') ? 1000 : size));
    const before = await entityCount();
    const { job, watch } = await importWatched(file, 'lying-bomb.xlsx');
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, updatedRows: 0 });
    expect(job.failureReason).toContain('解压后比文件记录的大小更大');
    expect(await entityCount()).toBe(before);
    expect(watch.peakHeapMib).toBeLessThan(MEMORY_BOUND_MIB);
    expect(watch.peakRssMib).toBeLessThan(RSS_BOUND_MIB);
    expect(watch.slowestMs).toBeLessThan(ANSWER_BOUND_MS);
  }, 240_000);

  it('refuses a CSV whose one line is 40 MiB long, with memory bounded', async () => {
    // Streamed from disk: a 40 MiB body built in this process would count against the server's bound.
    const file = path.join(os.tmpdir(), `spotcheck-one-line-${process.pid}.csv`);
    fs.writeFileSync(file, '名称,统一社会信用代码,行政区划代码\n');
    for (let i = 0; i < 40; i += 1) fs.appendFileSync(file, Buffer.alloc(MiB, 'x'));
    const before = await entityCount();
    const { job, watch } = await importWatched(file, 'one-line.csv').finally(() => fs.rmSync(file, { force: true }));
    expect(job).toMatchObject({ status: 'FAILED', insertedRows: 0, updatedRows: 0 });
    expect(job.failureReason).toContain('一行的内容超过 1 MiB');
    expect(await entityCount()).toBe(before);
    expect(watch.peakHeapMib).toBeLessThan(MEMORY_BOUND_MIB);
    expect(watch.peakRssMib).toBeLessThan(RSS_BOUND_MIB);
    expect(watch.slowestMs).toBeLessThan(ANSWER_BOUND_MS);
  }, 240_000);
});
