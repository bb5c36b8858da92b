// The workspace's scrapes as evidence of site chrome: every scrape of every workspace
// folder goes into a SiteChromeIndex (article/siteChrome.ts), counted per directory.
//
// - On start, the workspace folders are walked (not following symlinks, skipping
//   node_modules and .git) for `*.article` files and `*.txt` files that read like a
//   scrape (detectArticle); they are read and indexed in small batches, yielding to the
//   event loop between batches so that requests stay fast, under a cancellable
//   window/workDoneProgress ("Indexing scrapes: 120/2000").
// - Open documents count with their live text; closed ones with the text on disk.
//   workspace/didChangeWatchedFiles re-reads created and changed files and forgets
//   deleted ones (and everything under a deleted directory).
// - Every read is stamped with the path's epoch: a read that a newer event or an
//   open/close overtook is dropped, so the index never goes back to older text.
// - Folders whose counts changed are reported (debounced; at most once a second while
//   the first indexing runs) so the server can refresh their documents' diagnostics.
// - Cancelling the progress stops indexing and empties the index: counts over part of a
//   folder would be wrong, so there are no site-chrome findings until the index is
//   started again (galley.workspace.index switched off and on, or a restart).

import { Dirent, promises as fs } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Connection, FileChangeType, FileEvent } from 'vscode-languageserver/node';
import { analyzeArticle, ArticleModel, SiteChromeIndex, SiteChromeLookup } from './article';
import { detectArticle } from './article/detect';
import { TagUse, tagUses } from './tagSymbols';

export interface IndexSettings {
  enabled: boolean;
  maxFileSize: number;
}

export interface WorkspaceIndexHost {
  connection: Connection;
  /** The index settings of a workspace folder (by URI). */
  settings(folderUri: string): Promise<IndexSettings>;
  /** The live text of the open document at this path, if one is open. */
  openText(path: string): string | undefined;
  /** The paths of the open documents. */
  openPaths(): Iterable<string>;
  /** Directories whose counts changed. */
  changed(folders: ReadonlySet<string>): void;
}

/** What workspace symbols and author cards need of a scrape: its stories, people and tags. */
export interface DocSummary {
  uri: string;
  stories: { title: string; line: number; start: number; end: number; authors: string[] }[];
  people: { name: string; role: string; line: number; start: number; end: number }[];
  /** The tags of its notes. */
  tags: TagUse[];
}

export function summarise(uri: string, model: ArticleModel): DocSummary {
  const col = (offset: number, line: number) => offset - model.lineStarts[line];
  return {
    uri,
    stories: model.stories.map((st) => ({
      title: st.title,
      line: st.titleLine,
      start: col(st.titleSpan.start, st.titleLine),
      end: col(st.titleSpan.end, st.titleLine),
      authors: st.authors.map((id) => model.people.find((p) => p.id === id)?.name).filter((n): n is string => !!n),
    })),
    people: model.people.flatMap((p) => {
      const at = p.introduced ?? p.mentions[0];
      return at ? [{ name: p.name, role: p.role, line: at.line, start: col(at.span.start, at.line), end: col(at.span.end, at.line) }] : [];
    }),
    tags: model.annotations ? tagUses(uri, model.annotations.items, model.lineStarts) : [],
  };
}

export interface Evidence {
  /** Changes whenever the folder's counts change. */
  stamp: number;
  lookup: SiteChromeLookup;
}

/** Files read together; the next batch is read while one is indexed. Small batches keep
 * the texts waiting to be indexed young, so they die in the young generation: with 32,
 * RSS after indexing 10,000 scrapes varied from 130 to 250 MB, with 8 it stays near
 * 110-160 MB, at the same speed (bench/workspace-index.mjs). */
const BATCH = 8;
/** Indexing gives the event loop a turn after this many milliseconds of work. */
const SLICE_MS = 2;
/** Delay before reporting changed folders: after an event, and while indexing. */
const SETTLE_MS = 50;
const RUNNING_SETTLE_MS = 1000;
/** Live text of an open document is re-indexed this long after its last change. */
const EDIT_SETTLE_MS = 250;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** The file system path of a file: URI, or undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isScrapeName(name: string): 'article' | 'txt' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.article')) return 'article';
  if (lower.endsWith('.txt')) return 'txt';
  return undefined;
}

interface Root {
  uri: string;
  path: string;
  settings: IndexSettings;
}

interface Run {
  cancelled: boolean;
}

interface FileRead {
  path: string;
  root: Root;
  /** The path's epoch when the read started. */
  epoch: number;
  /** The text, or undefined: gone, unreadable, too large, not a scrape's name. */
  text: string | undefined;
}

