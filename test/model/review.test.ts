// Reviewing suggested changes (server/src/article/review.ts): accepting and rejecting
// CriticMarkup changes, and cleaning written as suggestions, whose acceptance must give
// exactly the text the direct fix-all gives, and whose rejection the text back.
import * as assert from 'node:assert';
import { analyzeArticle, applyEdits, asSuggestions, parseAnnotations, reviewAll, reviewEdits } from '../../server/src/article';
import { cleanEdits } from '../../server/src/clean';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { corpusPages, DEFAULT_SEED, fuzzCase } from '../fuzz/fuzz';
import { loadSeed } from './helpers';

describe('review: accepting and rejecting changes', () => {
  const text = 'Keep {++new ++}words {--old --}here {~~then~>now~~}.\n{--Share--}\nLast {==highlight==}{>>note<<}';

  it('accept all: insertions and new sides stay, deletions go; a line that is one deletion goes with its break; highlights and notes stay', () => {
    assert.strictEqual(reviewAll(text, true), 'Keep new words here now.\nLast {==highlight==}{>>note<<}');
  });

  it('reject all: the text as it was', () => {
    assert.strictEqual(reviewAll(text, false), 'Keep words old here then.\nShare\nLast {==highlight==}{>>note<<}');
  });

  it('one change at a time, leaving the others', () => {
    const items = parseAnnotations(text).items;
    const sub = items.find((a) => a.kind === 'substitution')!;
    assert.strictEqual(applyEdits(text, reviewEdits(text, [sub], false)), text.replace('{~~then~>now~~}', 'then'));
  });

  it('a deleted last line takes the line break before it; a run of deleted lines goes whole', () => {
    assert.strictEqual(reviewAll('A\n{--B--}\n{----}\n{--C--}', true), 'A');
    assert.strictEqual(reviewAll('{--A--}\r\n{----}\r\nB', true), 'B');
    assert.strictEqual(reviewAll('A\n{~~B~>~~}\nC', true), 'A\n\nC');
  });
});

describe('review: Clean Article as Suggestions', () => {
  const pages = [{ name: 'seed', text: loadSeed().text }, ...corpusPages()];

  it('on the seed and every dev-corpus page: accepting all = the direct fix-all, rejecting all = the page; no markup crosses a line break', () => {
    let suggested = 0;
    let direct = 0;
    const kinds = new Map<string, number>();
    for (const page of pages) {
      const edits = cleanEdits(analyzeArticle(page.text), DEFAULT_SETTINGS);
      const fixed = applyEdits(page.text, edits);
      const s = asSuggestions(page.text, edits);
      const marked = applyEdits(page.text, s.edits);
      direct += s.direct;
      const items = parseAnnotations(marked).items;
      suggested += items.length;
      for (const a of items) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
      for (const e of s.edits) if (s.direct === 0) assert.ok(!/[\r\n]/.test(e.newText), `${page.name}: a suggestion crosses a line break`);
      assert.strictEqual(reviewAll(marked, true), fixed, `${page.name}: accepting all`);
      assert.strictEqual(reviewAll(marked, false), page.text, `${page.name}: rejecting all`);
      // the marked cruft is the user's to review now: no finding of the marked text touches it
      const m = analyzeArticle(marked);
      for (const f of m.findings) for (const a of m.annotations!.items) assert.ok(f.span.end <= a.span.start || a.span.end <= f.span.start, `${page.name}: ${f.kind} on a suggestion`);
    }
    assert.ok(suggested > 500, `${suggested} suggestions`);
    // cuts are deletions, repairs substitutions
    assert.ok((kinds.get('deletion') ?? 0) > 100 && (kinds.get('substitution') ?? 0) > 10, JSON.stringify([...kinds]));
    assert.strictEqual(direct, 0, 'edits made directly instead of suggested');
  });

  it('on 150 damaged pages (the fuzzer\'s cases): accepting all = the direct fix-all, rejecting all = the page', () => {
    const pages = corpusPages();
    let direct = 0;
    for (let i = 0; i < 150; i++) {
      const { text } = fuzzCase(pages, DEFAULT_SEED, i);
      const edits = cleanEdits(analyzeArticle(text), DEFAULT_SETTINGS);
      const s = asSuggestions(text, edits);
      const marked = applyEdits(text, s.edits);
      direct += s.direct;
      assert.strictEqual(reviewAll(marked, true), applyEdits(text, edits), `case ${i}: accepting all`);
      if (!s.direct) assert.strictEqual(reviewAll(marked, false), text, `case ${i}: rejecting all`);
    }
    assert.strictEqual(direct, 0, 'edits made directly instead of suggested');
  });

  it('a change inside a line keeps surrogate pairs whole', () => {
    const text = 'Intro\n\nA line 😀 ends here\nThe rest';
    const edits = [{ start: text.indexOf('\n\nA'), end: text.indexOf('\nThe'), newText: '\n\nA line 😃 ends here' }];
    const marked = applyEdits(text, asSuggestions(text, edits).edits);
    assert.ok(marked.includes('{~~😀~>😃~~}'), marked);
    assert.strictEqual(reviewAll(marked, true), applyEdits(text, edits));
  });

  it('a cut of several lines is marked line by line', () => {
    const text = 'Headline about the council\n\nThe council met on Tuesday to talk about the budget for next year.\n\nShare\nTweet\n\nThe mayor said the plan was sound, and the vote is next week.';
    const edits = [{ start: text.indexOf('Share'), end: text.indexOf('The mayor'), newText: '' }];
    const s = asSuggestions(text, edits);
    const marked = applyEdits(text, s.edits);
    assert.ok(marked.includes('{--Share--}\n{--Tweet--}\n{----}\nThe mayor'), marked);
    assert.strictEqual(reviewAll(marked, true), applyEdits(text, edits));
  });
});
