// The metric definitions of scripts/eval-lib.mjs on pages small enough to count by hand
// (the same definitions as test/fixtures/scrapes-dev/README.md, "Metrics").
import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'scripts', 'eval-lib.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`scripts/eval-lib.mjs not found above ${__dirname}`);
    dir = up;
  }
  return dir;
})();

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Span = [number, number, number, string];
interface Page {
  id: string;
  site: string;
  lines: string[];
  spans: Span[];
  titleLines: number[];
  title_source?: string;
}
type Lib = Record<string, any>;

const FIX_MODE = { navigation: 'remove', 'ui-label': 'remove', spacing: 'repair', 'link-residue': 'mark' };
const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function page(id: string, lines: string[], spans: Span[], titleLines: number[] = []): Page {
  return { id, site: id.split('-')[1] ?? id, lines, spans, titleLines, title_source: 'ground-truth' };
}

describe('eval-lib metrics', () => {
  let lib: Lib;
  before(async () => {
    lib = (await import(pathToFileURL(join(repoRoot, 'scripts', 'eval-lib.mjs')).href)) as Lib;
  });

  it('turns ranges into merged per-line intervals, multi-line ranges cover whole middle lines', () => {
    const lines = ['abcdef', 'ghij', 'klmnop', ''];
    const { flags, emptyRanges } = lib.flagsFromRanges([r(0, 4, 2, 2), r(0, 1, 0, 3), r(0, 2, 0, 5), r(1, 1, 1, 1)], lines);
    assert.deepStrictEqual([...flags], [[0, [[1, 6]]], [1, [[0, 4]]], [2, [[0, 2]]]]);
    assert.strictEqual(emptyRanges, 1);
    // past the end: clamped to the last line
    assert.deepStrictEqual([...lib.flagsFromRanges([r(2, 3, 9, 0)], lines).flags], [[2, [[3, 6]]]]);
  });

  it('counts removing kinds only, whatever the severity', () => {
    const p = page('aeb-x', ['Menu Home', 'Body text here.'], [[0, 0, 9, 'boiler_out'], [1, 0, 15, 'body']]);
    const res = lib.pageResult(p, {
      diagnostics: [
        { range: r(0, 0, 0, 4), code: 'navigation', severity: 4 },
        { range: r(1, 0, 1, 4), code: 'spacing' },
        { range: r(1, 5, 1, 9), code: 'link-residue' },
        { range: r(0, 5, 0, 9), code: 'ui-label' },
      ],
      storyLines: [1],
    }, FIX_MODE);
    assert.strictEqual(res.score.bodyFlagged, 0);
    assert.strictEqual(res.score.cruftFlagged, 8);
    assert.strictEqual(res.counted, 2);
  });

  it('aggregates chars over pages: body rate, recall, precision, F1, pages, title, lines, headline', () => {
    const a = page('aeb-a', ['Title', 'Body one two', 'Nav nav'], [[0, 0, 5, 'title'], [1, 0, 12, 'body'], [2, 0, 7, 'boiler_out']], [0]);
    const b = page('traf-b', ['Kept words', 'Drop me', 'x'], [[0, 0, 10, 'body'], [1, 0, 7, 'boiler_snip'], [2, 0, 1, 'boiler_in']], [0]);
    const ra = lib.pageResult(a, { diagnostics: [{ range: r(0, 0, 0, 1), code: 'navigation' }, { range: r(2, 0, 2, 7), code: 'navigation' }], storyLines: [0] }, FIX_MODE);
    const rb = lib.pageResult(b, { diagnostics: [{ range: r(0, 0, 0, 4), code: 'navigation' }, { range: r(1, 0, 1, 3), code: 'navigation' }], storyLines: [2, 1] }, FIX_MODE);
    const agg = lib.aggregate([ra, rb]);
    assert.strictEqual(agg.bodyChars, 22);
    assert.strictEqual(agg.bodyFlaggedChars, 4);
    assert.strictEqual(agg.pagesWithBodyFlagged, 1);
    assert.strictEqual(agg.pagesWithTitle, 1);
    assert.strictEqual(agg.pagesWithTitleFlagged, 1);
    assert.strictEqual(agg.cruftChars, 15);
    assert.strictEqual(agg.cruftFlaggedChars, 10);
    assert.strictEqual(agg.cruftRecall, 10 / 15);
    assert.strictEqual(agg.precision, 10 / 14);
    const p = 10 / 14; const rc = 10 / 15;
    assert.ok(Math.abs(agg.f1 - (2 * p * rc) / (p + rc)) < 1e-12);
    // line figures: a line with ≥ half its cruft flagged counts; 'Drop me' has 3 of 7
    assert.deepStrictEqual(
      { bl: agg.lines.bodyLines, blf: agg.lines.bodyLinesFlagged, cl: agg.lines.cruftLines, clf: agg.lines.cruftLinesFlagged },
      { bl: 2, blf: 1, cl: 3, clf: 1 },
    );
    assert.deepStrictEqual({ hits: agg.headline.hits, pages: agg.headline.pages, max: agg.headline.storiesMax }, { hits: 1, pages: 2, max: 2 });
    assert.strictEqual(agg.perClass.boiler_snip.flagged, 3);
  });

  it('uses nearest-rank quantiles', () => {
    assert.strictEqual(lib.quantile([4, 1, 3, 2], 0.5), 2);
    assert.strictEqual(lib.quantile([1, 2, 3, 4, 5], 0.5), 3);
    assert.strictEqual(lib.quantile([...Array(20).keys()], 0.95), 18);
  });

  it('checks a floor both ways', () => {
    const agg = { bodyFalseFlagRate: 0.02, pagesWithBodyFlagged: 10, pagesWithTitleFlagged: 2, cruftRecall: 0.8, f1: 0.9, headline: { hits: 40 } };
    const checks = lib.checkFloor(agg, { maxBodyFalseFlagRate: 0.01, minCruftRecall: 0.75, minHeadlineHits: 41 });
    assert.deepStrictEqual(checks.map((c: { field: string; ok: boolean }) => [c.field, c.ok]), [
      ['maxBodyFalseFlagRate', false], ['minCruftRecall', true], ['minHeadlineHits', false],
    ]);
  });
});