type Progress = Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>>;

export class WorkspaceIndex {
  readonly index = new SiteChromeIndex();
  #roots: Root[] = [];
  /** False once indexing was cancelled, or before it started. */
  #active = false;
  #run: Run | undefined;
  #running: Promise<void> = Promise.resolve();
  /** The first indexing is running: changed folders are reported at most once a second. */
  #indexing = false;
  readonly #epoch = new Map<string, number>();
  readonly #dirty = new Set<string>();
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Stories and people of each indexed scrape, for the epoch of its text they were read at. */
  readonly #summaries = new Map<string, { epoch: number; summary: DocSummary }>();

  constructor(private readonly host: WorkspaceIndexHost) {}

  /** Starts indexing these workspace folders (URIs). */
  async start(folderUris: readonly string[]): Promise<void> {
    const roots: Root[] = [];
    for (const uri of folderUris) {
      const path = pathOf(uri);
      if (path) roots.push({ uri, path, settings: await this.host.settings(uri) });
    }
    this.#roots = roots;
    this.#restart();
  }

  /** Settings changed: restarts indexing if they changed for any folder. */
  async reconfigure(): Promise<void> {
    let changed = false;
    for (const r of this.#roots) {
      const s = await this.host.settings(r.uri);
      if (s.enabled !== r.settings.enabled || s.maxFileSize !== r.settings.maxFileSize) changed = true;
      r.settings = s;
    }
    if (changed) this.#restart();
  }

  /** The evidence for a document, if it is indexed. */
  evidence(uri: string): Evidence | undefined {
    const path = pathOf(uri);
    const folder = path !== undefined ? this.index.folderOf(path) : undefined;
    if (folder === undefined) return undefined;
    return { stamp: this.index.generation(folder), lookup: this.index.lookup(folder) };
  }

