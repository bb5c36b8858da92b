// The pure model on the seed scrape, checked against its reference reading
// (test/fixtures/seed/*.expected.json, 1-based line numbers). Everything the reference
// says is read from it; the model's lines are 0-based.
import * as assert from 'node:assert';
import {
  analyzeArticle, applyEdits, ArticleModel, DEFAULT_SEVERITY, Finding, FINDING_KINDS, FIX_MODE, FindingKind, fixAllEdits,
  lineTable, Severity, Story, TextEdit,
} from '../../server/src/article';
import { applyOffsetEdits, cruftGroups, isBlankText, Line, loadSeed, RefArticle, repairedResidue, splitLines, titleLineOf } from './helpers';

const seed = loadSeed();
const { text, ref } = seed;
const lines: Line[] = splitLines(text);

const RANK: Record<Severity, number> = { off: 0, hint: 1, information: 2, warning: 3, error: 4 };
/** The default fix-all set, by the rule of server/src/settings.ts `fixAllKinds`: every kind
 * that is not a mark and whose severity is warning or error. */
const FIX_ALL_KINDS: ReadonlySet<FindingKind> = new Set(
  FINDING_KINDS.filter((k) => FIX_MODE[k] !== 'mark' && RANK[DEFAULT_SEVERITY[k]] >= RANK.warning),
);

function describeFinding(f: Finding, t: string = text): string {
  const where = f.lines ? `lines ${f.lines.first + 1}-${f.lines.last + 1}` : `offsets ${f.span.start}-${f.span.end}`;
  return `${f.kind}${f.sure ? '' : ' (unsure)'} ${where}: ${JSON.stringify(t.slice(f.span.start, f.span.end).slice(0, 60))}`;
}

function coversLine(f: Finding, line0: number): boolean {
  return !!f.lines && f.lines.first <= line0 && line0 <= f.lines.last;
}

function intersectsLines(f: Finding, first0: number, last0: number, ls: readonly Line[] = lines): boolean {
  if (f.lines) return f.lines.first <= last0 && first0 <= f.lines.last;
  return f.span.start < ls[last0].end && ls[first0].start < f.span.end;
}

function storyName(a: RefArticle): string {
  return a.headline ? a.headline.text : `untitled story at line ${a.untitledFirstLine}`;
}

