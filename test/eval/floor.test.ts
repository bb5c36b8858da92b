// Regression floor of the cruft findings and the headline outline on the labelled dev
// corpus (test/fixtures/scrapes-dev): the in-process evaluation of `npm run eval`
// (scripts/eval-lib.mjs) must stay within test/eval/floor.json. See test/eval/README.md
// for how to move the floor when the model gets better.
import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle, FIX_MODE } from '../../server/src/article';

/** The repository root, found from this (bundled) file's location. */
const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'eval', 'floor.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`test/eval/floor.json not found above ${__dirname}`);
    dir = up;
  }
  return dir;
})();

interface Aggregate {
  pages: number;
  bodyFalseFlagRate: number | null;
  pagesWithBodyFlagged: number;
  pagesWithTitleFlagged: number;
  cruftRecall: number | null;
  f1: number;
  headline: { hits: number; pages: number } | null;
}
interface FloorCheck {
  field: string;
  bound: number;
  value: number;
  ok: boolean;
}
/** The part of scripts/eval-lib.mjs this test uses. */
interface EvalLib {
  loadCorpus(dir: string): unknown[];
  evaluateInProcess(pages: unknown[], model: { analyzeArticle: typeof analyzeArticle; FIX_MODE: typeof FIX_MODE }): unknown[];
  aggregate(results: unknown[]): Aggregate;
  checkFloor(agg: Aggregate, floor: Record<string, unknown>): FloorCheck[];
  FLOOR_FIELDS: Record<string, unknown>;
}

// an ES module: loaded with import() from a URL computed at run time, so that esbuild
// leaves it to Node instead of bundling it
function loadLib(): Promise<EvalLib> {
  const url = pathToFileURL(join(repoRoot, 'scripts', 'eval-lib.mjs')).href;
  return import(url) as Promise<EvalLib>;
}

describe('evaluation floor on scrapes-dev (test/eval/floor.json)', function () {
  this.timeout(60_000);
  const floor = JSON.parse(readFileSync(join(repoRoot, 'test', 'eval', 'floor.json'), 'utf8')) as Record<string, unknown>;
  let lib: EvalLib;
  let agg: Aggregate;

  before(async () => {
    lib = await loadLib();
    const pages = lib.loadCorpus(join(repoRoot, 'test', 'fixtures', 'scrapes-dev'));
    agg = lib.aggregate(lib.evaluateInProcess(pages, { analyzeArticle, FIX_MODE }));
  });

  it('scores the corpus', () => {
    assert.ok(agg.pages > 0, 'no pages in test/fixtures/scrapes-dev');
    assert.ok(agg.headline && agg.headline.pages > 0, 'no page has a labelled title line');
  });

  it('floor.json bounds only known figures', () => {
    const known = new Set(Object.keys(lib.FLOOR_FIELDS));
    const unknown = Object.keys(floor).filter((k) => !k.startsWith('$') && !known.has(k));
    assert.deepStrictEqual(unknown, [], `unknown fields in floor.json (known: ${[...known].join(', ')})`);
  });

  for (const field of Object.keys(floor).filter((k) => !k.startsWith('$'))) {
    it(`${field} ${field.startsWith('max') ? '≤' : '≥'} ${String(floor[field])}`, () => {
      const check = lib.checkFloor(agg, { [field]: floor[field] })[0];
      assert.ok(check, `${field} is not a floor field`);
      assert.ok(
        check.ok,
        `${field}: ${check.value} is past the floor ${check.bound}. Run \`npm run eval -- --worst 10\` to see which pages ` +
          'moved, and `npm run eval -- --show PAGE_ID` for one page (test/eval/README.md).',
      );
    });
  }
});
