// CriticMarkup in the text: highlights `{==…==}`, notes `{>>…<<}`, insertions `{++…++}`,
// deletions `{--…--}` and substitutions `{~~old~>new~~}`. Annotations are the user's own
// words, kept in the plain text so that they travel with the file and every tool that
// reads CriticMarkup (pandoc filters, MultiMarkdown, several editors) understands them.
//
// One linear scan finds them (no regular expressions: an unclosed opener on a long
// line must not cost a rescan per opener). An annotation never crosses a line break:
// a scrape's paragraph is one line, and an opener whose closer is not on its line is
// reported as malformed rather than swallowing the article up to some later closer.
//
// `projectAnnotations` gives the text "as if the markup were absent" (the original
// text: highlighted text as is, notes and insertions left out, deletions and the old
// side of substitutions kept) with a map of its offsets back to the annotated text;
// `annotated.ts` runs the model on it.

import { Span } from './types';

export type AnnotationKind = 'highlight' | 'note' | 'insertion' | 'deletion' | 'substitution';

export interface Tag {
  /** The tag with its `#`, lower case: `#claim`. */
  name: string;
  span: Span;
}

export interface Annotation {
  kind: AnnotationKind;
  /** The whole markup, delimiters included. */
  span: Span;
  /** Between the delimiters (for a substitution: `old~>new`). */
  inner: Span;
  /** The text between the delimiters (for a substitution: the old side). */
  text: string;
  /** Substitutions: the new side. */
  newText?: string;
  /** Substitutions: where the old and the new side are. */
  old?: Span;
  new?: Span;
  /** A highlight's note: the index of the `{>>…<<}` that follows it at once. */
  note?: number;
  /** A note's highlight, if it follows one. */
  highlight?: number;
  /** `#words` inside a note. */
  tags: Tag[];
  line: number;
}

export interface AnnotationProblem {
  kind: AnnotationKind;
  /** The opener with no closer on its line (or a substitution without `~>`). */
  span: Span;
  line: number;
  message: string;
  /** The closer to add at the end of the line (for a missing `~>`: undefined). */
  closer?: string;
}

export interface Annotations {
  items: Annotation[];
  problems: AnnotationProblem[];
}

const OPENERS: Record<string, AnnotationKind> = { '==': 'highlight', '>>': 'note', '++': 'insertion', '--': 'deletion', '~~': 'substitution' };
export const CLOSER: Record<AnnotationKind, string> = { highlight: '==}', note: '<<}', insertion: '++}', deletion: '--}', substitution: '~~}' };
export const OPENER: Record<AnnotationKind, string> = { highlight: '{==', note: '{>>', insertion: '{++', deletion: '{--', substitution: '{~~' };
/** Malformed openers reported at most (a text of nothing but openers is not a document
 * anyone annotates; the diagnostics are capped lower anyway). */
export const MAX_PROBLEMS = 1000;

const NAME: Record<AnnotationKind, string> = { highlight: 'highlight', note: 'note', insertion: 'insertion', deletion: 'deletion', substitution: 'substitution' };

/** Does the text hold anything that may be CriticMarkup? One indexOf: the cost for a
 * document without annotations. */
export function mayHoldAnnotations(text: string): boolean {
  const i = text.indexOf('{');
  return i >= 0 && findOpener(text, i) >= 0;
}

function openerKind(text: string, i: number): AnnotationKind | undefined {
  return text.charCodeAt(i) === 123 /* { */ ? OPENERS[text.substr(i + 1, 2)] : undefined;
}

function findOpener(text: string, from: number): number {
  for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) if (openerKind(text, i)) return i;
  return -1;
}

function isTagChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c > 127;
}

/** `#words` in a note: a `#` at the start or after a space, then letters, digits, `-`, `_`. */
export function tagsIn(text: string, start: number, end: number): Tag[] {
  const tags: Tag[] = [];
  for (let i = text.indexOf('#', start); i >= 0 && i < end; i = text.indexOf('#', i + 1)) {
    const before = i > start ? text.charCodeAt(i - 1) : 32;
    if (before !== 32 && before !== 9 && before !== 40 /* ( */) continue;
    let j = i + 1;
    while (j < end && isTagChar(text.charCodeAt(j))) j++;
    // a tag ends with a letter or digit: "#claim-" is "#claim"
    while (j > i + 1 && (text.charCodeAt(j - 1) === 45 || text.charCodeAt(j - 1) === 95)) j--;
    if (j > i + 1) tags.push({ name: text.slice(i, j).toLowerCase(), span: { start: i, end: j } });
  }
  return tags;
}

/** Every annotation of the text, and the malformed openers. Linear: each character is
 * looked at a bounded number of times (closers found beyond the line are remembered, so
 * many openers on one long line cost one search per kind). */
