// CriticMarkup annotations (server/src/article/annotations.ts, annotated.ts): parsing,
// the text "as if absent", and the model of an annotated article, which must read
// exactly as the article without its markup and never flag or fix the user's notes.
import * as assert from 'node:assert';
import { analyzeArticle, applyEdits, ArticleModel, parseAnnotations, projectAnnotations, SiteChromeIndex, toAnnotated, withSiteChrome } from '../../server/src/article';
import { cleanEdits } from '../../server/src/clean';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { corpusPages, DEFAULT_SEED, fuzzCase } from '../fuzz/fuzz';
import { checkText } from './invariants';
import { loadSeed } from './helpers';
import { NEWSLETTER, page } from './siteChromeFixtures';

/** Inserts markup into a text at offsets (any order): wrap [start, end) in `open`/`close`. */
function annotate(text: string, marks: { start: number; end: number; open: string; close: string }[]): string {
  const sorted = [...marks].sort((a, b) => b.start - a.start);
  let out = text;
  for (const m of sorted) out = out.slice(0, m.start) + m.open + out.slice(m.start, m.end) + m.close + out.slice(m.end);
  return out;
}

/** Marks for a page: a highlight with a tagged note on each story's title, a note at the
 * end of every 4th line, a deletion around the text of every 7th line, a substitution on
 * a word of every 9th line. */
function marksFor(text: string, plain: ArticleModel) {
  const marks: { start: number; end: number; open: string; close: string }[] = [];
  const used = new Set<number>();
  for (const s of plain.stories) {
    used.add(s.titleLine);
    marks.push({ start: s.titleSpan.start, end: s.titleSpan.end, open: '{==', close: '==}{>>#claim check this headline<<}' });
  }
  const lines = text.split('\n');
  let at = 0;
  lines.forEach((l, i) => {
    const end = at + l.replace(/\r$/, '').length;
    if (!used.has(i) && l.trim()) {
      if (i % 4 === 0) marks.push({ start: end, end, open: '{>>#source ask the desk<<}', close: '' });
      else if (i % 7 === 0) marks.push({ start: at, end, open: '{--', close: '--}' });
      else if (i % 9 === 0) {
        const sp = l.indexOf(' ');
        if (sp > 0) marks.push({ start: at, end: at + sp, open: '{~~', close: '~>changed~~}' });
      }
    }
    at += l.length + 1;
  });
  return marks;
}

/** A slice of annotated text with its markup taken out (the slice may start or end inside
 * markup: a span of the model may cross a highlight's closer or a substitution). */
function strip(slice: string): string {
  return slice.replace(/\{>>.*?<<\}|\{\+\+.*?\+\+\}|~>.*?~~\}|\{==|==\}|\{--|--\}|\{~~/g, '');
}

function outline(m: ArticleModel) {
  return m.stories.map((s) => ({ title: s.title, start: s.startLine, end: s.endLine, titleLine: s.titleLine, crossheads: s.crossheads.map((c) => [c.line, c.text]), authors: s.authors }));
}

/** The plain model's findings expressed on the annotated text (findings are compared by
 * kind, lines and the text they span). */
function findingKeys(m: ArticleModel): string[] {
  return m.findings.map((f) => `${f.kind}@${f.lines ? `${f.lines.first}-${f.lines.last}` : ''}:${m.text.slice(f.span.start, f.span.end)}`);
}

describe('annotations: CriticMarkup parsing', () => {
  it('reads the five kinds, a highlight\'s note, and the tags in notes', () => {
    const text = 'A {==claim==}{>>#Claim needs a #second-source.<<} and {>>standalone<<} {++added++} {--removed--} {~~old~>new~~}.';
    const { items, problems } = parseAnnotations(text);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(items.map((a) => [a.kind, a.text, text.slice(a.span.start, a.span.end)]), [
      ['highlight', 'claim', '{==claim==}'],
      ['note', '#Claim needs a #second-source.', '{>>#Claim needs a #second-source.<<}'],
      ['note', 'standalone', '{>>standalone<<}'],
      ['insertion', 'added', '{++added++}'],
      ['deletion', 'removed', '{--removed--}'],
      ['substitution', 'old', '{~~old~>new~~}'],
    ]);
    assert.strictEqual(items[0].note, 1);
    assert.strictEqual(items[1].highlight, 0);
    assert.strictEqual(items[2].highlight, undefined);
    assert.strictEqual(items[5].newText, 'new');
    assert.deepStrictEqual(items[1].tags.map((t) => [t.name, text.slice(t.span.start, t.span.end)]), [['#claim', '#Claim'], ['#second-source', '#second-source']]);
  });

  it('reports an opener without a closer on its line, and never pairs it across a line break', () => {
    const text = 'First {==unclosed line\nsecond line==} and {>>a note<<}\n{~~no arrow~~}';
    const { items, problems } = parseAnnotations(text);
    assert.deepStrictEqual(items.map((a) => a.kind), ['note']);
    assert.deepStrictEqual(problems.map((p) => [p.kind, p.line, text.slice(p.span.start, p.span.end), p.closer]), [
      ['highlight', 0, '{==', '==}'],
      ['substitution', 2, '{~~no arrow~~}', undefined],
    ]);
  });

  it('a "#" inside a word or a URL is not a tag', () => {
    const { items } = parseAnnotations('{>>see example.com/#anchor and C# code, then #todo<<}');
    assert.deepStrictEqual(items[0].tags.map((t) => t.name), ['#todo']);
  });

  it('stays linear on hostile input: 100,000 unclosed openers on one line, and openers whose closer is lines away', () => {
    for (const text of ['{=='.repeat(100_000), '{~~a~~}'.repeat(50_000), '{=='.repeat(50_000) + '\n==}', ('{>> x\n').repeat(50_000) + '<<}', '{~~'.repeat(30_000) + '~~}']) {
      const t0 = performance.now();
      const r = parseAnnotations(text);
      const ms = performance.now() - t0;
      assert.ok(ms < 500, `${ms.toFixed(0)} ms on ${text.slice(0, 12)}…`);
      assert.ok(r.problems.length > 0);
    }
  });
});

