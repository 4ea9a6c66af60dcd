// `npm run bench` verdicts (bench/targets.ts, bench/lib/summary.ts): every "met" is computed from the one
// target table, a miss or a result missing its figure fails the run, earlier rows are shown but not judged.
import { describe, expect, test } from 'vitest';
import { benchmarksBlock, figureRecord, summaryRows, type Entry } from '@/bench/lib/summary';
import { benchNames, judge, targets, type BenchName } from '@/bench/targets';
import { readRecord, writeBlock } from '@/scripts/lib/figures';

const policy = (perSecond: number[]) => ({
  compile: { terms: 2000, medianMs: 3.5 },
  runs: perSecond.map((n, i) => ({
    policy: i ? '2,000-term policy' : 'default policy',
    terms: i ? 2000 : 40,
    commentsPerSecond: n,
    p99Us: 80,
  })),
});
const queue = (lastPageMs: number) => ({
  results: [{ database: 'sqlite', rows: 100_000, firstPageMs: 0.7, lastPageMs }],
});
const ok = (result: unknown, at = '2026-11-27T10:00:00.000Z', commit = 'abc1234'): Entry => ({
  status: 'ok',
  at,
  commit,
  seconds: 1,
  result,
});

describe('the target table', () => {
  test('every target belongs to a known benchmark and ids are unique', () => {
    for (const t of targets) expect(benchNames).toContain(t.benchmark);
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });

  test('policy throughput is judged, not typed: each policy run against ≥ 20,000 comments/s', () => {
    expect(judge('policy', policy([28_545, 19_999])).map((v) => [v.subject, v.met])).toEqual([
      ['policy engine, default policy (40 terms)', true],
      ['policy engine, 2,000-term policy (2,000 terms)', false],
    ]);
  });

  test('the moderation queue target is an absolute bound on the last page, not "last ≈ first"', () => {
    expect(judge('moderation-queue', queue(9.9))[0]!.met).toBe(true);
    expect(judge('moderation-queue', queue(10.1))[0]!.met).toBe(false);
  });

  test('at-most and at-least bounds include the limit; a non-finite figure is never met', () => {
    const fresh = (maxMs: number) => ({
      approve: { medianMs: 40, maxMs, rounds: 20 },
      post: { medianMs: 40, maxMs: 50, rounds: 20 },
      live: { streams: 1000, rssGrowthMb: 4, reachedAllMs: 90, p50Ms: 40, reached: 1000 },
    });
    expect(judge('freshness', fresh(1000))[0]!.met).toBe(true);
    expect(judge('freshness', fresh(1000.1))[0]!.met).toBe(false);
    expect(judge('freshness', fresh(Number.NaN))[0]!.met).toBe(false);
    const write = (missing: number, duplicates: number) => ({
      database: 'sqlite',
      posters: 200,
      acknowledged: 1200,
      acknowledgedPerSecond: 40,
      latency: { p50Ms: 900, p99Ms: 2500 },
      unloadedMedianMs: 20,
      check: { missing, duplicates, storedButNotAcknowledged: 0 },
    });
    expect(judge('write-path', write(0, 0))[0]!.met).toBe(true);
    expect(judge('write-path', write(0, 1))[0]!.met).toBe(false);
  });

  test('issue 20’s targets: both halves of a two-part target must hold, and the write path is judged per database', () => {
    const load = (reqPerSec: number, p99Ms: number) => ({ reqPerSec, p50Ms: 5, p99Ms });
    const page = (hot: { reqPerSec: number; p99Ms: number }, signedIn: { reqPerSec: number; p99Ms: number }) => ({
      cached: load(10_000, 6),
      baseline: load(10_400, 6),
      ratio: 10_000 / 10_400,
      signedIn: load(signedIn.reqPerSec, signedIn.p99Ms),
      hotStory: { load: load(hot.reqPerSec, hot.p99Ms), posted: 40 },
      unloaded: { signedInMedianMs: 9.5 },
      smallStory: { cached: load(15_000, 3), baseline: load(18_000, 3), ratio: 15_000 / 18_000, htmlBytes: 8_000 },
    });
    const verdicts = (result: unknown) => Object.fromEntries(judge('article-page', result).map((v) => [v.id, v.met]));
    expect(verdicts(page({ reqPerSec: 9_000, p99Ms: 25 }, { reqPerSec: 320, p99Ms: 90 }))).toEqual({
      'article-page-vs-baseline': true,
      'article-page-p99': true,
      'article-page-small-vs-baseline': false,
      'article-page-hot-story': true,
      'article-page-signed-in-load': true,
      'article-page-signed-in-alone': true,
    });
    const slow = verdicts(page({ reqPerSec: 9_000, p99Ms: 31 }, { reqPerSec: 320, p99Ms: 101 }));
    expect([slow['article-page-hot-story'], slow['article-page-signed-in-load']]).toEqual([false, false]);

    const write = (database: string, perSecond: number, p99Ms: number) => ({
      database,
      posters: 200,
      acknowledged: 1,
      acknowledgedPerSecond: perSecond,
      latency: { p50Ms: 900, p99Ms },
      unloadedMedianMs: 14,
      check: { missing: 0, duplicates: 0, storedButNotAcknowledged: 0 },
    });
    const met = (name: BenchName, result: unknown) => judge(name, result).map((v) => [v.id, v.met]);
    expect(met('write-path', write('sqlite', 150, 2100))).toEqual([
      ['write-path-exactly-once', true],
      ['write-path-throughput', true],
      ['write-path-p99', false],
      ['write-path-alone', true],
    ]);
    expect(met('write-path-postgres', write('postgres', 119, 5000))).toEqual([
      ['write-path-postgres-exactly-once', true],
      ['write-path-postgres-throughput', false],
      ['write-path-postgres-alone', true],
    ]);
    const html = (signedInKB: number) => ({
      signedOut: { encodedKB: 0, decodedKB: 0, html: { decodedKB: 100 } },
      signedIn: { encodedKB: 140, decodedKB: 466, html: { decodedKB: signedInKB } },
    });
    expect(judge('js-size', html(130)).map((v) => v.met)).toEqual([true, true]);
    expect(judge('js-size', html(131)).map((v) => v.met)).toEqual([true, false]);
  });

  test('a result without the figure a target reads throws instead of passing', () => {
    expect(() => judge('js-size', { signedIn: { encodedKB: 1 } })).toThrow(/signed-out size/);
  });
});

