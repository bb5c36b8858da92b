// The outline (documentSymbol), folding and the author hover cards over LSP, for the
// seed scrape, against its reference reading (1-based lines; LSP lines are 0-based).
import * as assert from 'node:assert';
import type { DocumentSymbol, FoldingRange, Hover, Position } from 'vscode-languageserver';
import { isBlankText, loadSeed, RefArticle, splitLines, titleLineOf } from '../model/helpers';
import { mdLinks, rangeContains, rangeContainsPosition, rangeInside, SeedSession, startSeedSession, unescapeMd } from './util';

// the reference is needed when mocha collects the tests, before any session starts
const { ref } = loadSeed();

describe('lsp: outline, folding and hovers on the seed', () => {
  let s: SeedSession;
  before(async () => {
    s = await startSeedSession({ pull: true });
  });
  after(async () => {
    await s?.client.kill();
  });

  const lines = () => splitLines(s.seed.text);

  // ------------------------------------------------------------ documentSymbol

  describe('documentSymbol', () => {
    let symbols: DocumentSymbol[];
    before(async () => {
      symbols = await s.client.request('textDocument/documentSymbol', { textDocument: { uri: s.uri } });
    });

    function nameMatches(sym: DocumentSymbol, a: RefArticle): boolean {
      if (a.headline) return sym.name === a.headline.text;
      const line = lines()[titleLineOf(a) - 1].text.trim();
      const words = sym.name.replace(/…$/, '').trim();
      return words.split(/\s+/).length >= 3 && line.startsWith(words);
    }

    it('has one symbol per reference story, in reading order, named from the reference', () => {
      assert.ok(Array.isArray(symbols), 'no symbols');
      assert.strictEqual(symbols.length, ref.articles.length, JSON.stringify(symbols.map((x) => x.name)));
      ref.articles.forEach((a, i) => {
        assert.ok(nameMatches(symbols[i], a), `symbol ${i}: ${JSON.stringify(symbols[i].name)} does not name ${a.headline?.text ?? 'line ' + a.untitledFirstLine}`);
      });
    });

    it("spans each story's reference lines, its selection on the title line", () => {
      const got = symbols.map((x) => [x.range.start.line + 1, x.range.end.line + 1, x.selectionRange.start.line + 1]);
      const want = ref.articles.map((a) => [a.lines[0], a.lines[1], titleLineOf(a)]);
      assert.deepStrictEqual(got, want);
    });

    it('has the crossheads and the authors of each story as its children', () => {
      const got = symbols.map((x) => (x.children ?? []).map((c) => `${c.range.start.line + 1} ${c.name}`));
      const want = ref.articles.map((a) =>
        [
          ...a.crossheads.map((c) => ({ line: c.line, name: c.text })),
          ...a.authors.map((name) => {
            const who = ref.authors.find((x) => x.name === name);
            assert.ok(who, `the reference has no author entry for ${name}`);
            return { line: who.nameLine, name };
          }),
        ]
          .sort((x, y) => x.line - y.line)
          .map((c) => `${c.line} ${c.name}`),
      );
      assert.deepStrictEqual(got, want);
    });

    it('marks the teasers (stories the page cut off) in their detail', () => {
      const got = symbols.map((x) => /teaser/i.test(x.detail ?? ''));
      assert.deepStrictEqual(got, ref.articles.map((a) => !a.complete));
    });

    it('keeps children inside their parents and every selection inside its range', () => {
      const problems: string[] = [];
      const visit = (sym: DocumentSymbol, parent?: DocumentSymbol) => {
        if (!rangeInside(lines(), sym.range)) problems.push(`${sym.name}: range outside the document`);
        if (!rangeContains(sym.range, sym.selectionRange)) problems.push(`${sym.name}: selectionRange outside range`);
        if (parent && !rangeContains(parent.range, sym.range)) problems.push(`${sym.name}: outside its parent ${parent.name}`);
        for (const c of sym.children ?? []) visit(c, sym);
      };
      for (const sym of symbols) visit(sym);
      assert.deepStrictEqual(problems, []);
      for (let i = 1; i < symbols.length; i++) {
        assert.ok(symbols[i - 1].range.end.line < symbols[i].range.start.line, `stories ${i - 1} and ${i} overlap`);
      }
    });
  });

  // ------------------------------------------------------------ foldingRange

  describe('foldingRange', () => {
    let ranges: FoldingRange[];
    before(async () => {
      ranges = await s.client.request('textDocument/foldingRange', { textDocument: { uri: s.uri } });
    });

    it('folds each story', () => {
      const missing = ref
        .articles.filter((a) => !ranges.some((r) => r.startLine === a.lines[0] - 1 && r.endLine === a.lines[1] - 1))
        .map((a) => a.lines.join('-'));
      assert.deepStrictEqual(missing, []);
    });

    it("folds each crosshead's section, up to the next crosshead or the end of the story", () => {
      const problems: string[] = [];
      for (const a of ref.articles) {
        a.crossheads.forEach((c, k) => {
          const next = a.crossheads[k + 1];
          const maxEnd = next ? next.line - 2 : a.lines[1] - 1; // 0-based
          let minEnd = maxEnd;
          while (minEnd > c.line - 1 && isBlankText(lines()[minEnd].text)) minEnd--;
          const r = ranges.find((x) => x.startLine === c.line - 1);
          if (!r) problems.push(`no fold at crosshead line ${c.line}`);
          else if (r.endLine < minEnd || r.endLine > maxEnd) problems.push(`crosshead line ${c.line} folds to line ${r.endLine + 1}, not ${minEnd + 1}-${maxEnd + 1}`);
        });
      }
      assert.deepStrictEqual(problems, []);
    });

    it('gives only well-formed ranges', () => {
      const n = lines().length;
      assert.deepStrictEqual(ranges.filter((r) => !(r.startLine >= 0 && r.startLine < r.endLine && r.endLine < n)), []);
    });
  });

  // ------------------------------------------------------------ hover

  describe('hover on the authors', () => {
    async function hoverAt(p: Position): Promise<Hover | null> {
      return s.client.request('textDocument/hover', { textDocument: { uri: s.uri }, position: p });
    }

    /** Where a piece of text starts on a (1-based) line, plus `into` characters. */
    function positionOf(line1: number, needle: string, into = 2): Position {
      const t = lines()[line1 - 1].text;
      const at = t.indexOf(needle);
      assert.ok(at >= 0, `${JSON.stringify(needle)} is not on line ${line1}`);
      return { line: line1 - 1, character: at + Math.min(into, needle.length - 1) };
    }

    // one card per author, reached from the name line, the name in the bio and the handle
    for (const author of ref.authors) {
      const places: [string, () => Position][] = [
        [`the name line (${author.nameLine})`, () => positionOf(author.nameLine, author.name)],
        [`the name in the bio (line ${author.bioLine})`, () => positionOf(author.bioLine, author.name, author.name.length - 2)],
      ];
      if (author.handle) places.push([`"@${author.handle}" (line ${author.bioLine})`, () => positionOf(author.bioLine, '@' + author.handle, 3)]);

      for (const [where, at] of places) {
        it(`shows ${author.name}'s card on ${where}`, async () => {
          const p = at();
          const h = await hoverAt(p);
          assert.ok(h, 'no hover');
          const contents = h.contents as { kind: string; value: string };
          assert.strictEqual(contents.kind, 'markdown');
          const md = contents.value;
          const plain = unescapeMd(md);
          const links = mdLinks(md);
          assert.ok(plain.includes(author.name), `the card does not name ${author.name}:\n${md}`);
          // the handle, as a link to the profile
          const handleLinks = links.filter((l) => l.text.replace(/^@/, '') === author.handle);
          if (author.handle) {
            assert.strictEqual(handleLinks.length, 1, `no profile link for @${author.handle}:\n${md}`);
            assert.ok(/^https:\/\/[^/]+\/.*\S/.test(handleLinks[0].target) && handleLinks[0].target.includes(author.handle), `not a profile link: ${handleLinks[0].target}`);
          } else {
            assert.deepStrictEqual(links.filter((l) => l.text.startsWith('@')), [], 'a handle link for an author without a handle');
          }
          // the one-line summary
          assert.ok(plain.includes(author.summary), `the summary ${JSON.stringify(author.summary)} is missing:\n${md}`);
          // a link to each story, with its line number
          for (const storyLine of author.articles) {
            const story = ref.articles.find((a) => titleLineOf(a) === storyLine);
            assert.ok(story, `the reference has no story at line ${storyLine}`);
            const link = links.find((l) => l.target.startsWith(s.uri) && new RegExp(`(^|\\D)${storyLine}(\\D|$)`).test(l.target.slice(s.uri.length)));
            assert.ok(link, `no link to line ${storyLine} of the document:\n${md}`);
            if (story.headline) assert.strictEqual(link.text, story.headline.text);
            else assert.ok(lines()[storyLine - 1].text.startsWith(link.text.replace(/…$/, '').trim()), `link text ${link.text}`);
          }
          // the bio
          assert.ok(plain.includes(lines()[author.bioLine - 1].text.trim()), `the bio is missing:\n${md}`);
          // the hover range is where the mouse is
          if (h.range) assert.ok(rangeContainsPosition(h.range, p), `hover range ${JSON.stringify(h.range)} does not contain ${JSON.stringify(p)}`);
        });
      }
    }

    it('shows nothing on words that name no author', async () => {
      const headline = ref.articles[0].headline;
      assert.ok(headline, 'the first reference story has no headline');
      assert.strictEqual(await hoverAt({ line: headline.line - 1, character: 2 }), null);
    });
  });
});
