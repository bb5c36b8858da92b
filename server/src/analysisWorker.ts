// The analysis thread: big documents are read here, off the server's main thread, so
// that the server answers other documents (and cancellations) while one is analysed.
// One message in (the text, and which document it is a version of), two out: the model's
// first step (blocks, stories, findings: all that diagnostics need, without the text,
// which the main thread has already), then its people and short forms, so that problems
// are shown before the people are read. Built to dist/analysisWorker.js next to dist/server.js.
//
// The model goes back encoded by modelTransfer.ts: its blocks as numbers in a buffer
// handed over without a copy (their texts sliced again from the main thread's text),
// the rest as JSON text. For a 1 MB scrape (13k blocks) the whole model as JSON cost
// about as much as the analysis itself, most of it on the main thread's parse.

import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisStopped, analyzeInSteps, LineCache } from './article';
import { encodeModel, transferables } from './modelTransfer';

// The readings of the lines of each document's last version: a version typed on reads
// only its changed lines afresh (a few documents, the most recently analysed; a closed
// document's are forgotten).
const MAX_DOCS = 4;
// the kept lines are slices of their version's text, and hold all of it: a text beyond
// this size is read afresh each time rather than kept a second time here
const MAX_TEXT = 10_000_000;
const caches = new Map<string, LineCache>();

function cacheOf(doc: string): LineCache {
  let c = caches.get(doc);
  if (c) caches.delete(doc);
  else c = new LineCache();
  caches.set(doc, c);
  if (caches.size > MAX_DOCS) caches.delete(caches.keys().next().value!);
  return c;
}

// the id of the job the server no longer wants (analyser.ts): the analysis reads it
// between its passes and stops
const stop = (workerData as { stop?: SharedArrayBuffer } | undefined)?.stop;
const stopFlag = stop ? new Int32Array(stop) : undefined;

parentPort?.on('message', (job: { id: number; text: string; doc?: string } | { forget: string }) => {
  if ('forget' in job) {
    caches.delete(job.forget);
    return;
  }
  try {
    if (job.doc !== undefined && job.text.length > MAX_TEXT) caches.delete(job.doc);
    const lineCache = job.doc !== undefined && job.text.length <= MAX_TEXT ? cacheOf(job.doc) : undefined;
    const shouldStop = stopFlag ? () => Atomics.load(stopFlag, 0) === job.id : undefined;
    const steps = analyzeInSteps(job.text, { lineCache, shouldStop });
    const encoded = encodeModel(steps.findings);
    parentPort!.postMessage({ id: job.id, encoded }, transferables(encoded));
    // people and short forms are a handful of small objects: JSON crosses fastest
    parentPort!.postMessage({ id: job.id, people: JSON.stringify(steps.people()) });
  } catch (e) {
    if (e instanceof AnalysisStopped) parentPort!.postMessage({ id: job.id, stopped: true });
    else parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
