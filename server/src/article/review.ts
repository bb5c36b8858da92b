// Reviewing suggested changes: accepting or rejecting `{++ ++}`, `{-- --}` and
// `{~~ ~> ~~}`, and the other way round, writing cleaning edits as such suggestions
// ("Clean Article as Suggestions") so that an editor can accept or reject each cut.
//
// Markup never crosses a line break, so a cut of whole lines is written line by line,
// each line's text in its own `{--…--}`. The one convention that makes the two
// directions exact: a line that holds nothing but one deletion vanishes with its line
// break when the deletion is accepted (an empty `{----}` line is a blank line to cut),
// and a line that holds nothing but one insertion vanishes when it is rejected. A line
// that must stay, emptied, is written as a substitution: `{~~text~>~~}`.
// Accepting every suggestion gives exactly the cleaned text; rejecting every one gives
// the text back.

import { Annotation, CLOSER, OPENER, parseAnnotations } from './annotations';
import { applyEdits } from './fixes';
import { lineAt, LineTable, lineTable } from './lines';
import { TextEdit } from './types';

export type ReviewKind = 'insertion' | 'deletion' | 'substitution';

export function isChange(a: Annotation): boolean {
  return a.kind === 'insertion' || a.kind === 'deletion' || a.kind === 'substitution';
}

