import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { Analyser, Cancelled } from '../../server/src/analyser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStopped, analyzeArticle, analyzeInSteps, ArticleModel, withPeople } from '../../server/src/article';
import { Analysis, ModelCache } from '../../server/src/modelCache';
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
  it('makes the blocks only when they are first read, then keeps them', () => {
    const model = analyzeArticle(seed);
    const got = decodeModel(encodeModel(model), seed);
    assert.ok(Object.getOwnPropertyDescriptor(got, 'blocks')?.get, 'blocks not made yet');
    const first = got.blocks;
    assert.strictEqual(first.length, model.blocks.length);
    assert.strictEqual(Object.getOwnPropertyDescriptor(got, 'blocks')?.value, first, 'then a plain property');
    assert.strictEqual(got.blocks, first);
    assert.deepStrictEqual({ ...got }.blocks, JSON.parse(JSON.stringify(model.blocks)));
    // (a model whose blocks are replaced before they are read keeps the new ones)
    const other = decodeModel(encodeModel(model), seed);
    other.blocks = [];
    assert.deepStrictEqual(other.blocks, []);
  });
  it('a page without notes reads every block as its span\'s slice (what the encoding takes for granted there)', () => {
    const dev = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
    let blocks = 0;
    for (const f of readdirSync(dev).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dev, f), 'utf8');
      const model = analyzeArticle(text);
      if (model.annotations) continue;
      for (const b of model.blocks) assert.strictEqual(b.text, text.slice(b.span.start, b.span.end), `${f} line ${b.line + 1}`);
      blocks += model.blocks.length;
    }
    assert.ok(blocks > 1000);
  });
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

describe('analysis in two steps: findings first, people after', () => {
  const worker = join(repoRoot, 'dist', 'analysisWorker.js');
  const plain = (m: ArticleModel) => JSON.stringify({ ...m, elapsedMs: 0 });

  for (const [name, text] of texts) {
    it(`the first step with its people is the whole model (${name})`, () => {
      const steps = analyzeInSteps(text);
      const whole = analyzeArticle(text);
      assert.deepStrictEqual(steps.findings.people, []);
      assert.deepStrictEqual(steps.findings.acronyms, []);
      assert.ok(steps.findings.stories.every((s) => s.authors.length === 0));
      // everything diagnostics read is there already
      assert.deepStrictEqual(steps.findings.findings, whole.findings);
      assert.deepStrictEqual(steps.findings.blocks, whole.blocks);
      assert.strictEqual(plain(withPeople(steps.findings, steps.people())), plain(whole));
    });
  }

  it('the analysis thread answers the first step before the people, and the whole model after', async function () {
    if (!existsSync(worker)) this.skip();
    const analyser = new Analyser(worker, 0);
    try {
      const job = analyser.analyse(seed, 'a');
      const order: string[] = [];
      const [first, whole] = await Promise.all([job.findings.then((m) => (order.push('findings'), m)), job.result.then((m) => (order.push('whole'), m))]);
      assert.deepStrictEqual(order, ['findings', 'whole']);
      assert.deepStrictEqual(first.people, []);
      assert.ok(whole.people.length > 0, 'the seed names people');
      assert.strictEqual(plain(whole), plain(analyzeArticle(seed)));
    } finally {
      analyser.dispose();
    }
  });

  it('the model cache gives diagnostics the first step while the people are read, and features the whole model', async () => {
    // an analyser whose two answers the test releases by hand
    let release!: () => void;
    const steps = analyzeInSteps(seed);
    const fake = {
      analyse: () => {
        const findings = Promise.resolve(steps.findings);
        const result = new Promise<ArticleModel>((resolve) => {
          release = () => resolve(withPeople(steps.findings, steps.people()));
        });
        return { id: 1, findings, result };
      },
      cancel: () => undefined,
      forget: () => undefined,
      dispose: () => undefined,
    } as unknown as Analyser;
    const analysed: number[] = [];
    const cache = new ModelCache(() => Infinity, () => undefined, fake, (a) => analysed.push(a.version));
    const doc = TextDocument.create('file:///two-steps.article', 'article', 1, seed);
    let whole: Analysis | undefined;
    void cache.get(doc).then((a) => (whole = a));
    const early = await cache.findings(doc);
    assert.strictEqual(whole, undefined, 'the whole model waits for the people');
    assert.deepStrictEqual(early.model!.people, []);
    assert.strictEqual(early.model!.findings.length, steps.findings.findings.length);
    assert.deepStrictEqual(analysed, [], 'an analysis is reported done only with its people');
    release();
    const done = await cache.get(doc);
    assert.ok(done.model!.people.length > 0);
    assert.deepStrictEqual(analysed, [1]);
    // once the whole model is in, diagnostics read it too
    assert.strictEqual(await cache.findings(doc), done);
    assert.strictEqual(cache.computed, 1);
  });
});
