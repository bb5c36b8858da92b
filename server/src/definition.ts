// Go to Definition: from any mention of a person (a surname, a first name, a nickname, a
// handle) to where the page introduces them; from a short form to its spelling-out.

import { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel } from './article';
import { toRange } from './convert';
import { targetAt } from './people';

export function definitionAt(doc: TextDocument, model: ArticleModel, offset: number): Location | null {
  const t = targetAt(model, offset);
  if (!t) return null;
  if (t.kind === 'person') {
    const at = t.person.introduced ?? t.person.mentions[0];
    return at ? { uri: doc.uri, range: toRange(doc, at.span) } : null;
  }
  return { uri: doc.uri, range: toRange(doc, t.acronym.definition.span) };
}
