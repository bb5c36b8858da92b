// The analysis thread: big documents are read here, off the server's main thread, so
// that the server answers other documents (and cancellations) while one is analysed.
// One message in (the text), one out (the model without its text: the main thread has
// it already). Built to dist/analysisWorker.js next to dist/server.js.
//
// The model goes back as JSON text: for a 1 MB scrape (13k blocks) JSON.stringify here
// and JSON.parse on the main thread cost about half of a structured clone of the object
// graph, and a quarter on the main thread, which must stay free to answer requests.

import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from './article';

parentPort?.on('message', (job: { id: number; text: string }) => {
  try {
    const model = analyzeArticle(job.text);
    parentPort!.postMessage({ id: job.id, json: JSON.stringify({ ...model, text: '' }) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