describe('model: the seed scrape against its reference reading', () => {
  let model: ArticleModel;
  before(() => {
    model = analyzeArticle(text);
  });

  describe('stories', () => {
    it(`finds the ${ref.articles.length} reference stories in reading order`, () => {
      assert.deepStrictEqual(
        model.stories.map((s) => `${s.startLine + 1}-${s.endLine + 1}`),
        ref.articles.map((a) => `${a.lines[0]}-${a.lines[1]}`),
      );
      assert.deepStrictEqual(model.stories.map((s) => s.index), model.stories.map((_, i) => i));
    });

    ref.articles.forEach((a, i) => {
      describe(`story ${i + 1}: ${storyName(a)}`, () => {
        let s: Story;
        before(function () {
          s = model.stories[i];
          if (!s) assert.fail(`the model found only ${model.stories.length} stories`);
        });

        if (a.headline) {
          const h = a.headline;
          it(`is named by its headline on line ${h.line}`, () => {
            assert.ok(s.headline, 'no headline');
            assert.strictEqual(s.headline.line + 1, h.line);
            assert.strictEqual(s.headline.text, h.text);
            assert.strictEqual(s.title, h.text);
            assert.strictEqual(s.titleLine + 1, h.line);
            assert.strictEqual(text.slice(s.titleSpan.start, s.titleSpan.end), h.text);
          });
        } else {
          const first = titleLineOf(a);
          it(`has lost its headline and is named by the first words of line ${first}`, () => {
            const lineText = lines[first - 1].text.trim();
            assert.strictEqual(s.headline, undefined);
            assert.strictEqual(s.titleLine + 1, first);
            const words = s.title.replace(/…$/, '').trim();
            assert.ok(words.split(/\s+/).length >= Math.min(3, lineText.split(/\s+/).length), `title too short: ${s.title}`);
            assert.ok(lineText.startsWith(words), `title ${JSON.stringify(s.title)} does not start line ${first}: ${lineText.slice(0, 60)}`);
            assert.strictEqual(text.slice(s.titleSpan.start, s.titleSpan.end), lineText);
          });
        }

        it(`spans lines ${a.lines[0]}-${a.lines[1]}`, () => {
          assert.deepStrictEqual([s.startLine + 1, s.endLine + 1], a.lines);
        });

        if (a.dek) {
          const dek = a.dek;
          it(`has its dek on line ${dek.line}`, () => assert.strictEqual(s.dekLine === undefined ? undefined : s.dekLine + 1, dek.line));
        }

        it(`has ${a.crossheads.length ? 'its crossheads ' + a.crossheads.map((c) => c.line).join(', ') : 'no crossheads'}`, () => {
          assert.deepStrictEqual(
            s.crossheads.map((c) => ({ line: c.line + 1, text: c.text })),
            a.crossheads.map((c) => ({ line: c.line, text: c.text })),
          );
        });

        it(`is by ${a.authors.length ? a.authors.join(', ') : 'no named author'}`, () => {
          const names = s.authors.map((id) => model.people.find((p) => p.id === id)?.name ?? `<unknown id ${id}>`);
          assert.deepStrictEqual(names, a.authors);
        });

        it(a.complete ? 'is complete' : `is a teaser cut off at line ${a.truncatedAt}`, () => {
          assert.strictEqual(s.complete, a.complete);
          assert.strictEqual(s.truncatedAt === undefined ? undefined : s.truncatedAt + 1, a.truncatedAt);
        });
      });
    });
  });

  describe('cruft', () => {
    for (const c of ref.cruft) {
      it(`flags line ${c.line} as ${c.kind}`, () => {
        const line = lines[c.line - 1];
        const hits = model.findings.filter((f) => f.kind === c.kind && coversLine(f, c.line - 1) && f.span.start <= line.start && line.end <= f.span.end);
        assert.strictEqual(
          hits.length,
          1,
          `line ${c.line} ${JSON.stringify(line.text.slice(0, 50))}: ${hits.length} ${c.kind} findings cover it; findings there: ` +
            JSON.stringify(model.findings.filter((f) => intersectsLines(f, c.line - 1, c.line - 1)).map((f) => describeFinding(f))),
        );
      });
    }

    it('reports adjacent cruft of one kind as one finding', () => {
      const problems: string[] = [];
      for (const g of cruftGroups(ref, lines)) {
        const hits = model.findings.filter((f) => f.kind === g.kind && intersectsLines(f, g.first - 1, g.last - 1));
        const ok = hits.length === 1 && hits[0].lines?.first === g.first - 1 && hits[0].lines?.last === g.last - 1;
        if (!ok) problems.push(`${g.kind} ${g.first}-${g.last}: ${JSON.stringify(hits.map((f) => describeFinding(f)))}`);
      }
      assert.deepStrictEqual(problems, []);
    });

    it('keeps one finding per kind on lines 5-9', () => {
      const expected = [...new Set(ref.cruft.filter((c) => c.line >= 5 && c.line <= 9).map((c) => c.kind))].sort();
      const found = model.findings.filter((f) => intersectsLines(f, 4, 8)).map((f) => f.kind).sort();
      assert.deepStrictEqual(found, expected, JSON.stringify(model.findings.filter((f) => intersectsLines(f, 4, 8)).map((f) => describeFinding(f))));
    });

    for (const r of ref.residue) {
      it(`flags ${JSON.stringify(r.text)} on line ${r.line} as ${r.kind}`, () => {
        const line = lines[r.line - 1];
        const at = line.text.indexOf(r.text);
        assert.ok(at >= 0, `the reference's text is not on line ${r.line}`);
        const start = line.start + at;
        const end = start + r.text.length;
        const hits = model.findings.filter((f) => f.kind === r.kind && f.span.start <= start && end <= f.span.end);
        assert.ok(
          hits.length > 0,
          `no ${r.kind} finding contains it; findings on line ${r.line}: ` +
            JSON.stringify(model.findings.filter((f) => intersectsLines(f, r.line - 1, r.line - 1)).map((f) => describeFinding(f))),
        );
      });
    }

    it('covers no keep line with a finding of a removing kind', () => {
      const problems: string[] = [];
      for (const k of ref.keep) {
        for (const f of model.findings) {
          if (FIX_MODE[f.kind] === 'remove' && intersectsLines(f, k - 1, k - 1)) problems.push(`line ${k}: ${describeFinding(f)}`);
        }
      }
      assert.deepStrictEqual(problems, []);
    });
  });

  describe('authors', () => {
    it('finds exactly the reference authors', () => {
      assert.deepStrictEqual(model.people.filter((p) => p.role === 'author').map((p) => p.name).sort(), ref.authors.map((a) => a.name).sort());
    });

    for (const a of ref.authors) {
      it(`reads ${a.name}: handle, summary, name line, bio line and stories`, () => {
        const p = model.people.find((x) => x.name === a.name);
        assert.ok(p, `${a.name} not found`);
        const storyIndexes = a.articles.map((line) => ref.articles.findIndex((x) => titleLineOf(x) === line));
        assert.ok(!storyIndexes.includes(-1), 'the reference names a story that is not among its articles');
        assert.deepStrictEqual(
          {
            name: p.name,
            handle: p.handle ?? null,
            summary: p.summary,
            nameLine: p.nameLine === undefined ? undefined : p.nameLine + 1,
            bioLine: p.bio ? p.bio.line + 1 : undefined,
            stories: p.stories,
          },
          { name: a.name, handle: a.handle, summary: a.summary, nameLine: a.nameLine, bioLine: a.bioLine, stories: storyIndexes },
        );
        assert.strictEqual(p.bio?.text, lines[a.bioLine - 1].text.trim(), 'the bio is the whole bio line');
      });
    }
  });

  describe('fix-all (every removing and repairing kind, sure findings only)', () => {
    let sure: Finding[];
    let edits: TextEdit[];
    let fixed: string;
    before(() => {
      sure = model.findings.filter((f) => f.sure && FIX_ALL_KINDS.has(f.kind));
      edits = fixAllEdits(text, lineTable(text), sure, FIX_ALL_KINDS);
      fixed = applyEdits(text, edits);
    });

    it('applies to every removing and repairing kind by default', () => {
      assert.deepStrictEqual([...FIX_ALL_KINDS].sort(), FINDING_KINDS.filter((k) => FIX_MODE[k] === 'remove' || FIX_MODE[k] === 'repair').sort());
    });

    it('returns sorted edits that never overlap', () => {
      assert.ok(edits.length > 0, 'no edits');
      for (let i = 1; i < edits.length; i++) {
        assert.ok(edits[i - 1].end <= edits[i].start, `edits ${i - 1} and ${i} overlap or are out of order: ${JSON.stringify([edits[i - 1], edits[i]])}`);
      }
      assert.strictEqual(applyOffsetEdits(text, edits), fixed, 'applyEdits disagrees with a plain application');
    });

    it('touches only text inside findings, plus whole blank lines around removals', () => {
      const inside = (o: number) => sure.some((f) => f.span.start <= o && o < f.span.end);
      const lineBoundary = new Set<number>();
      for (const l of lines) lineBoundary.add(l.start).add(l.end);
      const problems: string[] = [];
      for (const e of edits) {
        if (e.start === e.end) {
          if (!sure.some((f) => f.span.start <= e.start && e.start <= f.span.end)) problems.push(`insertion at ${e.start} outside every finding`);
          continue;
        }
        if (!sure.some((f) => f.span.start < e.end && e.start < f.span.end)) problems.push(`edit ${e.start}-${e.end} touches no finding`);
        for (let o = e.start; o < e.end; o++) {
          if (!inside(o) && !/\s/.test(text[o])) {
            problems.push(`edit ${e.start}-${e.end} changes ${JSON.stringify(text[o])} at ${o}, outside every finding`);
            break;
          }
        }
        const outsideAny = [...Array(e.end - e.start).keys()].some((k) => !inside(e.start + k));
        if (outsideAny && !(lineBoundary.has(e.start) && lineBoundary.has(e.end))) problems.push(`edit ${e.start}-${e.end} cuts through a line outside a finding`);
      }
      assert.deepStrictEqual(problems, []);
    });

    it('keeps every keep line, in order, changed only by the repairs inside it', () => {
      const expected = ref.keep.map((k) => {
        let t = lines[k - 1].text;
        for (const r of ref.residue) {
          if (r.line === k && FIX_MODE[r.kind as FindingKind] === 'repair') t = t.replace(r.text, repairedResidue(r.kind, r.text));
        }
        return t;
      });
      const kept = splitLines(fixed).map((l) => l.text).filter((t) => !isBlankText(t));
      assert.deepStrictEqual(kept, expected);
    });

    it('removes every cruft line', () => {
      const cruftTexts = new Set(ref.cruft.map((c) => lines[c.line - 1].text));
      const left = splitLines(fixed).map((l, i) => ({ line: i + 1, text: l.text })).filter((l) => cruftTexts.has(l.text));
      assert.deepStrictEqual(left, []);
    });

    it('joins the blank lines around removals (the larger gap survives; none at the start or end)', () => {
      // every non-blank line of the seed is either kept or cruft
      const keep = new Set(ref.keep);
      const cruft = new Set(ref.cruft.map((c) => c.line));
      const other = lines.map((l, i) => i + 1).filter((n) => !isBlankText(lines[n - 1].text) && !keep.has(n) && !cruft.has(n));
      assert.deepStrictEqual(other, [], 'the reference leaves these lines unclassified');

      const blankRun = (from: number, step: 1 | -1) => {
        let n = 0;
        for (let l = from; l >= 1 && l <= lines.length && isBlankText(lines[l - 1].text); l += step) n++;
        return n;
      };
      const k = ref.keep;
      const expected: (string | number)[] = [];
      const first = k[0];
      expected.push(ref.cruft.some((c) => c.line < first) ? 0 : first - 1);
      for (let i = 0; i < k.length; i++) {
        expected.push(k[i]);
        if (i + 1 < k.length) {
          const removed = ref.cruft.some((c) => c.line > k[i] && c.line < k[i + 1]);
          expected.push(removed ? Math.max(blankRun(k[i] + 1, 1), blankRun(k[i + 1] - 1, -1)) : k[i + 1] - k[i] - 1);
        }
      }
      const last = k[k.length - 1];
      const endsWithBreak = /[\r\n]$/.test(text);
      expected.push(ref.cruft.some((c) => c.line > last) ? (endsWithBreak ? 1 : 0) : lines.length - last);

      // the same shape read from the result: blank counts between the kept lines
      const out = splitLines(fixed);
      const actual: (string | number)[] = [];
      let run = 0;
      let keptSeen = 0;
      for (const l of out) {
        if (isBlankText(l.text)) {
          run++;
          continue;
        }
        actual.push(run, k[keptSeen++] ?? `extra line ${JSON.stringify(l.text.slice(0, 40))}`);
        run = 0;
      }
      actual.push(run);
      assert.deepStrictEqual(actual, expected);
    });

    it('is idempotent: the result has no findings of those kinds and fixing again changes nothing', () => {
      const again = analyzeArticle(fixed);
      const left = again.findings.filter((f) => FIX_ALL_KINDS.has(f.kind));
      assert.deepStrictEqual(left.map((f) => describeFinding(f, fixed)), []);
      const more = fixAllEdits(fixed, lineTable(fixed), again.findings.filter((f) => f.sure && FIX_ALL_KINDS.has(f.kind)), FIX_ALL_KINDS);
      assert.deepStrictEqual(more, []);
    });

    for (const [name, eol] of [['CRLF', '\r\n'], ['lone CR', '\r']] as const) {
      it(`reads and fixes the seed with ${name} line ends the same way`, () => {
        assert.ok(!text.includes('\r'), 'the seed is expected to use LF line ends');
        const other = text.replace(/\n/g, eol);
        const m = analyzeArticle(other);
        const project = (fs: readonly Finding[], t: string) =>
          fs.map((f) => `${f.kind} ${f.sure} ${f.lines ? f.lines.first + '-' + f.lines.last : ''} ${JSON.stringify(t.slice(f.span.start, f.span.end).replace(/\r\n?/g, '\n'))}`);
        assert.deepStrictEqual(project(m.findings, other), project(model.findings, text));
        assert.deepStrictEqual(m.stories.map((s) => [s.title, s.startLine, s.endLine]), model.stories.map((s) => [s.title, s.startLine, s.endLine]));
        const fixedOther = applyEdits(other, fixAllEdits(other, lineTable(other), m.findings.filter((f) => f.sure && FIX_ALL_KINDS.has(f.kind)), FIX_ALL_KINDS));
        assert.strictEqual(fixedOther, fixed.replace(/\n/g, eol));
      });
    }
  });
});
