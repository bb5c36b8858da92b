// Find All References and Document Highlights: every mention of the person under the
// cursor (full name, surname, first name, nickname, handle), or every use of a short
// form (with its spelling-out as the declaration).

import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, Span } from './article';
import { toRange } from './convert';
import { targetAt } from './people';

function spansAt(model: ArticleModel, offset: number, includeDeclaration: boolean): { span: Span; declaration: boolean }[] {
  const t = targetAt(model, offset);
  if (!t) return [];
  if (t.kind === 'person') {
    const intro = t.person.introduced?.span;
    return t.person.mentions
      .map((m) => ({ span: m.span, declaration: !!intro && intro.start === m.span.start }))
      .filter((m) => includeDeclaration || !m.declaration);
  }
  const uses = t.acronym.mentions.map((m) => ({ span: m.span, declaration: false }));
  if (includeDeclaration) uses.unshift({ span: t.acronym.definition.span, declaration: true });
  return uses.sort((a, b) => a.span.start - b.span.start);
}

export function referencesAt(doc: TextDocument, model: ArticleModel, offset: number, includeDeclaration: boolean): Location[] {
  return spansAt(model, offset, includeDeclaration).map((s) => ({ uri: doc.uri, range: toRange(doc, s.span) }));
}

export function highlightsAt(doc: TextDocument, model: ArticleModel, offset: number): DocumentHighlight[] {
  return spansAt(model, offset, true).map((s) => ({ range: toRange(doc, s.span), kind: s.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Text }));
}
