// Tags (`#claim` inside a note) across the workspace: Workspace Symbols finds them, Find
// All References on a tag lists every use. The scrapes of the workspace come from the
// workspace index's summaries (read once per version of each file, like its stories and
// people); open documents the index does not hold (untitled buffers) are read from their
// live text.

import { Location, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { Annotation, lineAt, lineTable, parseAnnotations } from './article';

export interface TagUse {
  /** `#claim`, lower case. */
  name: string;
  uri: string;
  line: number;
  character: number;
  length: number;
  /** The note it is in. */
  note: string;
}

/** Every tag in these notes, positioned by the text's line starts. */
export function tagUses(uri: string, items: readonly Annotation[], starts: readonly number[]): TagUse[] {
  const out: TagUse[] = [];
  for (const a of items) {
    for (const tag of a.tags) {
      const line = lineAt({ starts }, tag.span.start);
      out.push({ name: tag.name, uri, line, character: tag.span.start - starts[line], length: tag.span.end - tag.span.start, note: a.text.trim() });
    }
  }
  return out;
}

/** Every tag in the notes of a text that has no model at hand. */
export function tagsOf(uri: string, text: string): TagUse[] {
  if (!text.includes('{>>')) return [];
  return tagUses(uri, parseAnnotations(text).items, lineTable(text).starts);
}

/** workspace/symbol: the uses of the tags whose name holds the query (with or without `#`). */
export function tagSymbols(query: string, uses: readonly TagUse[]): SymbolInformation[] {
  const q = query.trim().toLowerCase().replace(/^#/, '');
  return uses
    .filter((u) => u.name.slice(1).includes(q))
    .map((u) => ({
      name: u.name,
      kind: SymbolKind.Key,
      location: location(u),
      containerName: u.note.length > 60 ? u.note.slice(0, 59) + '…' : u.note,
    }));
}

/** Every use of a tag. */
export function tagReferences(name: string, uses: readonly TagUse[]): Location[] {
  return uses.filter((u) => u.name === name).map(location);
}

function location(u: TagUse): Location {
  return { uri: u.uri, range: { start: { line: u.line, character: u.character }, end: { line: u.line, character: u.character + u.length } } };
}

/** The tag under the cursor (a note's `#word`), if any. */
export function tagAt(items: readonly Annotation[] | undefined, offset: number): string | undefined {
  for (const a of items ?? []) {
    if (a.span.end < offset) continue;
    if (a.span.start > offset) break;
    for (const t of a.tags) if (t.span.start <= offset && offset <= t.span.end) return t.name;
  }
  return undefined;
}
