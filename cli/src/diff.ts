// A unified diff of a text against the text with a set of edits applied, built from
// the edits themselves (they say exactly which lines change), for `galley clean`
// without --write: what would change, readable by people and by `patch`/`git apply`.

import { lineAt, lineTable, TextEdit } from '../../server/src/article';

interface Change {
  /** First and last old line touched (0-based, inclusive). */
  first: number;
  last: number;
  edits: TextEdit[];
}

/** The text of lines first..last, line breaks included. */
function linesText(text: string, starts: number[], first: number, last: number): string {
  if (first > last) return '';
  return text.slice(starts[first], last + 1 < starts.length ? starts[last + 1] : text.length);
}

/** Splits into lines, each with its line break (the last may have none). */
function splitKeep(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      out.push(s.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < s.length) out.push(s.slice(from));
  return out;
}

function show(prefix: string, line: string): string {
  const body = line.replace(/\r\n$|\n$|\r$/, '');
  return body.length === line.length ? `${prefix}${body}\n\\ No newline at end of file\n` : `${prefix}${body}\n`;
}

export function unifiedDiff(text: string, edits: readonly TextEdit[], oldName: string, newName: string, context = 3): string {
  if (!edits.length) return '';
  const { starts } = lineTable(text);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // edits on the same or adjacent lines are one change
  const changes: Change[] = [];
  for (const e of sorted) {
    const first = lineAt({ starts }, e.start);
    const last = e.end > e.start ? lineAt({ starts }, e.end - 1) : first;
    const prev = changes[changes.length - 1];
    if (prev && first <= prev.last + 1) {
      prev.last = Math.max(prev.last, last);
      prev.edits.push(e);
    } else changes.push({ first, last, edits: [e] });
  }
  // changes whose context overlaps are one hunk
  const hunks: Change[][] = [];
  for (const c of changes) {
    const h = hunks[hunks.length - 1];
    if (h && c.first - h[h.length - 1].last - 1 <= 2 * context) h.push(c);
    else hunks.push([c]);
  }
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let delta = 0; // new line numbers run this far from the old ones
  for (const h of hunks) {
    const from = Math.max(0, h[0].first - context);
    const to = Math.min(starts.length - 1, h[h.length - 1].last + context);
    let body = '';
    let oldCount = 0;
    let newCount = 0;
    let at = from;
    for (const c of h) {
      for (const l of splitKeep(linesText(text, starts, at, c.first - 1))) {
        body += show(' ', l);
        oldCount++;
        newCount++;
      }
      const old = linesText(text, starts, c.first, c.last);
      const base = starts[c.first];
      let changed = '';
      let pos = 0;
      for (const e of c.edits) {
        changed += old.slice(pos, e.start - base) + e.newText;
        pos = e.end - base;
      }
      changed += old.slice(pos);
      const oldLines = splitKeep(old);
      const newLines = splitKeep(changed);
      for (const l of oldLines) body += show('-', l);
      for (const l of newLines) body += show('+', l);
      oldCount += oldLines.length;
      newCount += newLines.length;
      at = c.last + 1;
    }
    for (const l of splitKeep(linesText(text, starts, at, to))) {
      body += show(' ', l);
      oldCount++;
      newCount++;
    }
    const oldStart = oldCount ? from + 1 : from;
    const newStart = newCount ? from + 1 + delta : from + delta;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n` + body;
    delta += newCount - oldCount;
  }
  return out;
}
