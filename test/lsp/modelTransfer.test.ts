import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { Analyser, Cancelled } from '../../server/src/analyser';
import { AnalysisStopped, analyzeArticle } from '../../server/src/article';
import { decodeModel, encodeModel } from '../../server/src/modelTransfer';
import { loadSeed, repoRoot } from '../model/helpers';

const seed = loadSeed().text;
const texts: [string, string][] = [
  ['the seed', seed],
  ['the seed with CRLF', seed.replace(/\n/g, '\r\n')],
  ['the seed with notes', seed.replace(/\n\n/, ' {>>#source check this<<}\n\n').replace(/ the /, ' {==the==}{>>#claim<<} ')],
  ['an empty text', ''],
];

describe('model transfer: blocks in a buffer, the rest as JSON', () => {
  for (const [name, text] of texts) {
    it(`gives back what a JSON round trip gives (${name})`, () => {
      const model = analyzeArticle(text);
      const expected = { ...JSON.parse(JSON.stringify({ ...model, text: '' })), text };
      const got = decodeModel(encodeModel(model), text);
      assert.deepStrictEqual(got, expected);
      assert.strictEqual(JSON.stringify(got), JSON.stringify(expected));
    });
  }
  it('sends the text of a block that is not its span\'s slice (a line holding notes)', () => {
    const [, text] = texts[2];
    assert.ok(encodeModel(analyzeArticle(text)).texts.length > 0);
  });

  const worker = join(repoRoot, 'dist', 'analysisWorker.js');
  it('the analysis thread answers with the model analysed in place', async function () {
    if (!existsSync(worker)) this.skip();
    const analyser = new Analyser(worker, 0);
    try {
      for (const [, text] of texts) {
        const got = await analyser.analyse(text).result;
        const expected = analyzeArticle(text);
        assert.strictEqual(JSON.stringify({ ...got, elapsedMs: 0 }), JSON.stringify({ ...expected, elapsedMs: 0 }));
      }
      assert.strictEqual(analyser.threaded, texts.length);
    } finally {
      analyser.dispose();
    }
  });
});

describe('analysis thread: a job no longer wanted is stopped, the thread kept', () => {
  const worker = join(repoRoot, 'dist', 'analysisWorker.js');
  const dev = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
  const big = readdirSync(dev).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dev, f), 'utf8')).join('\n\n\n').repeat(2);

  it('an analysis asked to stop throws AnalysisStopped', () => {
    let asked = 0;
    assert.throws(() => analyzeArticle(seed, { shouldStop: () => ++asked === 3 }), (e: unknown) => e instanceof AnalysisStopped);
    assert.strictEqual(asked, 3);
    // never asked to: the same model
    const model = analyzeArticle(seed, { shouldStop: () => false });
    assert.strictEqual(JSON.stringify({ ...model, elapsedMs: 0 }), JSON.stringify({ ...analyzeArticle(seed), elapsedMs: 0 }));
  });

  it('cancels the running job, answers the next on the same thread', async function () {
    if (!existsSync(worker)) this.skip();
    this.timeout(60_000);
    const analyser = new Analyser(worker, 0);
    try {
      await analyser.analyse(seed, 'a').result;
      for (let i = 0; i < 3; i++) {
        const stale = analyser.analyse(big + i, 'b');
        await new Promise((r) => setTimeout(r, 20));
        analyser.cancel(stale.id);
        await assert.rejects(stale.result, (e: unknown) => e instanceof Cancelled);
      }
      const next = await analyser.analyse(big, 'b').result;
      assert.strictEqual(JSON.stringify({ ...next, elapsedMs: 0 }), JSON.stringify({ ...analyzeArticle(big), elapsedMs: 0 }));
      assert.strictEqual(analyser.threads, 1);
    } finally {
      analyser.dispose();
    }
  });
});
