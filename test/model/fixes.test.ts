// The blank-line rule of removals and the non-overlap of fix-all edits, on small inline
// fixtures (no dependence on how the model reads a page: the findings are made by hand).
import * as assert from 'node:assert';
import { applyEdits, Finding, FindingKind, fixAllEdits, lineTable, removalEdits, TextEdit } from '../../server/src/article';
import { joinLines } from './helpers';

const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['lone CR', '\r'],
] as const;

/** Removes lines first..last (0-based, inclusive) the way a whole-line finding's fix does. */
function removeLines(text: string, first: number, last: number): string {
  return applyEdits(text, removalEdits(text, lineTable(text), [{ first, last }]));
}

interface Case {
  name: string;
  lines: string[];
  /** 0-based, inclusive */
  remove: [number, number];
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'a line between paragraphs leaves one blank line',
    lines: ['First paragraph.', '', 'Keep ReadingShow less', '', 'Second paragraph.'],
    remove: [2, 2],
    expected: ['First paragraph.', '', 'Second paragraph.'],
  },
  {
    name: 'a line glued to the next paragraph leaves the blank line before it',
    lines: ['First paragraph.', '', 'Keep ReadingShow less', 'Veronica Irwin'],
    remove: [2, 2],
    expected: ['First paragraph.', '', 'Veronica Irwin'],
  },
  {
    name: 'a line glued to the previous paragraph leaves the blank line after it',
    lines: ['First paragraph.', 'Photo: Someone/Getty Images', '', 'Second paragraph.'],
    remove: [1, 1],
    expected: ['First paragraph.', '', 'Second paragraph.'],
  },
  {
    name: 'a line between two glued lines leaves none',
    lines: ['First line', 'Share', 'Second line'],
    remove: [1, 1],
    expected: ['First line', 'Second line'],
  },
  {
    name: 'several lines with blank lines inside go as one block',
    lines: ['First paragraph.', '', 'Menu', 'Home', '', 'About', '', 'Second paragraph.'],
    remove: [2, 5],
    expected: ['First paragraph.', '', 'Second paragraph.'],
  },
  {
    name: 'a story separator (two blank lines) on both sides survives',
    lines: ['End of the first story.', '', '', 'Sponsored text.', '', '', 'Second headline'],
    remove: [3, 3],
    expected: ['End of the first story.', '', '', 'Second headline'],
  },
  {
    name: 'a story separator before the line survives',
    lines: ['End of the first story.', '', '', 'Image: Protocol', '', 'We launched it in 2020.'],
    remove: [3, 3],
    expected: ['End of the first story.', '', '', 'We launched it in 2020.'],
  },
  {
    name: 'a story separator after the line survives',
    lines: ['End of the first story.', '', 'Keep ReadingShow less', '', '', 'Second headline'],
    remove: [2, 2],
    expected: ['End of the first story.', '', '', 'Second headline'],
  },
  {
    name: 'blank lines holding white space count as blank',
    lines: ['First paragraph.', '  ', 'Share', '\t', 'Second paragraph.'],
    remove: [2, 2],
    expected: ['First paragraph.', '  ', 'Second paragraph.'],
  },
  {
    name: 'at the start of the file no blank line is left',
    lines: ['Skip to content', '', 'Headline'],
    remove: [0, 0],
    expected: ['Headline'],
  },
  {
    name: 'at the start of the file blank lines before the line go too',
    lines: ['', 'Menu', '', '', 'Headline'],
    remove: [1, 1],
    expected: ['Headline'],
  },
  {
    name: 'at the end of the file no blank line is left',
    lines: ['Last paragraph.', '', 'Latest Stories'],
    remove: [2, 2],
    expected: ['Last paragraph.'],
  },
  {
    name: 'at the end of the file the final line break is kept, but no blank line',
    lines: ['Last paragraph.', '', 'Latest Stories', ''],
    remove: [2, 2],
    expected: ['Last paragraph.', ''],
  },
  {
    name: 'a file of nothing but the removed lines becomes empty',
    lines: ['', 'Share', ''],
    remove: [1, 1],
    expected: [''],
  },
];

