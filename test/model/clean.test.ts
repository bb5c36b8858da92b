// Cleaning as the editor does it (server/src/clean.ts: source.fixAll.galley, Clean
// Article, its preview, the command line): cleaning a cleaned article changes nothing.
import * as assert from 'node:assert';
import { analyzeArticle, applyEdits } from '../../server/src/article';
import { cleanEdits } from '../../server/src/clean';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { corpusPages, DEFAULT_SEED, fuzzCase } from '../fuzz/fuzz';
import { loadSeed } from './helpers';

function cleanTwice(text: string): { once: string; secondEdits: number } {
  const once = applyEdits(text, cleanEdits(analyzeArticle(text), DEFAULT_SETTINGS));
  return { once, secondEdits: cleanEdits(analyzeArticle(once), DEFAULT_SETTINGS).length };
}

describe('clean: fixing twice equals fixing once', () => {
  const pages = corpusPages();

  it('on the seed, and on the seed with an editor’s note above its headline (kept)', () => {
    const { text } = loadSeed();
    assert.strictEqual(cleanTwice(text).secondEdits, 0);
    const note = 'Editor’s note: this paragraph was added to the article after it was scraped, and it stays in the cleaned text.';
    const r = cleanTwice(`${note}\n\n${text}`);
    assert.strictEqual(r.secondEdits, 0);
    assert.ok(r.once.startsWith(note));
  });

  it('on every page of the dev corpus', () => {
    assert.ok(pages.length >= 87);
    const failing = pages.filter((p) => cleanTwice(p.text).secondEdits > 0).map((p) => p.name);
    assert.deepStrictEqual(failing, []);
  });

  it('on 300 damaged pages (the fuzzer’s first cases): at most 1% need a second clean', () => {
    let bad = 0;
    for (let i = 0; i < 300; i++) if (cleanTwice(fuzzCase(pages, DEFAULT_SEED, i).text).secondEdits > 0) bad++;
    assert.ok(bad <= 3, `${bad} of 300`);
  });
});
