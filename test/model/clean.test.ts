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

describe('clean: a cleaned article keeps its outline', () => {
  const titles = (text: string) => analyzeArticle(text).stories.map((s) => s.title);
  const cleaned = (text: string) => applyEdits(text, cleanEdits(analyzeArticle(text), DEFAULT_SETTINGS));

  it('the seed’s five stories survive the loss of the "Keep Reading" markers and photo credits that helped find them', () => {
    const { text } = loadSeed();
    const before = titles(text);
    assert.strictEqual(before.length, 5);
    assert.deepStrictEqual(titles(cleaned(text)), before);
  });

  // Known gap, held here so that it only shrinks: cleaning keeps a page's first line
  // when it may be the title, and on the cleaned page, with the menus around it gone,
  // that line may be read as the headline ("Enter search terms here.", an app's pitch);
  // or a second story made of a page's furniture (a newsletter pitch, a related
  // teaser) goes with the furniture, which is a better reading. 14 of 87 pages on
  // 2026-12-06 before short labels, image names and breadcrumbs stopped winning the
  // headline (test/model/headlines.test.ts); 8 after that and the related-link rules.
  it('on the dev corpus, the stories of a page are the stories of its cleaned text (on all but 8 pages)', () => {
    const changed = corpusPages()
      .filter((p) => JSON.stringify(titles(p.text)) !== JSON.stringify(titles(cleaned(p.text))))
      .map((p) => p.name);
    assert.ok(changed.length <= 8, `${changed.length} pages: ${changed.join(', ')}`);
  });
});
