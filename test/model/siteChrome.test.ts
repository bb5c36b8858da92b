// Site chrome across a folder: the index (counts of distinct documents per line and
// folder, copies counted once, updates) and the model's use of it (withSiteChrome).
import * as assert from 'node:assert';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSnapshot } from 'node:v8';
import { analyzeArticle, applyEdits, chromeLevel, fixAllEdits, lineTable, SiteChromeIndex } from '../../server/src/article';
import { normalizeKey } from '../../server/src/article/blocks';
import { CountTable, hash53, lineHash, lineHashes } from '../../server/src/article/siteChrome';
import { repoRoot } from './helpers';
import { FOOTER, MENU, NEWSLETTER, page, paragraphs } from './siteChromeFixtures';

const DEV = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');

const FOLDER = '/site';

function indexOf(pages: string[], folder = FOLDER): SiteChromeIndex {
  const idx = new SiteChromeIndex();
  pages.forEach((t, i) => idx.set(`${folder}/page${i}.article`, folder, t));
  return idx;
}

const six = [0, 1, 2, 3, 4, 5].map((i) => page(i));

/** The 0-based line of a text's first line equal to `line`. */
function lineNo(text: string, line: string): number {
  const n = text.split('\n').indexOf(line);
  assert.ok(n >= 0, `no line ${JSON.stringify(line)}`);
  return n;
}

