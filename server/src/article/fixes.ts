// Turning findings into text edits. Whole-line cruft goes with its line breaks, and
// the two runs of blank lines around it are joined into one as long as the longer of
// them (a story separator of two blank lines survives; a paragraph gap of one stays
// one). Repairs touch only the characters at fault.

import { LineTable } from './lines';
import { FIX_MODE, Finding, FindingKind, Span, TextEdit } from './types';

export interface LineGroup {
  first: number;
  last: number;
}

function blankLine(text: string, t: LineTable, line: number): boolean {
  for (let i = t.starts[line]; i < t.ends[line]; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a))) return false;
  }
  return true;
}

/** Merges line groups that overlap or are separated only by blank lines. */
export function mergeGroups(text: string, t: LineTable, groups: LineGroup[]): LineGroup[] {
  const sorted = [...groups].sort((a, b) => a.first - b.first || a.last - b.last);
  const out: LineGroup[] = [];
  for (const g of sorted) {
    const prev = out[out.length - 1];
    if (prev) {
      let k = prev.last + 1;
      while (k < g.first && blankLine(text, t, k)) k++;
      if (k >= g.first) {
        prev.last = Math.max(prev.last, g.last);
        continue;
      }
    }
    out.push({ ...g });
  }
  return out;
}

/** The deletion that removes one group of whole lines. */
export function removalEdit(text: string, t: LineTable, g: LineGroup): TextEdit {
  const lastLine = t.starts.length - 1;
  let prevBlank = 0;
  while (g.first - prevBlank - 1 >= 0 && blankLine(text, t, g.first - prevBlank - 1)) prevBlank++;
  let nextBlank = 0;
  while (g.last + nextBlank + 1 <= lastLine && blankLine(text, t, g.last + nextBlank + 1)) nextBlank++;
  const atStart = g.first - prevBlank === 0;
  const atEnd = g.last + nextBlank === lastLine;
  if (atStart && atEnd) return { start: 0, end: text.length, newText: '' };
  if (atStart) return { start: 0, end: t.starts[g.last + nextBlank + 1], newText: '' };
  if (atEnd) return { start: t.ends[g.first - prevBlank - 1], end: t.ends[g.last], newText: '' };
  // of the two gaps the shorter one goes with the lines
  const dropped = Math.min(prevBlank, nextBlank);
  return { start: t.starts[g.first], end: t.starts[g.last + 1 + dropped], newText: '' };
}

export function removalEdits(text: string, t: LineTable, groups: LineGroup[]): TextEdit[] {
  return mergeGroups(text, t, groups).map((g) => removalEdit(text, t, g));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Edits that fix every finding whose kind is in `kinds`: the union of the removed
 * lines, plus the repairs that lie outside them. Edits never overlap, are sorted, and
 * only touch text inside findings (and the blank lines joined around removals). */
export function fixAllEdits(text: string, t: LineTable, findings: readonly Finding[], kinds: ReadonlySet<FindingKind>): TextEdit[] {
  const groups: LineGroup[] = [];
  const inline: Finding[] = [];
  for (const f of findings) {
    if (!kinds.has(f.kind) || FIX_MODE[f.kind] === 'mark') continue;
    if (FIX_MODE[f.kind] === 'remove' && f.lines) groups.push({ first: f.lines.first, last: f.lines.last });
    else inline.push(f);
  }
  const removals = removalEdits(text, t, groups).sort((a, b) => a.start - b.start);
  // repairs kept so far, sorted by start (their ends then never decrease: they do not overlap)
  const kept: TextEdit[] = [];
  const keptRanges = new Set<string>();
  for (const f of inline) {
    // a repair inside a removed line goes with the line; of two repairs of one span, the first
    for (const e of f.fix.edits) {
      if (overlapsSorted(removals, e) || overlapsSorted(kept, e) || keptRanges.has(`${e.start}:${e.end}`)) continue;
      kept.splice(upperBound(kept, e.start), 0, e);
      keptRanges.add(`${e.start}:${e.end}`);
    }
  }
  return [...removals, ...kept].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The number of edits in `sorted` (by start) that start at or before `pos`. */
function upperBound(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does `e` overlap one of `sorted`, non-overlapping spans sorted by start? Only the last
 * of them starting before `e` ends can (a linear scan made fix-all quadratic in findings). */
function overlapsSorted(sorted: readonly Span[], e: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < e.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && overlaps(sorted[lo - 1], e);
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

// ------------------------------------------------------------------ to a fixed point

/** Edits `second` (made on the text `first` produced) expressed on the original text,
 * merged with `first`: one set of sorted, non-overlapping edits from the original to
 * `result`, the text both produce. */
export function composeEdits(original: string, first: readonly TextEdit[], second: readonly TextEdit[], result: string): TextEdit[] {
  // where each of `first`'s replacements sits in the intermediate text
  const landed: { start: number; end: number; orig: TextEdit }[] = [];
  let shift = 0;
  for (const e of first) {
    landed.push({ start: e.start + shift, end: e.start + shift + e.newText.length, orig: e });
    shift += e.newText.length - (e.end - e.start);
  }
  // an intermediate position on the original; one that touches a replacement widens
  // to all of it (the second edit then rewrites that replacement as well)
  const back = (q: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const l of landed) {
      if (q < l.start) break;
      if (q <= l.end) return side === 'start' ? l.orig.start : l.orig.end;
      delta += l.orig.newText.length - (l.orig.end - l.orig.start);
    }
    return q - delta;
  };
  // every edit as a region of the original with the length change it makes
  const regions = [
    ...first.map((e) => ({ start: e.start, end: e.end, d: e.newText.length - (e.end - e.start) })),
    ...second.map((e) => ({ start: back(e.start, 'start'), end: back(e.end, 'end'), d: e.newText.length - (e.end - e.start) })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; d: number }[] = [];
  for (const r of regions) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) {
      prev.end = Math.max(prev.end, r.end);
      prev.d += r.d;
    } else merged.push({ ...r });
  }
  // a region's boundaries lie outside every edit: in the result they move by the
  // length changes of the regions before them
  const out: TextEdit[] = [];
  let before = 0;
  for (const m of merged) {
    const newText = result.slice(m.start + before, m.end + before + m.d);
    if (newText !== original.slice(m.start, m.end)) out.push({ start: m.start, end: m.end, newText });
    before += m.d;
  }
  return out;
}

/** Fix-all run to its fixed point: a cleaned page can show cruft the first reading
 * did not call (a duplicate whose first copy was removed, a rule left alone between two
 * removed blocks). `editsFor` reads a text and returns its fix-all edits; the rounds are
 * composed into one set of edits on the original, so that fixing once leaves nothing
 * to fix. Stops after `maxRounds` (a page that keeps changing keeps its later rounds). */
export function fixAllToFixedPoint(text: string, editsFor: (text: string, round: number) => TextEdit[], maxRounds = 3): TextEdit[] {
  let edits = editsFor(text, 0);
  let current = applyEdits(text, edits);
  for (let round = 1; round < maxRounds && edits.length; round++) {
    const more = editsFor(current, round);
    if (!more.length) break;
    const next = applyEdits(current, more);
    edits = composeEdits(text, edits, more, next);
    current = next;
  }
  return edits;
}