  /** The stories and people of every indexed scrape: read (and kept) for the scrapes
   * whose text changed since, a few milliseconds at a time so that requests stay fast;
   * stops early when `cancelled` says so. */
  async summaries(cancelled: () => boolean = () => false): Promise<DocSummary[]> {
    const out: DocSummary[] = [];
    let slice = performance.now();
    for (const path of [...this.index.documents()]) {
      if (cancelled()) break;
      const epoch = this.#epoch.get(path) ?? 0;
      let c = this.#summaries.get(path);
      if (!c || c.epoch !== epoch) {
        let text = this.host.openText(path);
        if (text === undefined) text = await fs.readFile(path, 'utf8').catch(() => undefined);
        if (text === undefined || (this.#epoch.get(path) ?? 0) !== epoch || !this.index.has(path)) continue;
        c = { epoch, summary: summarise(pathToFileURL(path).href, analyzeArticle(text)) };
        this.#summaries.set(path, c);
        if (performance.now() - slice > SLICE_MS * 4) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      out.push(c.summary);
    }
    return out;
  }

  /** The summaries already read and still current (for hovers, which must not wait). */
  currentSummaries(): DocSummary[] {
    const out: DocSummary[] = [];
    for (const [path, c] of this.#summaries) if ((this.#epoch.get(path) ?? 0) === c.epoch && this.index.has(path)) out.push(c.summary);
    return out;
  }

  // ---------------------------------------------------------------- open documents

  opened(uri: string, text: string): void {
    const path = pathOf(uri);
    if (path === undefined) return;
    this.#bump(path);
    this.#setLive(path, text);
  }

  edited(uri: string): void {
    const path = pathOf(uri);
    if (path === undefined || !this.#active || !this.#rootOf(path)) return;
    this.#bump(path);
    const t = this.#editTimers.get(path);
    if (t) clearTimeout(t);
    this.#editTimers.set(
      path,
      setTimeout(() => {
        this.#editTimers.delete(path);
        const text = this.host.openText(path);
        if (text !== undefined) this.#setLive(path, text);
      }, EDIT_SETTLE_MS),
    );
  }

  /** A closed document counts with its text on disk again. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (path === undefined) return;
    const t = this.#editTimers.get(path);
    if (t) clearTimeout(t);
    this.#editTimers.delete(path);
    if (!this.#active) return;
    const root = this.#rootOf(path);
    if (!root) return;
    this.#bump(path);
    void this.#indexFile(path, root);
  }

  // ---------------------------------------------------------------- watched files

  watched(changes: readonly FileEvent[]): void {
    if (!this.#active) return;
    const deletedDirs = new Set<string>();
    for (const c of changes) {
      const path = pathOf(c.uri);
      if (path === undefined) continue;
      const root = this.#rootOf(path);
      if (!root) continue;
      this.#bump(path);
      if (c.type === FileChangeType.Deleted) {
        // a file, or a directory and everything under it; open documents keep their text
        if (this.host.openText(path) === undefined) this.#forget(path);
        if (!isScrapeName(path)) deletedDirs.add(path);
      } else if (isScrapeName(path) && this.host.openText(path) === undefined) {
        void this.#indexFile(path, root);
      }
    }
    if (deletedDirs.size) this.#forgetUnder(deletedDirs);
  }

  /** Forgets the documents under deleted directories (any deleted path that is not a
   * scrape's may be one): one pass over the folders, each checked by its ancestors, and
   * one over the documents only if a folder was under one. Linear per notification
   * however many paths it deletes. */
  #forgetUnder(deleted: ReadonlySet<string>): void {
    const gone = new Set<string>();
    for (const f of this.index.folders()) {
      for (let d = f, up = dirname(f); ; d = up, up = dirname(up)) {
        if (deleted.has(d)) {
          gone.add(f);
          break;
        }
        if (up === d) break;
      }
    }
    if (!gone.size) return;
    for (const doc of [...this.index.documents()]) {
      if (gone.has(this.index.folderOf(doc)!) && this.host.openText(doc) === undefined) this.#forget(doc);
    }
  }

  // ---------------------------------------------------------------- indexing

  #restart(): void {
    if (this.#run) this.#run.cancelled = true;
    this.#clear();
    const run: Run = { cancelled: false };
    this.#run = run;
    const previous = this.#running;
    this.#running = previous.then(() => this.#indexAll(run)).catch((e) => {
      this.host.connection.console.error(`Galley: indexing the workspace failed: ${e instanceof Error ? e.stack : String(e)}`);
    });
  }

  #clear(): void {
    this.#active = false;
    for (const t of this.#editTimers.values()) clearTimeout(t);
    this.#editTimers.clear();
    for (const f of this.index.folders()) this.#dirty.add(f);
    this.index.clear();
    this.#summaries.clear();
    this.#flush();
  }

  async #indexAll(run: Run): Promise<void> {
    const { connection } = this.host;
    const roots = this.#roots.filter((r) => r.settings.enabled);
    if (run.cancelled) return;
    if (!roots.length) {
      connection.console.info(this.#roots.length ? 'Galley: workspace index is off (galley.workspace.index).' : 'Galley: no workspace folder to index.');
      return;
    }
    this.#active = true;
    // open documents count with their live text from the start
    for (const r of roots) this.#indexOpen(r);
    const t0 = Date.now();
    let progress: Progress | undefined;
    try {
      progress = await connection.window.createWorkDoneProgress();
    } catch {
      progress = undefined; // the client refused a progress token: index without one
    }
    const cancelled = () => run.cancelled || !!progress?.token.isCancellationRequested;
    progress?.begin('Galley', 0, 'Indexing scrapes: looking for files', true);

    const files: { path: string; root: Root }[] = [];
    let counts = { done: 0, indexed: 0 };
    this.#indexing = true;
    try {
      for (const root of roots) await this.#walk(root.path, root, files, cancelled);
      counts = await this.#indexFiles(files, progress, cancelled);
    } finally {
      this.#indexing = false;
    }
    const { done, indexed } = counts;
    const ms = Date.now() - t0;
    if (cancelled()) {
      progress?.done();
      if (!run.cancelled) {
        // the user cancelled: counts over part of the workspace would mislead
        this.#clear();
        connection.console.info(`Galley: indexing cancelled after ${done} of ${files.length} files; no site-chrome evidence until galley.workspace.index is switched off and on again or the server restarts.`);
      }
      return;
    }
    progress?.done();
    // read the scrapes' stories and people in the background, for workspace symbols
    void this.summaries(() => run.cancelled);
    const st = this.index.stats();
    connection.console.info(
      `Galley: indexed ${indexed} scrapes of ${files.length} files in ${st.folders} folders in ${ms} ms (${st.contents} distinct, ${st.lines} distinct lines, ${(st.bytes / 1e6).toFixed(1)} MB).`,
    );
    this.#flush();
  }

  async #indexFiles(
    files: { path: string; root: Root }[],
    progress: Progress | undefined,
    cancelled: () => boolean,
  ): Promise<{ done: number; indexed: number }> {
    let done = 0;
    let indexed = 0;
    const readBatch = (from: number) => Promise.all(files.slice(from, from + BATCH).map((f) => this.#read(f.path, f.root)));
    // the next batch is read (by libuv's threads) while this one is indexed
    let next = readBatch(0);
    let slice = performance.now();
    for (let i = 0; i < files.length && !cancelled(); i += BATCH) {
      const batch = await next;
      next = readBatch(i + BATCH);
      for (const r of batch) {
        if (cancelled()) break;
        if (this.#apply(r)) indexed++;
        done++;
        // let requests and notifications (a cancellation among them) in every few ms
        if (performance.now() - slice > SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      progress?.report((100 * done) / files.length, `Indexing scrapes: ${done}/${files.length}`);
    }
    await next.catch(() => undefined);
    return { done, indexed };
  }

  async #walk(dir: string, root: Root, out: { path: string; root: Root }[], cancelled: () => boolean): Promise<void> {
    if (cancelled()) return;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      // symbolic links are not followed (no cycles, no files outside the workspace)
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && this.#rootOf(p) === root) await this.#walk(p, root, out, cancelled);
      } else if (e.isFile() && isScrapeName(e.name)) out.push({ path: p, root });
    }
  }

  #indexOpen(root: Root): void {
    for (const path of this.host.openPaths()) {
      if (this.#rootOf(path) !== root) continue;
      const text = this.host.openText(path);
      if (text !== undefined) this.#setLive(path, text);
    }
  }

  /** Reads a file from disk and indexes it (or forgets it: gone, too large, not a
   * scrape). Returns whether it is indexed. */
  async #indexFile(path: string, root: Root): Promise<boolean> {
    return this.#apply(await this.#read(path, root));
  }

  async #read(path: string, root: Root): Promise<FileRead> {
    const epoch = this.#epoch.get(path) ?? 0;
    let text: string | undefined;
    if (isScrapeName(path)) {
      try {
        const st = await fs.stat(path);
        // a UTF-16 code unit takes at most 3 bytes of UTF-8
        if (st.isFile() && st.size <= 3 * root.settings.maxFileSize) text = await fs.readFile(path, 'utf8');
      } catch {
        text = undefined;
      }
    }
    return { path, root, epoch, text };
  }

