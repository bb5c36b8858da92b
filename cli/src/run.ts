// A run over many files, as the server reads a workspace: the evidence for a file is the
// line counts of its folder's scrapes (site chrome), so every folder's scrapes are
// hashed (on the pool) and counted in a SiteChromeIndex (here, on the main thread)
// before its inputs are checked, cleaned or outlined (on the pool, asking the index for
// their lines' counts). Folders go one after the other in a single stream of tasks:
// the hashing of the next folders runs ahead of the analysis of this one, so the threads
// stay busy even when every folder holds one file; a folder's counts are dropped as soon
// as its last input is done. At most a few tasks per thread are in flight and results
// wait only for those before them, so memory depends on the largest folder, never on
// the number of files; the index holds typed arrays of line hashes, never texts.
// Results come in input order, grouped by folder (a folder's files before its
// subfolders', as inputs.ts lists them).

import { dirname } from 'node:path';
import { SiteChromeIndex } from '../../server/src/article';
import { GalleySettings } from '../../server/src/settings';
import { SettingsResolver } from './config';
import { Input, scrapeKind, scrapesIn } from './inputs';
import { Lookup, Pool } from './pool';
import { Progress } from './progress';
import { FileTask, KnownEvidence, NOT_A_SCRAPE, Output, Result, Task } from './work';

export interface RunOptions {
  op: FileTask['op'];
  pool: Pool;
  settings: SettingsResolver;
  output: (input: Input) => Output;
  progress: Progress;
  /** Counts folders' scrapes for site chrome (as galley.workspace.index does). */
  evidence: boolean;
}

export interface RunStats {
  files: number;
  bytes: number;
  errors: number;
  skipped: number;
  ms: number;
}

/** Runs tasks on the pool, at most `window` at a time, each once `ready` says so (in
 * order: a task that is not ready holds back those after it), and hands results on in
 * order. */
export async function inOrder<T>(
  items: readonly T[],
  pool: Pool,
  task: (item: T, id: number) => { task: Task; lookup: Lookup } | undefined,
  emit: (item: T, result: Result | undefined, index: number) => void,
  options: { tick?: (done: number) => void; ready?: (item: T) => boolean; arrived?: (item: T, result: Result) => void } = {},
): Promise<void> {
  const window = pool.size * 4;
  const done = new Map<number, Result | undefined>();
  let next = 0;
  let emitted = 0;
  await new Promise<void>((resolve) => {
    const flush = () => {
      while (done.has(emitted)) {
        const r = done.get(emitted);
        done.delete(emitted);
        emit(items[emitted], r, emitted);
        emitted++;
      }
      options.tick?.(emitted);
      if (emitted === items.length) resolve();
      else pump();
    };
    const pump = () => {
      while (next < items.length && next - emitted < window && (options.ready?.(items[next]) ?? true)) {
        const i = next++;
        const t = task(items[i], i);
        if (!t) {
          done.set(i, undefined);
          continue;
        }
        pool.run(t.task, t.lookup).then((r) => {
          options.arrived?.(items[i], r);
          done.set(i, r);
          flush();
        });
      }
      // tasks skipped synchronously are done already; the others arrive through flush
      if (done.has(emitted)) flush();
    };
    if (!items.length) resolve();
    else pump();
  });
}

/** A step of a run: hash one of a folder's scrapes, or work on one input. */
type Step = { hash: string; folder: string } | { input: Input; folder: string };

