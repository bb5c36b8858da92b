// The analysis thread: big documents are read here, off the server's main thread, so
// that the server answers other documents (and cancellations) while one is analysed.
// One message in (the text), one out (the model without its text: the main thread has
// it already). Built to dist/analysisWorker.js next to dist/server.js.
//
// The model goes back encoded by modelTransfer.ts: its blocks as numbers in a buffer
// handed over without a copy (their texts sliced again from the main thread's text),
// the rest as JSON text. For a 1 MB scrape (13k blocks) the whole model as JSON cost
// about as much as the analysis itself, most of it on the main thread's parse.

import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from './article';
import { encodeModel, transferables } from './modelTransfer';

parentPort?.on('message', (job: { id: number; text: string }) => {
  try {
    const encoded = encodeModel(analyzeArticle(job.text));
    parentPort!.postMessage({ id: job.id, encoded }, transferables(encoded));
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