describe('model: site chrome index', () => {
  it('counts the distinct documents of a folder that contain each line', () => {
    const idx = indexOf(six);
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 6, of: 6 });
    assert.deepStrictEqual(idx.evidence(FOLDER, FOOTER), { docs: 6, of: 6 });
    assert.deepStrictEqual(idx.evidence(FOLDER, NEWSLETTER), { docs: 6, of: 6 });
    assert.deepStrictEqual(idx.evidence(FOLDER, paragraphs(2)[1]), { docs: 1, of: 6 });
    assert.strictEqual(idx.evidence(FOLDER, 'A line that is in no document'), undefined);
    assert.strictEqual(idx.evidence('/elsewhere', MENU), undefined);
    assert.strictEqual(idx.folderDocs(FOLDER), 6);
  });

  it('matches lines by their normalised text (case, quotes, bullets, spacing) and counts a line once per document', () => {
    const idx = indexOf([...six.slice(0, 3), six[3] + '\n' + MENU + '\n' + MENU]);
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU.toUpperCase()), { docs: 4, of: 4 });
    assert.deepStrictEqual(idx.evidence(FOLDER, '• ' + MENU.replace(/ \| /g, ' |  ')), { docs: 4, of: 4 });
  });

  it('counts identical copies of a document once, whatever their line breaks', () => {
    const idx = indexOf(six);
    assert.strictEqual(idx.set('/site/copy.article', FOLDER, six[0]), false);
    assert.strictEqual(idx.set('/site/copy-crlf.article', FOLDER, six[0].replace(/\n/g, '\r\n') + '\r\n\r\n'), false);
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 6, of: 6 });
    assert.deepStrictEqual(idx.evidence(FOLDER, paragraphs(0)[0]), { docs: 1, of: 6 });
    // the copies keep the document counted when the original goes
    assert.strictEqual(idx.delete('/site/page0.article'), false);
    assert.deepStrictEqual(idx.evidence(FOLDER, paragraphs(0)[0]), { docs: 1, of: 6 });
    idx.delete('/site/copy.article');
    assert.strictEqual(idx.delete('/site/copy-crlf.article'), true);
    assert.strictEqual(idx.evidence(FOLDER, paragraphs(0)[0]), undefined);
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 5, of: 5 });
  });

  it('updates the counts when a document changes, is deleted or moves to another folder', () => {
    const idx = indexOf(six);
    const g0 = idx.generation(FOLDER);
    assert.strictEqual(idx.set('/site/page2.article', FOLDER, page(2, { menu: false })), true);
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 5, of: 6 });
    assert.ok(idx.generation(FOLDER) > g0, 'the generation did not change');
    // setting the same text again changes nothing
    const g1 = idx.generation(FOLDER);
    assert.strictEqual(idx.set('/site/page2.article', FOLDER, page(2, { menu: false })), false);
    assert.strictEqual(idx.generation(FOLDER), g1);
    idx.delete('/site/page3.article');
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 4, of: 5 });
    assert.strictEqual(idx.has('/site/page3.article'), false);
    idx.set('/site/page4.article', '/other', page(4));
    assert.deepStrictEqual(idx.evidence(FOLDER, MENU), { docs: 3, of: 4 });
    assert.deepStrictEqual(idx.evidence('/other', MENU), { docs: 1, of: 1 });
    assert.strictEqual(idx.folderOf('/site/page4.article'), '/other');
    for (const d of [...idx.documents()]) idx.delete(d);
    assert.strictEqual(idx.folderDocs(FOLDER), 0);
    assert.strictEqual(idx.stats().lines, 0);
    // a folder emptied and filled again never repeats a generation
    idx.set('/site/again.article', FOLDER, six[0]);
    assert.ok(idx.generation(FOLDER) > g1);
  });

  it('keeps exact counts through growth and deletions (thousands of documents and lines)', () => {
    const idx = new SiteChromeIndex();
    const N = 2000;
    const text = (i: number) => [`Menu of section ${i % 7}`, `Line shared by every document`, `Unique line number ${i}`, `Pair line ${i >> 1}`].join('\n');
    for (let i = 0; i < N; i++) idx.set(`/d/${i}`, '/d', text(i));
    assert.deepStrictEqual(idx.evidence('/d', 'Line shared by every document'), { docs: N, of: N });
    assert.deepStrictEqual(idx.evidence('/d', 'Menu of section 3'), { docs: Math.ceil((N - 3) / 7), of: N });
    assert.deepStrictEqual(idx.evidence('/d', 'Pair line 17'), { docs: 2, of: N });
    for (let i = 0; i < N; i += 2) idx.delete(`/d/${i}`);
    assert.deepStrictEqual(idx.evidence('/d', 'Line shared by every document'), { docs: N / 2, of: N / 2 });
    assert.deepStrictEqual(idx.evidence('/d', 'Pair line 17'), { docs: 1, of: N / 2 });
    assert.strictEqual(idx.evidence('/d', 'Unique line number 16'), undefined);
    assert.deepStrictEqual(idx.evidence('/d', 'Unique line number 17'), { docs: 1, of: N / 2 });
    // 7 menus + 1 shared + N/2 unique + N/2 pair lines
    assert.strictEqual(idx.stats().lines, 8 + N);
  });

  it('hash table: counts survive rehashing, zero counts are dropped', () => {
    const t = new CountTable();
    const keys = Array.from({ length: 50_000 }, (_, i) => hash53(`key ${i}`));
    for (const k of keys) t.add(k, 1);
    for (let i = 0; i < keys.length; i += 3) t.add(keys[i], 1);
    for (let i = 0; i < keys.length; i += 2) t.add(keys[i], -1);
    let bad = 0;
    keys.forEach((k, i) => {
      const want = 1 + (i % 3 === 0 ? 1 : 0) - (i % 2 === 0 ? 1 : 0);
      if (t.get(k) !== want) bad++;
    });
    assert.strictEqual(bad, 0);
    assert.strictEqual(t.size, keys.filter((_, i) => i % 2 === 1 || i % 3 === 0).length);
    t.add(hash53('never added'), -1);
    assert.strictEqual(t.get(hash53('never added')), 0);
  });

  it('hashes every non-blank line with letters or digits, with the same line breaks as the model', () => {
    assert.strictEqual(lineHashes('a\n\n  \nb\r\nc\rd').length, 4);
    assert.strictEqual(lineHashes('***\n———\nHome').length, 1);
    assert.deepStrictEqual(lineHashes('Home \t\n'), lineHashes('  home'));
    const long = 'x'.repeat(400);
    assert.notDeepStrictEqual(lineHashes(long), lineHashes(long.toUpperCase()), 'long lines are hashed as they are');
  });

  it("hashes a line's normalised text exactly as normalizeKey reads it (every dev-corpus line, and edge cases)", () => {
    const lines = readdirSync(DEV)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(DEV, f), 'utf8').split(/\r\n|\n|\r/))
      .map((l) => l.trim())
      .filter((l) => l && l.length <= 300);
    lines.push('- Home', '-5 degrees', '*  Menu  item', '"Quoted" and \'single\'', "it's `here`", '--- x ---', '•\tBullet', '- ', 'ÀB Ça', 'a\u00a0b', '-\u00a0Home', 'A  B\tC');
    assert.ok(lines.length > 10_000, `only ${lines.length} lines`);
    const bad = lines.filter((l) => {
      const key = normalizeKey(l);
      return lineHash(l) !== (key ? hash53(key) : -1);
    });
    assert.deepStrictEqual(bad.slice(0, 10), []);
  });

  it('keeps no line text in memory: only numbers (checked in a heap snapshot)', function () {
    this.timeout(300_000); // a heap snapshot of the whole test process: slow on a loaded machine, and not a speed test
    const tag = randomBytes(8).toString('hex');
    // the texts are made and dropped inside the function: only the index can keep them
    const idx = ((): SiteChromeIndex => {
      const i = new SiteChromeIndex();
      for (let k = 0; k < 5; k++) {
        i.set(`/m/${k}`, '/m', `Newsletter ${tag.toUpperCase()} signup\n\nParagraph ${k} of the story ${tag.toUpperCase()} with its own words.`);
      }
      // V8 keeps the subject of the last regular expression match (RegExp.input)
      /x/.test('reset the last match');
      return i;
    })();
    const control = ['Control', tag.toUpperCase(), 'line'].join(' ');
    const snapshot = getHeapSnapshot();
    // built after the snapshot, so that they are not in it themselves
    const needles = [`newsletter ${tag} signup`, `Newsletter ${tag.toUpperCase()} signup`, `story ${tag.toUpperCase()} with`, ['Control', tag.toUpperCase(), 'line'].join(' ')];
    const found = new Set<string>();
    let carry = '';
    return new Promise<void>((resolve, reject) => {
      snapshot.on('data', (chunk: Buffer) => {
        const s = carry + chunk.toString('utf8');
        for (const n of needles) if (s.includes(n)) found.add(n);
        carry = s.slice(-200);
      });
      snapshot.on('error', reject);
      snapshot.on('end', () => {
        try {
          assert.ok(found.has(needles[3]), 'the control string was not found: the snapshot search does not work');
          assert.deepStrictEqual([...found].filter((n) => n !== needles[3]), []);
          assert.deepStrictEqual(idx.evidence('/m', `NEWSLETTER ${tag} SIGNUP`), { docs: 5, of: 5 });
          assert.ok(control.length > 0);
          resolve();
        } catch (e) {
          reject(e);
        }
      });
    });
  });
});