describe('model: removal of whole lines and the blank lines around them', () => {
  for (const [eolName, eol] of EOLS) {
    describe(`with ${eolName} line ends`, () => {
      for (const c of CASES) {
        it(c.name, () => {
          const text = joinLines(c.lines, eol);
          assert.strictEqual(lineTable(text).starts.length, c.lines.length, 'the line table sees a different number of lines');
          assert.strictEqual(removeLines(text, c.remove[0], c.remove[1]), joinLines(c.expected, eol));
        });
      }
    });
  }

  it('merges groups that overlap or are separated only by blank lines into one edit', () => {
    const text = joinLines(['Para.', '', 'A', '', 'B', 'C', '', 'Para two.']);
    const t = lineTable(text);
    const edits = removalEdits(text, t, [{ first: 4, last: 5 }, { first: 2, last: 2 }, { first: 5, last: 5 }]);
    assert.strictEqual(edits.length, 1, JSON.stringify(edits));
    assert.strictEqual(applyEdits(text, edits), joinLines(['Para.', '', 'Para two.']));
  });

  it('keeps groups apart when text stands between them, without overlapping edits', () => {
    const text = joinLines(['Para.', '', 'A', '', 'Kept.', '', 'B', '', 'Para two.']);
    const edits = removalEdits(text, lineTable(text), [{ first: 2, last: 2 }, { first: 6, last: 6 }]);
    assert.strictEqual(edits.length, 2);
    assert.ok(edits[0].end <= edits[1].start || edits[1].end <= edits[0].start, JSON.stringify(edits));
    assert.strictEqual(applyEdits(text, edits), joinLines(['Para.', '', 'Kept.', '', 'Para two.']));
  });
});

// ------------------------------------------------------------------ fix-all on hand-made findings

function lineFinding(text: string, kind: FindingKind, first: number, last: number): Finding {
  const t = lineTable(text);
  return {
    kind,
    span: { start: t.starts[first], end: t.ends[last] },
    lines: { first, last },
    message: kind,
    sure: true,
    fix: { title: 'Remove', edits: removalEdits(text, t, [{ first, last }]) },
    fingerprint: `${kind}:${first}`,
  };
}