describe('the summary', () => {
  test('misses come only from benchmarks measured in this run; earlier rows are shown with their commit', () => {
    const merged: Partial<Record<BenchName, Entry>> = {
      policy: ok(policy([15_000])),
      'moderation-queue': ok(queue(50), '2026-11-20T09:00:00.000Z', 'old0001'),
    };
    const { rows, misses } = summaryRows(merged, new Set<BenchName>(['policy']));
    expect(misses).toEqual([
      'policy engine, default policy (40 terms): 15,000 comments/s, p99 80 µs (target ≥ 20,000 comments/s)',
    ]);
    expect(rows.find((r) => r.benchmark.startsWith('moderation queue'))).toMatchObject({
      met: 'NO',
      measured: 'old0001 2026-11-20 09:00',
    });
    expect(rows.find((r) => r.benchmark === 'policy: compile')).toMatchObject({ met: '—', target: '' });
  });

  test('a result missing its targeted figure is a miss', () => {
    const { misses, rows } = summaryRows(
      { 'js-size': ok({ signedIn: { encodedKB: 130, decodedKB: 400 } }) },
      new Set<BenchName>(['js-size']),
    );
    expect(misses).toEqual(['js-size: benchmark result has no signed-out size']);
    expect(rows[0]).toMatchObject({ met: 'NO' });
  });

  test('the BENCHMARKS.md block carries commit, date, machine and load average, and the record reads back', () => {
    const merged: Partial<Record<BenchName, Entry>> = {
      policy: ok(policy([30_000])),
      freshness: { ...ok({}), quick: true },
      'write-path': { status: 'failed', seconds: 1, error: 'x' },
    };
    const record = figureRecord(merged);
    expect(record).toEqual({ policy: { commit: 'abc1234', date: '2026-11-27T10:00:00.000Z' } });
    const machine = {
      cpu: 'AMD EPYC',
      cores: 2,
      memoryGiB: 23.5,
      node: 'v20.20.2',
      os: 'Debian',
      loadAverage: [1.5, 1.2, 1],
    };
    const block = benchmarksBlock({
      command: 'npm run bench',
      commit: 'abc1234',
      startedAt: new Date('2026-11-27T10:00:00Z'),
      finishedAt: new Date('2026-11-27T10:08:00Z'),
      machine,
      loadAtEnd: [2, 1.5, 1.1],
      rows: summaryRows(merged, new Set()).rows,
    });
    expect(block).toContain('at commit `abc1234`, 2026-11-27 10:00–10:08 UTC');
    expect(block).toContain('load average 1.5 1.2 1 at the start, 2 1.5 1.1 at the end');
    expect(block).toContain(
      '| policy engine, default policy (40 terms) | 30,000 comments/s, p99 80 µs | ≥ 20,000 comments/s | yes | abc1234 2026-11-27 10:00 |',
    );
    const doc = writeBlock(
      'x\n<!-- figures:bench:start -->\nold\n<!-- figures:bench:end -->\ny\n',
      'bench',
      record,
      block,
    );
    expect(readRecord(doc, 'bench')).toEqual(record);
  });
});