  #apply({ path, root, epoch, text }: FileRead): boolean {
    // a newer event, or the document opened or closed meanwhile: its own read decides
    if ((this.#epoch.get(path) ?? 0) !== epoch || !this.#active) return false;
    if (this.host.openText(path) !== undefined) return this.index.has(path);
    if (text === undefined || text.length > root.settings.maxFileSize || (isScrapeName(path) === 'txt' && !detectArticle(text).isArticle)) {
      this.#forget(path);
      return false;
    }
    this.#set(path, text);
    return true;
  }

  #setLive(path: string, text: string): void {
    if (!this.#active) return;
    const root = this.#rootOf(path);
    if (!root) return;
    if (text.length > root.settings.maxFileSize) this.#forget(path);
    else this.#set(path, text);
  }

  #set(path: string, text: string): void {
    const before = this.index.folderOf(path);
    const folder = dirname(path);
    if (this.index.set(path, folder, text)) {
      if (before !== undefined) this.#dirty.add(before);
      this.#dirty.add(folder);
      this.#flushSoon();
    }
  }

  #forget(path: string): void {
    this.#summaries.delete(path);
    const folder = this.index.folderOf(path);
    if (folder !== undefined && this.index.delete(path)) {
      this.#dirty.add(folder);
      this.#flushSoon();
    }
  }

  #bump(path: string): void {
    this.#epoch.set(path, (this.#epoch.get(path) ?? 0) + 1);
  }

  /** The innermost enabled workspace folder holding the path. */
  #rootOf(path: string): Root | undefined {
    let best: Root | undefined;
    for (const r of this.#roots) {
      if (!r.settings.enabled) continue;
      const inside = path === r.path || path.startsWith(r.path.endsWith(sep) ? r.path : r.path + sep);
      if (inside && (!best || r.path.length > best.path.length)) best = r;
    }
    return best;
  }

  #flushSoon(): void {
    if (this.#flushTimer) return;
    this.#flushTimer = setTimeout(() => this.#flush(), this.#indexing ? RUNNING_SETTLE_MS : SETTLE_MS);
  }

  #flush(): void {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (!this.#dirty.size) return;
    const folders = new Set(this.#dirty);
    this.#dirty.clear();
    this.host.changed(folders);
  }

  dispose(): void {
    if (this.#run) this.#run.cancelled = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    for (const t of this.#editTimers.values()) clearTimeout(t);
  }
}
