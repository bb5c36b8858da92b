// The outline: one symbol per story, named by its headline, with its crossheads and
// authors as children. Breadcrumbs and Go to Symbol use the same tree.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, Story } from './article';
import { positionsOf } from './convert';
import { noteSymbols } from './notesOutline';

function storyDetail(s: Story, model: ArticleModel): string {
  const parts: string[] = [];
  if (!s.headline) parts.push('headline lost');
  if (s.truncatedAt !== undefined) parts.push(`teaser, cut off at line ${s.truncatedAt + 1}`);
  const names = s.authors.map((id) => model.people.find((p) => p.id === id)?.name).filter(Boolean);
  if (names.length) parts.push('by ' + names.join(', '));
  return parts.join(' · ');
}

export function documentSymbols(doc: TextDocument, model: ArticleModel): DocumentSymbol[] {
  return storySymbols(doc, model).concat(noteSymbols(doc, model));
}

function storySymbols(doc: TextDocument, model: ArticleModel): DocumentSymbol[] {
  const at = positionsOf(doc, model);
  const toRange = (_: TextDocument, span: { start: number; end: number }) => ({ start: at(span.start), end: at(span.end) });
  return model.stories.map((s) => {
    const range = {
      start: { line: s.startLine, character: 0 },
      end: at(model.lineStarts[s.endLine] + lineLength(model, s.endLine)),
    };
    const children: DocumentSymbol[] = [];
    for (const c of s.crossheads) {
      children.push({
        name: c.text,
        kind: SymbolKind.String,
        range: { start: { line: c.line, character: 0 }, end: at(model.lineStarts[c.endLine] + lineLength(model, c.endLine)) },
        selectionRange: toRange(doc, c.span),
      });
    }
    for (const id of s.authors) {
      const p = model.people.find((x) => x.id === id);
      if (!p) continue;
      // the author's name inside this story: the name line or byline, else the bio
      const m = p.mentions.find((x) => x.line >= s.startLine && x.line <= s.endLine && x.form === 'name');
      if (!m) continue;
      const r = toRange(doc, m.span);
      children.push({ name: p.name, detail: p.summary ?? 'author', kind: SymbolKind.Property, range: r, selectionRange: r });
    }
    children.push(...noteSymbols(doc, model, s.startLine, s.endLine));
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      name: s.title,
      detail: storyDetail(s, model),
      kind: SymbolKind.Module,
      range,
      selectionRange: toRange(doc, s.titleSpan),
      children,
    };
  });
}

function lineLength(model: ArticleModel, line: number): number {
  const start = model.lineStarts[line];
  const next = model.lineStarts[line + 1];
  const raw = next === undefined ? model.text.slice(start) : model.text.slice(start, next);
  return raw.replace(/\r\n$|\n$|\r$/, '').length;
}