function inlineFinding(text: string, kind: FindingKind, needle: string, replacement: string, from = 0): Finding {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${needle} not in the fixture`);
  const end = start + needle.length;
  return {
    kind,
    span: { start, end },
    message: kind,
    sure: true,
    fix: { title: 'Repair', edits: [{ start, end, newText: replacement }] },
    fingerprint: `${kind}:${start}`,
  };
}

function assertSortedDisjoint(edits: readonly TextEdit[]): void {
  for (let i = 1; i < edits.length; i++) {
    assert.ok(edits[i - 1].end <= edits[i].start, `edits overlap or are unsorted: ${JSON.stringify(edits.slice(i - 1, i + 1))}`);
  }
}

describe('model: fix-all edits never overlap', () => {
  const ALL = new Set<FindingKind>(['ui-label', 'image-credit', 'spacing', 'encoding', 'link-residue']);

  it('drops a repair inside a removed line', () => {
    const text = joinLines(['Para one.', '', 'Photo:  Someone ( @x)', '', 'Para ( @two).']);
    const findings = [
      lineFinding(text, 'image-credit', 2, 2),
      inlineFinding(text, 'spacing', '( @x)', '(@x)'),
      inlineFinding(text, 'spacing', '( @two)', '(@two)'),
    ];
    const edits = fixAllEdits(text, lineTable(text), findings, ALL);
    assertSortedDisjoint(edits);
    assert.strictEqual(edits.length, 2, JSON.stringify(edits));
    assert.strictEqual(applyEdits(text, edits), joinLines(['Para one.', '', 'Para (@two).']));
  });

  it('joins overlapping whole-line findings of different kinds', () => {
    const text = joinLines(['Para one.', '', 'Keep Reading', 'Photo: Someone', '', 'Para two.']);
    const findings = [lineFinding(text, 'ui-label', 2, 3), lineFinding(text, 'image-credit', 3, 3)];
    const edits = fixAllEdits(text, lineTable(text), findings, ALL);
    assertSortedDisjoint(edits);
    assert.strictEqual(applyEdits(text, edits), joinLines(['Para one.', '', 'Para two.']));
  });

  it('applies the same repair once and skips a repair overlapping another', () => {
    const text = 'It costs â€™ and â€œmoreâ€.';
    const a = inlineFinding(text, 'encoding', 'â€™', '’');
    const same = { ...a, kind: 'spacing' as FindingKind, fingerprint: 'dup' };
    const wide = inlineFinding(text, 'encoding', 'â€™ and', '’ and');
    const b = inlineFinding(text, 'encoding', 'â€œ', '“');
    const edits = fixAllEdits(text, lineTable(text), [a, same, wide, b], ALL);
    assertSortedDisjoint(edits);
    assert.strictEqual(edits.length, 2, JSON.stringify(edits));
    assert.strictEqual(applyEdits(text, edits), 'It costs ’ and “moreâ€.');
  });

  it('fixes only the kinds asked for, and never marks', () => {
    const text = joinLines(['Para one.', '', 'Keep Reading', '', 'The behemoth Inc. formed a union ( @x).']);
    const findings = [
      lineFinding(text, 'ui-label', 2, 2),
      inlineFinding(text, 'link-residue', 'behemoth Inc.', 'behemoth […] Inc.'),
      inlineFinding(text, 'spacing', '( @x)', '(@x)'),
    ];
    const onlySpacing = fixAllEdits(text, lineTable(text), findings, new Set<FindingKind>(['spacing', 'link-residue']));
    assert.strictEqual(applyEdits(text, onlySpacing), joinLines(['Para one.', '', 'Keep Reading', '', 'The behemoth Inc. formed a union (@x).']));
  });

  it('refuses to apply overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 1, end: 4, newText: 'x' }, { start: 3, end: 5, newText: 'y' }]), /overlap/);
  });

  it('applies non-overlapping edits given in any order', () => {
    const edits = [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }, { start: 2, end: 2, newText: '+' }];
    assert.strictEqual(applyEdits('abcdef', edits), 'Ab+cdEf');
  });
});

describe('fixes: composing two rounds of edits (fix-all to its fixed point)', () => {
  // a fixed-seed PRNG: the same cases on every run
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const randomEdits = (text: string): TextEdit[] => {
    const out: TextEdit[] = [];
    let at = 0;
    while (at < text.length) {
      at += rnd(12);
      if (at > text.length) break;
      const end = Math.min(text.length, at + rnd(6));
      const newText = rnd(3) === 0 ? 'xy'.slice(0, rnd(3)) : '';
      if (end > at || newText) out.push({ start: at, end, newText });
      at = end + 1;
    }
    return out;
  };
  const sample = (n: number) => Array.from({ length: n }, () => 'ab \n.'[rnd(5)]).join('');

  it('gives edits on the original that produce the text of both rounds, sorted and disjoint', async () => {
    const { composeEdits } = await import('../../server/src/article/fixes');
    for (let c = 0; c < 2000; c++) {
      const text = sample(rnd(60));
      const first = randomEdits(text);
      const middle = applyEdits(text, first);
      const second = randomEdits(middle);
      const result = applyEdits(middle, second);
      const composed = composeEdits(text, first, second, result);
      assert.strictEqual(applyEdits(text, composed), result, `case ${c}: ${JSON.stringify({ text, first, second })}`);
      for (let k = 1; k < composed.length; k++) assert.ok(composed[k - 1].end <= composed[k].start, `case ${c}: overlapping`);
    }
  });

  it('runs fix-all until nothing is left to fix', async () => {
    const { fixAllToFixedPoint } = await import('../../server/src/article/fixes');
    // a toy fixer: removes one "ab" per round, as long as there is one
    const once = (t: string): TextEdit[] => {
      const i = t.indexOf('ab');
      return i < 0 ? [] : [{ start: i, end: i + 2, newText: '' }];
    };
    const text = 'xaabbby';
    const edits = fixAllToFixedPoint(text, once, 5);
    const fixed = applyEdits(text, edits);
    assert.strictEqual(fixed, 'xby');
    assert.deepStrictEqual(once(fixed), []);
  });
});
