// Where tasks run: worker threads, one per job (`--jobs N`, all cores by default), or
// the main thread itself with `--jobs 1` (no thread to start or message, the honest
// baseline for the speed-up). Both answer a task's evidence questions from the main
// thread's folder index.

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ChromeEvidence } from '../../server/src/article';
import { runTask, Result, Task } from './work';
import type { FromWorker, ToWorker } from './worker';

/** Evidence for lines by their `lineHash`. */
export type Lookup = (hashes: Float64Array) => (ChromeEvidence | undefined)[];

export interface Pool {
  readonly size: number;
  run(task: Task, lookup: Lookup): Promise<Result>;
  close(): Promise<void>;
}

export function createPool(jobs: number): Pool {
  return jobs <= 1 ? new InlinePool() : new WorkerPool(jobs);
}

class InlinePool implements Pool {
  readonly size = 1;
  run(task: Task, lookup: Lookup): Promise<Result> {
    // a failure is the task's result, as on a worker: the run reports it and goes on
    return runTask(task, async (hashes) => lookup(hashes)).catch((e) => ({ id: task.id, bytes: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
  }
  async close(): Promise<void> {}
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: Result) => void; lookup: Lookup }>;
}

class WorkerPool implements Pool {
  readonly #slots: Slot[] = [];

  constructor(readonly size: number) {
    // the bundle sits beside the worker's (scripts/build.mjs)
    const file = join(__dirname, 'cliWorker.js');
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(file), pending: new Map() };
      slot.worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ask') {
          const p = slot.pending.get(msg.id);
          slot.worker.postMessage({ type: 'answer', id: msg.id, answers: p ? p.lookup(msg.hashes) : [] } satisfies ToWorker);
        } else {
          const p = slot.pending.get(msg.result.id);
          slot.pending.delete(msg.result.id);
          p?.resolve(msg.result);
        }
      });
      slot.worker.on('error', (e) => {
        // a crashed thread fails its tasks; the run reports them and goes on
        for (const [id, p] of slot.pending) p.resolve({ id, bytes: 0, error: `worker failed: ${e.message}` });
        slot.pending.clear();
      });
      this.#slots.push(slot);
    }
  }

  run(task: Task, lookup: Lookup): Promise<Result> {
    // the least busy thread
    let slot = this.#slots[0];
    for (const s of this.#slots) if (s.pending.size < slot.pending.size) slot = s;
    return new Promise((resolve) => {
      slot.pending.set(task.id, { resolve, lookup });
      // the evidence sent along is the main thread's no longer: moved, not copied
      const moved = task.op !== 'hash' && task.known ? [task.known.hashes.buffer as ArrayBuffer, task.known.docs.buffer as ArrayBuffer] : [];
      slot.worker.postMessage({ type: 'task', task } satisfies ToWorker, moved);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