export async function runFiles(inputs: readonly Input[], opts: RunOptions, emit: (input: Input, result: Result) => void): Promise<RunStats> {
  const t0 = performance.now();
  const stats: RunStats = { files: 0, bytes: 0, errors: 0, skipped: 0, ms: 0 };
  const settingsOf = (dir: string): GalleySettings => opts.settings.forDir(dir).settings;

  // the inputs by folder, folders in the order they first come
  const byFolder = new Map<string, Input[]>();
  for (const i of inputs) {
    const d = dirname(i.path);
    let group = byFolder.get(d);
    if (!group) byFolder.set(d, (group = []));
    group.push(i);
  }
  const folders = [...byFolder.keys()];
  const counted = (d: string) => opts.evidence && settingsOf(d).workspaceIndex;

  // one stream: the hashing of the next folders goes ahead of this folder's inputs by
  // about LOOKAHEAD steps (so the threads have work while a folder's counts complete),
  // and no further (so only a few folders' counts are held at a time)
  const lookahead = opts.pool.size * 8;
  const steps: Step[] = [];
  const hashSteps = new Map<string, number>();
  const pushHashes = (d: string) => {
    const scrapes = counted(d) ? scrapesIn(d) : [];
    for (const path of scrapes) steps.push({ hash: path, folder: d });
    hashSteps.set(d, scrapes.length);
    return scrapes.length;
  };
  let ahead = 0; // hash steps of the folders after the current one
  for (let a = 0, h = 0; a < folders.length; a++) {
    if (h <= a) {
      pushHashes(folders[a]);
      h = a + 1;
    } else ahead -= hashSteps.get(folders[a])!;
    while (h < folders.length && ahead < lookahead) ahead += pushHashes(folders[h++]);
    for (const input of byFolder.get(folders[a])!) steps.push({ input, folder: folders[a] });
  }

  const index = new SiteChromeIndex();
  // per folder: hashes still running, inputs still to come, what was indexed, the
  // scrapes found not to read like one
  const hashing = new Map<string, number>();
  const remaining = new Map<string, number>();
  const indexed = new Map<string, string[]>();
  const notScrapes = new Set<string>();
  // the line hashes of inputs that were counted, until they are sent with their task
  const inputPaths = new Set(inputs.map((i) => i.path));
  const ownHashes = new Map<string, Float64Array>();
  for (const st of steps) {
    const m = 'hash' in st ? hashing : remaining;
    m.set(st.folder, (m.get(st.folder) ?? 0) + 1);
  }
  const release = (folder: string) => {
    for (const p of indexed.get(folder) ?? []) {
      index.delete(p);
      notScrapes.delete(p);
    }
    indexed.delete(folder);
  };
  /** The folder's counts for the document's own lines. */
  const known = (path: string, folder: string): KnownEvidence | undefined => {
    const hashes = ownHashes.get(path);
    ownHashes.delete(path);
    if (!hashes) return undefined;
    const docs = new Int32Array(hashes.length);
    let of = 0;
    for (let i = 0; i < hashes.length; i++) {
      const e = index.evidenceOfHash(folder, hashes[i]);
      docs[i] = e?.docs ?? 0;
      if (e) of = e.of;
    }
    return { hashes, docs, of };
  };

  let done = 0;
  await inOrder(
    steps,
    opts.pool,
    (st, id) => {
      if ('hash' in st) {
        const task: Task = { op: 'hash', id, source: { path: st.hash, name: st.hash }, requireArticle: scrapeKind(st.hash) === 'txt', maxFileSize: settingsOf(st.folder).maxFileSize };
        return { task, lookup: () => [] };
      }
      const { input } = st;
      const folder = index.folderOf(input.path);
      // a folder's `.txt` file that is not a scrape stays plain text, as in the editor
      const unsure = !input.explicit && scrapeKind(input.path) === 'txt' && folder === undefined;
      if (unsure && notScrapes.has(input.path)) return undefined;
      const task: FileTask = {
        op: opts.op,
        id,
        source: { path: input.path, name: input.path },
        settings: settingsOf(st.folder),
        requireArticle: unsure,
        evidence: folder !== undefined,
        known: folder !== undefined ? known(input.path, folder) : undefined,
        output: opts.output(input),
      };
      return { task, lookup: (hashes) => Array.from(hashes, (h) => index.evidenceOfHash(folder!, h)) };
    },
    (st, r) => {
      if ('hash' in st) return;
      done++;
      if (remaining.set(st.folder, remaining.get(st.folder)! - 1).get(st.folder) === 0) release(st.folder);
      if (!r || r.skipped === NOT_A_SCRAPE) {
        stats.skipped++;
        return;
      }
      stats.files++;
      stats.bytes += r.bytes;
      if (r.error) stats.errors++;
      else if (r.skipped) stats.skipped++;
      emit(st.input, r);
    },
    {
      // a folder's inputs wait for all its scrapes to be counted
      ready: (st) => 'hash' in st || !hashing.get(st.folder),
      arrived: (st, r) => {
        if (!('hash' in st)) return;
        hashing.set(st.folder, hashing.get(st.folder)! - 1);
        if (r.hashes) {
          index.setLineHashes(st.hash, st.folder, r.hashes);
          if (inputPaths.has(st.hash)) ownHashes.set(st.hash, r.hashes);
          let list = indexed.get(st.folder);
          if (!list) indexed.set(st.folder, (list = []));
          list.push(st.hash);
        } else if (r.skipped === NOT_A_SCRAPE) {
          notScrapes.add(st.hash);
          let list = indexed.get(st.folder);
          if (!list) indexed.set(st.folder, (list = []));
          list.push(st.hash);
        }
      },
      tick: () => opts.progress.update(opts.op === 'clean' ? 'cleaning' : 'checking', done, inputs.length),
    },
  );
  opts.progress.clear();
  stats.ms = performance.now() - t0;
  return stats;
}
