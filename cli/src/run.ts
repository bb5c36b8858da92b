// A run over many files, in two passes, as the server does for a workspace:
//  1. the scrapes of every folder that holds an input are hashed (on the pool) and
//     counted in one SiteChromeIndex (here, on the main thread): the evidence for lines
//     that recur across a folder's scrapes (site chrome);
//  2. every input is checked, cleaned or outlined (on the pool), asking the index for
//     its folder's evidence, and handed on in input order.
// At most a few tasks per thread are in flight and results wait only until those
// before them are done, so memory stays flat however many files there are: the index
// holds typed arrays of line hashes, never texts.

import { dirname } from 'node:path';
import { SiteChromeIndex } from '../../server/src/article';
import { GalleySettings } from '../../server/src/settings';
import { SettingsResolver } from './config';
import { Input, scrapeKind, scrapesIn } from './inputs';
import { Lookup, Pool } from './pool';
import { Progress } from './progress';
import { FileTask, NOT_A_SCRAPE, Output, Result, Task } from './work';

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
  /** Of which counting the folders' scrapes. */
  indexMs: number;
}

/** Runs tasks on the pool, at most `window` at a time, and hands results on in order. */
export async function inOrder<T>(
  items: readonly T[],
  pool: Pool,
  task: (item: T, id: number) => { task: Task; lookup: Lookup } | undefined,
  emit: (item: T, result: Result | undefined, index: number) => void,
  tick?: (done: number) => void,
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
      tick?.(emitted);
      if (emitted === items.length) resolve();
      else pump();
    };
    const pump = () => {
      while (next < items.length && next - emitted < window) {
        const i = next++;
        const t = task(items[i], i);
        if (!t) {
          done.set(i, undefined);
          continue;
        }
        pool.run(t.task, t.lookup).then((r) => {
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

export async function runFiles(inputs: readonly Input[], opts: RunOptions, emit: (input: Input, result: Result) => void): Promise<RunStats> {
  const t0 = performance.now();
  const stats: RunStats = { files: 0, bytes: 0, errors: 0, skipped: 0, ms: 0, indexMs: 0 };
  const settingsOf = (path: string): GalleySettings => opts.settings.forDir(dirname(path)).settings;

  // 1. the folders' evidence
  const index = new SiteChromeIndex();
  const notScrapes = new Set<string>();
  if (opts.evidence) {
    const folders = [...new Set(inputs.map((i) => dirname(i.path)))].filter((d) => settingsOf(d + '/x').workspaceIndex);
    const toIndex = folders.flatMap((d) => scrapesIn(d));
    await inOrder(
      toIndex,
      opts.pool,
      (path, id) => ({
        task: { op: 'hash', id, source: { path, name: path }, requireArticle: scrapeKind(path) === 'txt', maxFileSize: settingsOf(path).maxFileSize },
        lookup: () => [],
      }),
      (path, r) => {
        if (r?.hashes) index.setLineHashes(path, dirname(path), r.hashes);
        else if (r?.skipped === NOT_A_SCRAPE) notScrapes.add(path);
      },
      (done) => opts.progress.update('indexing', done, toIndex.length),
    );
  }

  stats.indexMs = performance.now() - t0;

  // 2. the inputs
  await inOrder(
    inputs,
    opts.pool,
    (input, id) => {
      const folder = index.folderOf(input.path);
      // a folder's `.txt` file that is not a scrape stays plain text, as in the editor
      const unsure = !input.explicit && scrapeKind(input.path) === 'txt' && folder === undefined;
      if (unsure && notScrapes.has(input.path)) return undefined;
      const task: FileTask = {
        op: opts.op,
        id,
        source: { path: input.path, name: input.path },
        settings: settingsOf(input.path),
        requireArticle: unsure,
        evidence: folder !== undefined,
        output: opts.output(input),
      };
      return { task, lookup: (hashes) => Array.from(hashes, (h) => index.evidenceOfHash(folder!, h)) };
    },
    (input, r) => {
      if (!r || r.skipped === NOT_A_SCRAPE) {
        stats.skipped++;
        return;
      }
      stats.files++;
      stats.bytes += r.bytes;
      if (r.error) stats.errors++;
      else if (r.skipped) stats.skipped++;
      emit(input, r);
    },
    (done) => opts.progress.update(opts.op === 'clean' ? 'cleaning' : 'checking', done, inputs.length),
  );
  opts.progress.clear();
  stats.ms = performance.now() - t0;
  return stats;
}
