// The Outline lists each story's notes under it: a note is named by its text, with the
// passage it comments on (its highlight) as detail. Notes outside every story are listed
// at the top level, after the stories.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel } from './article';
import { toRange } from './convert';

function short(s: string, max = 60): string {
  const t = s.trim();
  return t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t;
}

/** Notes on lines first..last (inclusive), or on every line outside every story when
 * `first` is undefined. */
export function noteSymbols(doc: TextDocument, model: ArticleModel, first?: number, last?: number): DocumentSymbol[] {
  const items = model.annotations?.items;
  if (!items) return [];
  const inside = (line: number) =>
    first === undefined ? !model.stories.some((s) => s.startLine <= line && line <= s.endLine) : first <= line && line <= last!;
  const out: DocumentSymbol[] = [];
  for (const n of items) {
    if (n.kind !== 'note' || !inside(n.line)) continue;
    const h = n.highlight !== undefined ? items[n.highlight] : undefined;
    const span = h ? { start: h.span.start, end: n.span.end } : n.span;
    out.push({
      name: short(n.text) || '(empty note)',
      detail: h ? `on "${short(h.text, 40)}"` : 'note',
      kind: SymbolKind.Event,
      range: toRange(doc, span),
      selectionRange: toRange(doc, n.span),
    });
  }
  return out;
}