export function parseAnnotations(text: string): Annotations {
  const items: Annotation[] = [];
  const problems: AnnotationProblem[] = [];
  const ahead: Partial<Record<string, number>> = {};
  const closerAfter = (closer: string, from: number): number => {
    const known = ahead[closer];
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = text.indexOf(closer, from);
    ahead[closer] = found;
    return found;
  };
  let line = 0;
  let lineScanned = 0;
  const lineOf = (offset: number): number => {
    for (let i = lineScanned; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    }
    lineScanned = Math.max(lineScanned, offset);
    return line;
  };
  // the end of an opener's line, from the next \n and \r remembered like the closers
  const nextBreak = (from: number): number => {
    const n = closerAfter('\n', from);
    const r = closerAfter('\r', from);
    if (n < 0) return r < 0 ? text.length : r;
    return r < 0 || n < r ? n : r;
  };
  let lineEnd = -1;
  let pos = 0;
  for (;;) {
    const i = findOpener(text, pos);
    if (i < 0) break;
    const kind = openerKind(text, i)!;
    if (i >= lineEnd) lineEnd = nextBreak(i);
    const closer = CLOSER[kind];
    const c = closerAfter(closer, i + 3);
    const ln = lineOf(i);
    if (c < 0 || c + 3 > lineEnd) {
      if (problems.length < MAX_PROBLEMS) problems.push({ kind, span: { start: i, end: i + 3 }, line: ln, closer, message: `Unclosed ${NAME[kind]}: "${OPENER[kind]}" has no "${closer}" on its line` });
      pos = i + 3;
      continue;
    }
    const inner = { start: i + 3, end: c };
    const a: Annotation = { kind, span: { start: i, end: c + 3 }, inner, text: text.slice(inner.start, inner.end), tags: [], line: ln };
    if (kind === 'substitution') {
      const arrow = closerAfter('~>', inner.start);
      if (arrow < 0 || arrow >= inner.end) {
        if (problems.length < MAX_PROBLEMS) problems.push({ kind, span: { start: i, end: c + 3 }, line: ln, message: 'Substitution without "~>": write {~~old~>new~~}' });
        pos = c + 3;
        continue;
      }
      a.old = { start: inner.start, end: arrow };
      a.new = { start: arrow + 2, end: inner.end };
      a.text = text.slice(a.old.start, a.old.end);
      a.newText = text.slice(a.new.start, a.new.end);
    }
    if (kind === 'note') {
      a.tags = tagsIn(text, inner.start, inner.end);
      const prev = items[items.length - 1];
      if (prev && prev.kind === 'highlight' && prev.span.end === i) {
        prev.note = items.length;
        a.highlight = items.length - 1;
      }
    }
    items.push(a);
    pos = c + 3;
  }
  return { items, problems };
}

// ------------------------------------------------------------------ "as if absent"

/** The text with the markup taken away, and where each of its pieces comes from. */
export interface Projection {
  text: string;
  /** Kept pieces: projected offset `proj[k]` is annotated offset `orig[k]`, for `len[k]` characters. */
  proj: number[];
  orig: number[];
  len: number[];
}

/** The original text: highlighted text as is, notes and insertions left out, deletions
 * and the old side of substitutions kept; a malformed opener is left out (a substitution
 * without "~>" keeps its text). */
export function projectAnnotations(text: string, items: readonly Annotation[], problems: readonly AnnotationProblem[] = []): Projection {
  const p: Projection = { text: '', proj: [], orig: [], len: [] };
  const parts: string[] = [];
  let size = 0;
  const keep = (start: number, end: number) => {
    if (end <= start) return;
    p.proj.push(size);
    p.orig.push(start);
    p.len.push(end - start);
    parts.push(text.slice(start, end));
    size += end - start;
  };
  // both lists are sorted and disjoint: merge them
  const marks: (Annotation | AnnotationProblem)[] = [...items, ...problems].sort((a, b) => a.span.start - b.span.start);
  let pos = 0;
  for (const a of marks) {
    keep(pos, a.span.start);
    if ('inner' in a) {
      if (a.kind === 'highlight' || a.kind === 'deletion') keep(a.inner.start, a.inner.end);
      else if (a.kind === 'substitution') keep(a.old!.start, a.old!.end);
    } else if (!a.closer) keep(a.span.start + 3, a.span.end - 3);
    pos = a.span.end;
  }
  keep(pos, text.length);
  p.text = parts.join('');
  return p;
}

/** A projected offset in the annotated text. At the seam between two kept pieces (where
 * markup was taken out) a start goes after the markup, an end before it. */
export function toAnnotated(p: Projection, offset: number, side: 'start' | 'end'): number {
  const { proj, orig, len } = p;
  if (!proj.length) return offset;
  // the last piece starting at or before the offset (for an end: strictly before)
  let lo = 0;
  let hi = proj.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = proj[mid];
    if (side === 'start' ? s <= offset : s < offset) lo = mid;
    else hi = mid - 1;
  }
  const k = lo;
  if (offset < proj[k]) return orig[k] - (proj[k] - offset);
  return orig[k] + Math.min(offset - proj[k], len[k]) + Math.max(0, offset - proj[k] - len[k]);
}
