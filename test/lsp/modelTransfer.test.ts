import * as assert from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Analyser } from '../../server/src/analyser';
import { analyzeArticle } from '../../server/src/article';
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
