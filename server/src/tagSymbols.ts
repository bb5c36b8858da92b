// Tags (`#claim` inside a note) across the workspace: Workspace Symbols finds them, Find
// All References on a tag lists every use. The scrapes of the workspace folders are read
// when asked (a tag search is rare, and most scrapes hold no notes); each file's tags are
// kept until its modification time or size changes, and open documents are read from
// their live text.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** Every tag in the notes of a text. */
export function tagsOf(uri: string, text: string): TagUse[] {
  if (!text.includes('{>>')) return [];
  const t = lineTable(text);
  const out: TagUse[] = [];
  for (const a of parseAnnotations(text).items) {
    for (const tag of a.tags) {
      const line = lineAt(t, tag.span.start);
      out.push({ name: tag.name, uri, line, character: tag.span.start - t.starts[line], length: tag.span.end - tag.span.start, note: a.text.trim() });
    }
  }
  return out;
}

/** Files read at most, and how deep, per search: a safety bound for huge folders. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_SIZE = 5_000_000;
const SCRAPE = /\.(article|txt)$/i;

export interface TagSources {
  /** Workspace folders, as file system paths. */
  folders(): readonly string[];
  /** Open documents: uri, path (if a file) and live text. */
  open(): readonly { uri: string; path?: string; text: string }[];
}

/** How long a walk of the folders is reused: the symbol picker asks on every keystroke. */
const WALK_TTL_MS = 3000;

export class TagIndex {
  readonly #files = new Map<string, { mtimeMs: number; size: number; tags: TagUse[] }>();
  #walk: { at: number; paths: Promise<string[]> } | undefined;

  constructor(private readonly sources: TagSources) {}

  /** Every tag use in the workspace and the open documents. */
  async all(): Promise<TagUse[]> {
    const open = this.sources.open();
    const openPaths = new Set(open.map((d) => d.path).filter((p): p is string => !!p));
    const out: TagUse[] = [];
    for (const d of open) out.push(...tagsOf(d.uri, d.text));
    const paths = await this.#paths();
    const seen = new Set<string>();
    for (const p of paths) {
      seen.add(p);
      if (openPaths.has(p)) continue;
      out.push(...(await this.#tagsOfFile(p)));
    }
    for (const p of this.#files.keys()) if (!seen.has(p)) this.#files.delete(p);
    return out;
  }

  #paths(): Promise<string[]> {
    const now = Date.now();
    if (!this.#walk || now - this.#walk.at > WALK_TTL_MS) {
      const folders = this.sources.folders();
      const paths = (async () => {
        const out: string[] = [];
        for (const f of folders) await walk(f, out, 0);
        return out;
      })();
      this.#walk = { at: now, paths };
    }
    return this.#walk.paths;
  }

  async #tagsOfFile(path: string): Promise<TagUse[]> {
    try {
      const st = await fs.stat(path);
      const known = this.#files.get(path);
      if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.tags;
      const tags = st.size > MAX_SIZE ? [] : tagsOf(pathToFileURL(path).href, await fs.readFile(path, 'utf8'));
      this.#files.set(path, { mtimeMs: st.mtimeMs, size: st.size, tags });
      return tags;
    } catch {
      return [];
    }
  }

  /** workspace/symbol: the uses of the tags whose name holds the query (with or without `#`). */
  async symbols(query: string): Promise<SymbolInformation[]> {
    const q = query.trim().toLowerCase().replace(/^#/, '');
    return (await this.all())
      .filter((u) => u.name.slice(1).includes(q))
      .map((u) => ({
        name: u.name,
        kind: SymbolKind.Key,
        location: location(u),
        containerName: u.note.length > 60 ? u.note.slice(0, 59) + '…' : u.note,
      }));
  }

  /** Every use of a tag. */
  async references(name: string): Promise<Location[]> {
    return (await this.all()).filter((u) => u.name === name).map(location);
  }
}

function location(u: TagUse): Location {
  return { uri: u.uri, range: { start: { line: u.line, character: u.character }, end: { line: u.line, character: u.character + u.length } } };
}

async function walk(dir: string, out: string[], depth: number): Promise<void> {
  if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, depth + 1);
    else if (e.isFile() && SCRAPE.test(e.name)) out.push(p);
  }
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
