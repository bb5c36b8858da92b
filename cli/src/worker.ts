// A worker thread of the command line's pool (pool.ts): runs tasks (work.ts) and asks
// the main thread, which holds the folders' line counts, for a document's evidence
// (by line hashes: hashing is done here, looking up there).

import { parentPort } from 'node:worker_threads';
import { ChromeEvidence } from '../../server/src/article';
import { runTask, Task } from './work';

export type ToWorker = { type: 'task'; task: Task } | { type: 'answer'; id: number; answers: (ChromeEvidence | undefined)[] };
export type FromWorker = { type: 'ask'; id: number; hashes: Float64Array } | { type: 'done'; result: import('./work').Result };

const port = parentPort!;
const waiting = new Map<number, (answers: (ChromeEvidence | undefined)[]) => void>();

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'answer') {
    waiting.get(msg.id)?.(msg.answers);
    waiting.delete(msg.id);
    return;
  }
  const { task } = msg;
  const ask = (hashes: Float64Array) =>
    new Promise<(ChromeEvidence | undefined)[]>((resolve) => {
      waiting.set(task.id, resolve);
      port.postMessage({ type: 'ask', id: task.id, hashes } satisfies FromWorker, [hashes.buffer as ArrayBuffer]);
    });
  runTask(task, ask).then(
    (result) => port.postMessage({ type: 'done', result } satisfies FromWorker, result.hashes ? [result.hashes.buffer as ArrayBuffer] : []),
    (e) => port.postMessage({ type: 'done', result: { id: task.id, bytes: 0, error: e instanceof Error ? e.stack ?? e.message : String(e) } } satisfies FromWorker),
  );
});