/** The edits that accept (or reject) these changes; other annotations are ignored. */
export function reviewEdits(text: string, changes: readonly Annotation[], accept: boolean, table: LineTable = lineTable(text)): TextEdit[] {
  const edits: TextEdit[] = [];
  const vanishing: number[] = [];
  for (const a of changes) {
    if (!isChange(a)) continue;
    const keep =
      a.kind === 'substitution' ? (accept ? a.newText! : a.text) : (a.kind === 'insertion') === accept ? a.text : '';
    const wholeLine = a.span.start === table.starts[a.line] && a.span.end === table.ends[a.line];
    if (!keep && wholeLine && a.kind === (accept ? 'deletion' : 'insertion')) vanishing.push(a.line);
    else edits.push({ start: a.span.start, end: a.span.end, newText: keep });
  }
  return [...edits, ...lineRemovals(text, table, vanishing)].sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Removes lines with their line breaks: a run of lines reaching the end of the text
 * takes the break before it (the text then ends where the line before the run ended). */
function lineRemovals(text: string, t: LineTable, lines: number[]): TextEdit[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const last = t.starts.length - 1;
  const out: TextEdit[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const a = sorted[i];
    const b = sorted[j];
    if (b < last) out.push({ start: t.starts[a], end: t.starts[b + 1], newText: '' });
    else out.push({ start: a > 0 ? t.ends[a - 1] : 0, end: text.length, newText: '' });
    i = j + 1;
  }
  return out;
}

/** Accepts (or rejects) every change in the text. */
export function reviewAll(text: string, accept: boolean): string {
  return applyEdits(text, reviewEdits(text, parseAnnotations(text).items, accept));
}

// ------------------------------------------------------------------ edits as suggestions

/** Could `s` sit inside markup without being read as markup? */
function safeInside(s: string, also = ''): boolean {
  if (s.includes('\n') || s.includes('\r') || (also && s.includes(also))) return false;
  // (a text ending in "-" before "--}" is fine: the first "--}" is the closer's)
  for (const k of Object.keys(OPENER) as (keyof typeof OPENER)[]) if (s.includes(OPENER[k]) || s.includes(CLOSER[k])) return false;
  return true;
}

function inlineMarkup(oldText: string, newText: string, wholeLine: boolean): string | undefined {
  if (!oldText && !newText) return '';
  if (!newText) return safeInside(oldText) ? (wholeLine ? `{~~${oldText}~>~~}` : `{--${oldText}--}`) : undefined;
  if (!oldText) return safeInside(newText) ? (wholeLine ? `{~~~>${newText}~~}` : `{++${newText}++}`) : undefined;
  return safeInside(oldText, '~>') && safeInside(newText) ? `{~~${oldText}~>${newText}~~}` : undefined;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** One line, old against new, as markup of its middle (the common start and end stay). */
function lineDiff(o: string, n: string): string | undefined {
  if (o === n) return o;
  let p = 0;
  while (p < o.length && p < n.length && o[p] === n[p]) p++;
  // never between the two halves of a surrogate pair
  if (p > 0 && isHigh(o.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < o.length - p && s < n.length - p && o[o.length - 1 - s] === n[n.length - 1 - s]) s++;
  if (s > 0 && isLow(o.charCodeAt(o.length - s))) s--;
  const mid = inlineMarkup(o.slice(p, o.length - s), n.slice(p, n.length - s), n === '' || o === '');
  return mid === undefined ? undefined : o.slice(0, p) + mid + o.slice(o.length - s);
}

function splitBreaks(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(s.slice(from, i));
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

export interface Suggestions {
  /** Edits that write the changes as CriticMarkup in place of making them. */
  edits: TextEdit[];
  /** Edits that could not be written as markup (their text holds markup of its own, or
   * they add line breaks): these are made as they are. */
  direct: number;
}

/** Sorted, non-overlapping edits (a fix-all) written as suggestions. */
export function asSuggestions(text: string, edits: readonly TextEdit[]): Suggestions {
  const t = lineTable(text);
  const out: TextEdit[] = [];
  let direct = 0;
  for (const e of edits) {
    const old = text.slice(e.start, e.end);
    const F = lineAt(t, e.start);
    const Z = lineAt(t, e.end);
    if (F === Z && !e.newText.includes('\n') && !e.newText.includes('\r')) {
      const whole = e.start === t.starts[F] && e.end === t.ends[F];
      const m = inlineMarkup(old, e.newText, whole && !e.newText);
      if (m === undefined) {
        out.push(e);
        direct++;
      } else out.push({ start: e.start, end: e.end, newText: m });
      continue;
    }
    const lines = suggestLines(text, t, e, F, Z);
    if (!lines) {
      out.push(e);
      direct++;
    } else out.push(...lines);
  }
  // cut lines of two edits meeting at the end of the text are one run when accepted:
  // should that ever differ from the edits, they are made as they are (the text's own
  // changes are accepted on both sides)
  if (reviewAll(applyEdits(text, out), true) !== reviewAll(applyEdits(text, edits), true)) return { edits: [...edits], direct: edits.length };
  return { edits: out, direct };
}

/** An edit across lines: its new lines paired with old ones (those at the ends that stay
 * the same first), each other old line cut whole. Of the ways to pair them, the first
 * whose acceptance gives exactly the edit's text (line breaks included: a page may mix
 * them, and a cut line takes its own break, or the one before it at the end of the text). */
function suggestLines(text: string, t: LineTable, e: TextEdit, F: number, Z: number): TextEdit[] | undefined {
  const olds: string[] = [];
  for (let l = F; l <= Z; l++) olds.push(text.slice(t.starts[l], t.ends[l]));
  const news = splitBreaks(text.slice(t.starts[F], e.start) + e.newText + text.slice(e.end, t.ends[Z]));
  if (news.length > olds.length) return undefined;
  // keep j lines at the start and the rest at the end, most equal pairs first
  const splits: { j: number; equal: number }[] = [];
  for (let j = 0; j <= news.length; j++) {
    let equal = 0;
    for (let k = 0; k < j; k++) if (news[k] === olds[k]) equal++;
    for (let k = j; k < news.length; k++) if (news[k] === olds[olds.length - news.length + k]) equal++;
    splits.push({ j, equal });
  }
  splits.sort((x, y) => y.equal - x.equal || x.j - y.j);
  const last = t.starts.length - 1;
  const regionEnd = Z < last ? t.starts[Z + 1] : text.length;
  for (const { j } of splits) {
    const pairOf = new Map<number, string>();
    for (let k = 0; k < j; k++) pairOf.set(k, news[k]);
    for (let k = j; k < news.length; k++) pairOf.set(olds.length - news.length + k, news[k]);
    const sim = accepted(text, t, F, olds.length, pairOf);
    if (sim.out !== text.slice(sim.start, e.start) + e.newText + text.slice(e.end, regionEnd)) continue;
    const out: TextEdit[] = [];
    for (let k = 0; k < olds.length; k++) {
      const l = F + k;
      const o = olds[k];
      const n = pairOf.get(k);
      const marked = n === undefined ? (safeInside(o) ? `{--${o}--}` : undefined) : lineDiff(o, n);
      if (marked === undefined) return undefined;
      if (marked !== o) out.push({ start: t.starts[l], end: t.ends[l], newText: marked });
    }
    return out;
  }
  return undefined;
}

/** What accepting gives for lines F..F+count-1 when the lines in `pairOf` become their
 * new text and the others are cut (reviewEdits' rule), and from where in the text: a run
 * of cut lines reaching the end of the text takes the line break before it. */
function accepted(text: string, t: LineTable, F: number, count: number, pairOf: Map<number, string>): { start: number; out: string } {
  const last = t.starts.length - 1;
  const Z = F + count - 1;
  let run = -1;
  if (Z === last && !pairOf.has(count - 1)) {
    run = count - 1;
    while (run > 0 && !pairOf.has(run - 1)) run--;
  }
  let out = '';
  for (let k = 0; k < count; k++) {
    const n = pairOf.get(k);
    if (n === undefined) continue;
    out += n;
    const l = F + k;
    if (run > 0 && k === run - 1) continue;
    out += text.slice(t.ends[l], l < last ? t.starts[l + 1] : t.ends[l]);
  }
  return { start: run === 0 && F > 0 ? t.ends[F - 1] : t.starts[F], out };
}
