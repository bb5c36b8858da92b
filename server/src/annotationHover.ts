// Hovering a highlight shows its note (and its tags); hovering a change says what
// accepting it does. The note is the user's own text, shown as plain text.

import { Hover, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel } from './article';
import { toRange } from './convert';

function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~=-])/g, '\\$1');
}

export function annotationHover(doc: TextDocument, model: ArticleModel, offset: number): Hover | null {
  const items = model.annotations?.items;
  if (!items) return null;
  // annotations are sorted and disjoint: the last one starting at or before the offset
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].span.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const a = items[lo];
  if (!a || offset < a.span.start || offset >= a.span.end) return null;
  const lines: string[] = [];
  if (a.kind === 'highlight') {
    const note = a.note !== undefined ? items[a.note] : undefined;
    lines.push(`**Highlight** — ${escapeMd(a.text)}`);
    if (note) {
      lines.push('', escapeMd(note.text));
      if (note.tags.length) lines.push('', 'Tags: ' + note.tags.map((t) => '`' + t.name + '`').join(' '));
    } else lines.push('', '_No note: add one right after the highlight with `{>>note<<}`._');
  } else if (a.kind === 'note') {
    return null;
  } else if (a.kind === 'insertion') lines.push(`**Suggested insertion** — accepting adds "${escapeMd(a.text)}"`);
  else if (a.kind === 'deletion') lines.push(`**Suggested deletion** — accepting removes "${escapeMd(a.text)}"`);
  else lines.push(`**Suggested change** — accepting replaces "${escapeMd(a.text)}" with "${escapeMd(a.newText ?? '')}"`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(doc, a.span) };
}
