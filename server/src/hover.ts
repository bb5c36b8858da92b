// Hover cards for the people a story names as its authors: who they are, their
// handle, the stories in this file by them, and their bio.

import { Hover, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, Person } from './article';
import { annotationHover } from './annotationHover';
import { toRange } from './convert';

function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

export function personCard(doc: TextDocument, model: ArticleModel, p: Person): string {
  const lines: string[] = [];
  let head = `**${escapeMd(p.name)}**`;
  if (p.handle) head += ` · [@${escapeMd(p.handle)}](https://x.com/${encodeURIComponent(p.handle)})`;
  head += ' — author';
  lines.push(head);
  if (p.summary) lines.push('', escapeMd(p.summary));
  if (p.stories.length) {
    lines.push('', p.stories.length === 1 ? 'Story in this file:' : 'Stories in this file:');
    for (const i of p.stories) {
      const s = model.stories[i];
      if (!s) continue;
      lines.push(`- [${escapeMd(s.title)}](${doc.uri}#L${s.titleLine + 1}) — line ${s.titleLine + 1}`);
    }
  }
  if (p.bio) lines.push('', '---', '', escapeMd(p.bio.text));
  return lines.join('\n');
}

export function hoverAt(doc: TextDocument, model: ArticleModel, offset: number): Hover | null {
  for (const p of model.people) {
    for (const m of p.mentions) {
      if (m.span.start <= offset && offset < m.span.end) {
        return { contents: { kind: MarkupKind.Markdown, value: personCard(doc, model, p) }, range: toRange(doc, m.span) };
      }
    }
  }
  return annotationHover(doc, model, offset);
}