describe('annotations: the text as if the markup were absent', () => {
  it('keeps highlighted text, deletions and old sides; leaves out notes and insertions; maps offsets back', () => {
    const text = 'A {==claim==}{>>note<<} was {++not ++}{--never--} made {~~here~>there~~}.';
    const { items } = parseAnnotations(text);
    const p = projectAnnotations(text, items);
    assert.strictEqual(p.text, 'A claim was never made here.');
    const broken = 'A {==stray opener and {~~no arrow~~}.';
    const r = parseAnnotations(broken);
    assert.strictEqual(projectAnnotations(broken, r.items, r.problems).text, 'A stray opener and no arrow.');
    for (const word of ['claim', 'was', 'never', 'made', 'here']) {
      const at = p.text.indexOf(word);
      const s = toAnnotated(p, at, 'start');
      const e = toAnnotated(p, at + word.length, 'end');
      assert.strictEqual(text.slice(s, e), word);
    }
  });
});

describe('annotations: the model reads an annotated article as if the markup were absent', () => {
  const pages = [{ name: 'seed', text: loadSeed().text }, ...corpusPages()];

  it('a text without markup gets no annotations field (its model is unchanged)', () => {
    assert.strictEqual(analyzeArticle(loadSeed().text).annotations, undefined);
  });

  for (const which of ['seed', 'the dev corpus']) {
    it(`on ${which}: same outline, people and findings; nothing flagged or fixed inside an annotation; cleaning keeps every annotation`, () => {
      const chosen = which === 'seed' ? pages.slice(0, 1) : pages.slice(1);
      let dropped = 0;
      let kept = 0;
      for (const page of chosen) {
        const plain = analyzeArticle(page.text);
        const annotated = annotate(page.text, marksFor(page.text, plain));
        const m = analyzeArticle(annotated);
        const items = m.annotations!.items;
        assert.ok(items.length >= plain.stories.length * 2, page.name);
        // the projection of the annotated text is the page itself
        assert.strictEqual(projectAnnotations(annotated, items).text, page.text, page.name);
        assert.deepStrictEqual(outline(m), outline(plain), page.name);
        // a block's span, markup taken out, is its text
        assert.deepStrictEqual(m.blocks.map((b) => [b.line, b.role, b.text, strip(annotated.slice(b.span.start, b.span.end))]), plain.blocks.map((b) => [b.line, b.role, b.text, b.text]), page.name);
        assert.deepStrictEqual(m.people.map((p) => [p.name, p.mentions.map((x) => strip(annotated.slice(x.span.start, x.span.end)))]), plain.people.map((p) => [p.name, p.mentions.map((x) => page.text.slice(x.span.start, x.span.end))]), page.name);
        // where a person is introduced, and short forms with their definitions, too
        const at = (t: string, s: { start: number; end: number } | undefined, markup: boolean) => (s ? (markup ? strip(t.slice(s.start, s.end)) : t.slice(s.start, s.end)) : undefined);
        assert.deepStrictEqual(m.people.map((p) => at(annotated, p.introduced?.span, true)), plain.people.map((p) => at(page.text, p.introduced?.span, false)), page.name);
        const forms = (x: typeof m, t: string, markup: boolean) => x.acronyms.map((a) => [a.short, at(t, a.definition.span, markup), a.mentions.map((k) => at(t, k.span, markup))]);
        assert.deepStrictEqual(forms(m, annotated, true), forms(plain, page.text, false), page.name);
        // every finding of the annotated page is one of the plain page's, at the same text
        const plainKeys = new Set(findingKeys(plain));
        for (const k of findingKeys(m)) assert.ok(plainKeys.has(k), `${page.name}: ${k} is not a finding of the page without markup`);
        dropped += plain.findings.length - m.findings.length;
        kept += m.findings.length;
        // nothing flagged or edited inside an annotation
        const inside = (s: number, e: number) => items.some((a) => s < a.span.end && a.span.start < e);
        for (const f of m.findings) {
          assert.ok(!inside(f.span.start, f.span.end), `${page.name}: finding inside an annotation`);
          for (const e of f.fix.edits) assert.ok(!inside(e.start, e.end), `${page.name}: fix edit inside an annotation`);
        }
        // the model's invariants (ranges, fix-all edits, text removed only inside findings)
        assert.deepStrictEqual(checkText(annotated).violations, [], page.name);
        const cleaned = applyEdits(annotated, cleanEdits(m, DEFAULT_SETTINGS));
        for (const a of items) assert.ok(cleaned.includes(annotated.slice(a.span.start, a.span.end)), `${page.name}: cleaning lost ${annotated.slice(a.span.start, a.span.end)}`);
      }
      // the test means something: findings were both kept and dropped
      assert.ok(kept > 0 && dropped > 0, `kept ${kept}, dropped ${dropped}`);
    });
  }

  it('on 100 damaged pages (the fuzzer\'s cases) annotated the same way: every invariant holds, no fix touches an annotation', () => {
    const pages = corpusPages();
    for (let i = 0; i < 100; i++) {
      const c = fuzzCase(pages, DEFAULT_SEED, i);
      const annotated = annotate(c.text, marksFor(c.text, analyzeArticle(c.text)));
      const r = checkText(annotated, { idempotence: true });
      assert.deepStrictEqual(r.violations, [], `case ${i}`);
      const items = r.model!.annotations?.items ?? [];
      const fixed = r.fixed ?? annotated;
      for (const a of items) assert.ok(fixed.includes(annotated.slice(a.span.start, a.span.end)), `case ${i}: fix-all lost an annotation`);
    }
  });

  it('a line of cruft inside a highlight, or holding a note, is not flagged; the same line without markup is', () => {
    const { text } = loadSeed();
    const plain = analyzeArticle(text);
    const f = plain.findings.find((x) => x.kind === 'ui-label' && x.lines)!;
    assert.ok(f, 'the seed has a button label');
    const line = text.slice(f.span.start, f.span.end);
    for (const [open, close] of [['{==', '==}'], ['', '{>>keep this: the label is quoted in the story<<}'], ['{--', '--}']]) {
      const annotated = text.slice(0, f.span.start) + open + line + close + text.slice(f.span.end);
      const m = analyzeArticle(annotated);
      assert.ok(!m.findings.some((x) => x.lines && x.lines.first <= f.lines!.first && f.lines!.first <= x.lines.last), `${open}${close}: still flagged`);
      assert.strictEqual(m.findings.length, plain.findings.length - 1, `${open}${close}`);
    }
  });

  it('a line the folder\'s evidence calls chrome is not flagged when it holds a note (in the reading and in the cache\'s overlay)', () => {
    const pages = [0, 1, 2, 3, 4, 5].map((i) => page(i));
    const idx = new SiteChromeIndex();
    pages.forEach((t, i) => idx.set(`/site/page${i}.article`, '/site', t));
    const lookup = idx.lookup('/site');
    const line = pages[0].split('\n').indexOf(NEWSLETTER);
    const flagged = (m: ArticleModel) => m.findings.some((f) => f.lines && f.lines.first <= line && line <= f.lines.last);
    assert.ok(flagged(analyzeArticle(pages[0], { siteChrome: lookup })), 'the newsletter line is not flagged without a note: the setup is wrong');
    const annotated = pages[0].replace(NEWSLETTER, `${NEWSLETTER} {>>keep: we quote this box in the story<<}`);
    assert.ok(!flagged(analyzeArticle(annotated, { siteChrome: lookup })));
    assert.ok(!flagged(withSiteChrome(analyzeArticle(annotated), lookup)));
    // with a note elsewhere, the evidence still applies to the annotated page
    const elsewhere = pages[0].replace(/\.\n/, '. {>>#check<<}\n');
    assert.notStrictEqual(elsewhere, pages[0]);
    const m = analyzeArticle(elsewhere, { siteChrome: lookup });
    assert.ok(m.annotations?.items.length === 1 && flagged(m));
    assert.ok(m.findings.some((f) => /appears? in \d+ of \d+ scrapes/.test(f.message)));
  });

  it('malformed markup only: the model reads the text without the stray opener, and reports it', () => {
    const { text } = loadSeed();
    const broken = text.replace('\n', ' {==\n');
    const m = analyzeArticle(broken);
    assert.strictEqual(m.annotations!.items.length, 0);
    assert.strictEqual(m.annotations!.problems.length, 1);
    assert.deepStrictEqual(outline(m), outline(analyzeArticle(text)));
  });
});