describe('model: site chrome threshold', () => {
  it('is chrome from max(3, 30% of) the distinct documents, in a folder of at least 4; sure from half', () => {
    const cases: [number, number, number][] = [
      [3, 3, 0], // a folder of 3 says nothing
      [3, 4, 2],
      [2, 6, 0], // two documents are never enough
      [3, 6, 2],
      [3, 10, 1],
      [5, 20, 0],
      [6, 20, 1],
      [10, 20, 2],
      [29, 100, 0],
      [30, 100, 1],
    ];
    assert.deepStrictEqual(
      cases.map(([d, o]) => [d, o, chromeLevel(d, o)]),
      cases,
    );
  });
});

describe('model: site chrome in the reading (withSiteChrome)', () => {
  const text = six[0];
  const idx = indexOf(six);
  const base = analyzeArticle(text);
  const model = analyzeArticle(text, { siteChrome: idx.lookup(FOLDER) });
  const at = (m: typeof model, line: number) => m.findings.filter((f) => f.lines && f.lines.first <= line && line <= f.lines.last);

  it('turns a kept line that recurs in every scrape of the folder into navigation, naming the evidence', () => {
    const n = lineNo(text, NEWSLETTER);
    assert.deepStrictEqual(at(base, n), [], 'the model alone already flags the newsletter line: nothing to show');
    const fs = at(model, n);
    assert.strictEqual(fs.length, 1);
    assert.strictEqual(fs[0].kind, 'navigation');
    assert.ok(fs[0].sure);
    assert.deepStrictEqual(fs[0].lines, { first: n, last: n });
    assert.match(fs[0].message, /It appears in 6 of 6 scrapes in this folder\./);
    assert.strictEqual(model.blocks.find((b) => b.line === n)?.role, 'chrome');
  });

  it('adds the evidence to the navigation the model found on its own', () => {
    for (const line of [MENU, FOOTER]) {
      const n = lineNo(text, line);
      const [b] = at(base, n);
      const [m] = at(model, n);
      assert.ok(b && b.kind === 'navigation', `the model alone does not flag ${line}`);
      assert.strictEqual(m.kind, 'navigation');
      assert.deepStrictEqual(m.span, b.span);
      assert.strictEqual(m.message, `${b.message} It appears in 6 of 6 scrapes in this folder.`);
    }
  });

  it('never flags the article: headline, byline, paragraphs', () => {
    const flagged = new Set(model.findings.filter((f) => f.lines).flatMap((f) => [f.lines!.first, f.lines!.last]));
    const article = [lineNo(text, text.split('\n')[2]), ...paragraphs(0).map((p) => lineNo(text, p))];
    assert.deepStrictEqual(article.filter((l) => flagged.has(l)), []);
    assert.strictEqual(model.stories.length, base.stories.length);
  });

  it('never flags a real paragraph, even one shared by every scrape of the folder', () => {
    const prose = 'The Example News newsroom is funded by its readers, and every story we publish is free to read for everyone who lives in the region we cover.';
    const pages = [0, 1, 2, 3, 4, 5].map((i) => page(i, { shared: prose }));
    const i6 = indexOf(pages);
    assert.deepStrictEqual(i6.evidence(FOLDER, prose), { docs: 6, of: 6 });
    const m = analyzeArticle(pages[0], { siteChrome: i6.lookup(FOLDER) });
    assert.deepStrictEqual(at(m, lineNo(pages[0], prose)), []);
    assert.strictEqual(at(m, lineNo(pages[0], NEWSLETTER))[0]?.kind, 'navigation', 'the newsletter line is not flagged: the setup is wrong');
  });

  it('does not flag a line shared by two versions of one article (below the threshold)', () => {
    const update = 'Updated with reaction from the opposition';
    const pages = [page(0, { shared: update }), page(0, { shared: update }).replace('Tuesday evening', 'Tuesday night'), ...[1, 2, 3, 4].map((i) => page(i))];
    const i6 = indexOf(pages);
    assert.deepStrictEqual(i6.evidence(FOLDER, update), { docs: 2, of: 6 });
    const m = analyzeArticle(pages[1], { siteChrome: i6.lookup(FOLDER) });
    assert.deepStrictEqual(at(m, lineNo(pages[1], update)), []);
  });

  it('does not count copies of the same article as evidence (three versions among eight scrapes)', () => {
    const dev = 'This story is developing and will be updated';
    const version = (w: string) => page(0, { shared: dev }).replace('Tuesday evening', w);
    const pages = [version('Tuesday evening'), version('Tuesday night'), version('late on Tuesday'), ...[1, 2, 3, 4, 5].map((i) => page(i))];
    const i8 = indexOf(pages);
    const ev = i8.evidence(FOLDER, dev)!;
    assert.deepStrictEqual(ev, { docs: 3, of: 8 });
    assert.ok(chromeLevel(ev.docs, ev.of) > 0, 'the raw count alone would pass: the case tests nothing');
    const m = analyzeArticle(pages[1], { siteChrome: i8.lookup(FOLDER) });
    assert.deepStrictEqual(at(m, lineNo(pages[1], dev)), []);
    assert.strictEqual(at(m, lineNo(pages[1], NEWSLETTER))[0]?.kind, 'navigation');
  });

  it('shows a line in fewer than half of the scrapes as unsure', () => {
    const pages = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => page(i, { newsletter: i < 4 }));
    const m = analyzeArticle(pages[0], { siteChrome: indexOf(pages).lookup(FOLDER) });
    const [f] = at(m, lineNo(pages[0], NEWSLETTER));
    assert.ok(f, 'not flagged');
    assert.strictEqual(f.sure, false);
    assert.match(f.message, /It appears in 4 of 10 scrapes in this folder\. Unsure: /);
    // 2 of 10 is below the threshold
    const two = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => page(i, { newsletter: i < 2 }));
    const m2 = analyzeArticle(two[0], { siteChrome: indexOf(two).lookup(FOLDER) });
    assert.deepStrictEqual(at(m2, lineNo(two[0], NEWSLETTER)), []);
  });

  it('joins adjacent chrome lines of one story into one finding whose fix removes them', () => {
    const follow = 'Follow Example News on Facebook and Instagram';
    const pages = [0, 1, 2, 3, 4, 5].map((i) => page(i).replace(NEWSLETTER, `${NEWSLETTER}\n\n${follow}`));
    const t = pages[0];
    const m = analyzeArticle(t, { siteChrome: indexOf(pages).lookup(FOLDER) });
    const a = lineNo(t, NEWSLETTER);
    const z = lineNo(t, follow);
    const fs = at(m, a);
    assert.strictEqual(fs.length, 1);
    assert.deepStrictEqual(fs[0].lines, { first: a, last: z });
    assert.match(fs[0].message, /^Page navigation: 2 lines from "Get the Example.*These lines appear in 6 of 6 scrapes in this folder\.$/);
    const fixed = applyEdits(t, fs[0].fix.edits);
    assert.strictEqual(fixed, t.replace(`${NEWSLETTER}\n\n${follow}\n\n`, ''));
    // fix-all removes every piece of navigation, and no article text
    const all = applyEdits(t, fixAllEdits(t, lineTable(t), m.findings, new Set(['navigation'])));
    assert.deepStrictEqual(
      all.split('\n').filter((l) => l.trim()),
      t.split('\n').filter((l) => l.trim() && ![MENU, FOOTER, NEWSLETTER, follow].includes(l)),
    );
  });

  it('leaves the model as it is without evidence, below four scrapes, or with navigation switched off', () => {
    assert.deepStrictEqual(analyzeArticle(text, { siteChrome: () => undefined }).findings, base.findings);
    const three = indexOf(six.slice(0, 3));
    assert.deepStrictEqual(analyzeArticle(text, { siteChrome: three.lookup(FOLDER) }).findings, base.findings);
    const off = analyzeArticle(text, { siteChrome: idx.lookup(FOLDER), disabledKinds: new Set(['navigation']) });
    assert.deepStrictEqual(off.findings.filter((f) => f.kind === 'navigation'), []);
  });
});
