// Hover cards for everyone the page names: authors (who they are, their handle, their
// stories in this file and in the workspace, their bio), the people the stories quote
// and mention (their full name, title, how the page introduces them, where they are
// quoted), and short forms ("ACFTU": the long form and where the page spells it out).

import { Hover, MarkupContent, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Acronym, ArticleModel, Person } from './article';
import { annotationHover } from './annotationHover';
import { toRange } from './convert';
import { targetAt } from './people';

/** A story elsewhere in the workspace. */
export interface OtherStory {
  uri: string;
  title: string;
  /** 0-based line of its title. */
  line: number;
}

export type StoriesBy = (name: string, exceptUri: string) => OtherStory[];

function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function lineList(lines: number[]): string {
  const shown = lines.slice(0, 12).map((l) => `line ${l + 1}`);
  return shown.join(', ') + (lines.length > 12 ? ` and ${lines.length - 12} more` : '');
}

export function personCard(doc: TextDocument, model: ArticleModel, p: Person, storiesBy?: StoriesBy): string {
  const lines: string[] = [];
  let head = `**${escapeMd(p.name)}**`;
  if (p.handle) head += ` · [@${escapeMd(p.handle)}](https://x.com/${encodeURIComponent(p.handle)})`;
  head += p.role === 'author' ? ' — author' : p.role === 'photographer' ? ' — photographer' : '';
  lines.push(head);
  if (p.title) lines.push('', escapeMd(p.title));
  if (p.summary) lines.push('', escapeMd(p.summary));
  if (p.aka?.length) lines.push('', `Also known as ${p.aka.map((a) => `“${escapeMd(a)}”`).join(', ')}`);
  if (p.description) lines.push('', `Introduced as ${escapeMd(p.description)} — [line ${p.introduced!.line + 1}](${doc.uri}#L${p.introduced!.line + 1})`);
  else if (p.introduced && p.role !== 'author') lines.push('', `First named on [line ${p.introduced.line + 1}](${doc.uri}#L${p.introduced.line + 1})`);
  const quoted = [...new Set(p.mentions.filter((m) => m.quoted).map((m) => m.line))];
  if (quoted.length) lines.push('', `Quoted on ${lineList(quoted)}`);
  const named = [...new Set(p.mentions.map((m) => m.line))];
  if (named.length > 1) lines.push('', `Named on ${lineList(named)}`);
  if (p.stories.length) {
    lines.push('', p.stories.length === 1 ? 'Story in this file:' : 'Stories in this file:');
    for (const i of p.stories) {
      const s = model.stories[i];
      if (!s) continue;
      lines.push(`- [${escapeMd(s.title)}](${doc.uri}#L${s.titleLine + 1}) — line ${s.titleLine + 1}`);
    }
  }
  if (p.role === 'author' && storiesBy) {
    const others = storiesBy(p.name, doc.uri);
    if (others.length) {
      lines.push('', others.length === 1 ? 'Also in the workspace:' : `Also in the workspace (${others.length}):`);
      for (const o of others.slice(0, 10)) lines.push(`- [${escapeMd(o.title)}](${o.uri}#L${o.line + 1}) — ${escapeMd(fileName(o.uri))}`);
    }
  }
  if (p.bio) lines.push('', '---', '', escapeMd(p.bio.text));
  return lines.join('\n');
}

export function acronymCard(doc: TextDocument, a: Acronym): string {
  const uses = [...new Set(a.mentions.map((m) => m.line))];
  return [
    `**${escapeMd(a.short)}** — ${escapeMd(a.long)}`,
    '',
    `Spelled out on [line ${a.definition.line + 1}](${doc.uri}#L${a.definition.line + 1})`,
    '',
    `Used on ${lineList(uses)}`,
  ].join('\n');
}

export function hoverAt(doc: TextDocument, model: ArticleModel, offset: number, storiesBy?: StoriesBy): Hover | null {
  const t = targetAt(model, offset);
  const note = annotationHover(doc, model, offset);
  if (!t) return note;
  const card: Hover =
    t.kind === 'person'
      ? { contents: { kind: MarkupKind.Markdown, value: personCard(doc, model, t.person, storiesBy) }, range: toRange(doc, t.mention.span) }
      : { contents: { kind: MarkupKind.Markdown, value: acronymCard(doc, t.acronym) }, range: toRange(doc, t.at) };
  // a name inside a highlighted passage: the reader's note first, then the card
  if (note && MarkupContent.is(note.contents)) {
    return { contents: { kind: MarkupKind.Markdown, value: `${note.contents.value}\n\n---\n\n${(card.contents as MarkupContent).value}` }, range: card.range };
  }
  return card;
}
