// Where a document is analysed: small ones at once on the main thread (a few
// milliseconds, cheaper than a copy to another thread), big ones on one analysis thread
// (analysisWorker.ts), one at a time, so that while a big document is read the server
// still answers requests for every other document, and hears cancellations.
//
// A job that is no longer wanted (its version is stale, its document closed) is dropped
// from the queue, and if it is the one running, the thread is ended and a new one
// started for the next job: typing in a big file never queues analyses of old versions.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, ArticleModel } from './article';
import { decodeModel, EncodedModel } from './modelTransfer';

/** Documents of at least this many characters are analysed on the analysis thread. */
export const THREAD_THRESHOLD = 200_000;

export class Cancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

interface Job {
  id: number;
  text: string;
  /** The document the text is a version of, if any: the thread keeps the readings of
   * its last version's lines for the next (LineCache). */
  doc?: string;
  resolve: (m: ArticleModel) => void;
  reject: (e: Error) => void;
}

export interface AnalysisJob {
  id: number;
  result: Promise<ArticleModel>;
}

export class Analyser {
  #worker: Worker | undefined;
  #running: Job | undefined;
  readonly #queue: Job[] = [];
  #nextId = 1;
  /** How many jobs the analysis thread ran to completion (for tests and the log). */
  threaded = 0;

  constructor(
    private readonly workerPath = join(__dirname, 'analysisWorker.js'),
    private readonly threshold = THREAD_THRESHOLD,
  ) {}

  /** Analyses `text`, a version of the document `doc` if given; big texts on the
   * analysis thread. */
  analyse(text: string, doc?: string): AnalysisJob {
    const id = this.#nextId++;
    if (text.length < this.threshold || !existsSync(this.workerPath)) {
      try {
        return { id, result: Promise.resolve(analyzeArticle(text)) };
      } catch (e) {
        return { id, result: Promise.reject(e) };
      }
    }
    let job!: Job;
    const result = new Promise<ArticleModel>((resolve, reject) => {
      job = { id, text, doc, resolve, reject };
    });
    this.#queue.push(job);
    this.#pump();
    return { id, result };
  }

  /** Drops a job: from the queue, or ends the thread running it. */
  cancel(id: number): void {
    const i = this.#queue.findIndex((j) => j.id === id);
    if (i >= 0) {
      this.#queue.splice(i, 1)[0].reject(new Cancelled());
      return;
    }
    if (this.#running?.id === id) {
      const job = this.#running;
      this.#running = undefined;
      const w = this.#worker;
      this.#worker = undefined;
      void w?.terminate();
      job.reject(new Cancelled());
      this.#pump();
    }
  }

  /** The document is closed: the thread forgets its lines. */
  forget(doc: string): void {
    this.#worker?.postMessage({ forget: doc });
  }

  dispose(): void {
    for (const j of this.#queue.splice(0)) j.reject(new Cancelled());
    this.#running?.reject(new Cancelled());
    this.#running = undefined;
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #pump(): void {
    if (this.#running || !this.#queue.length) return;
    const job = this.#queue.shift()!;
    this.#running = job;
    this.#thread().postMessage({ id: job.id, text: job.text, doc: job.doc });
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(this.workerPath);
    w.on('message', (msg: { id: number; encoded?: EncodedModel; error?: string }) => {
      const job = this.#running;
      if (!job || job.id !== msg.id) return;
      this.#running = undefined;
      if (msg.encoded !== undefined) {
        this.threaded++;
        let model: ArticleModel | undefined;
        try {
          model = decodeModel(msg.encoded, job.text);
        } catch (e) {
          job.reject(e instanceof Error ? e : new Error(String(e)));
        }
        if (model) job.resolve(model);
      } else job.reject(new Error(msg.error ?? 'analysis failed'));
      this.#pump();
    });
    w.on('error', (e) => {
      // the thread died (out of memory, a bug): the job fails, the next gets a new thread
      if (this.#worker === w) this.#worker = undefined;
      const job = this.#running;
      this.#running = undefined;
      job?.reject(e instanceof Error ? e : new Error(String(e)));
      this.#pump();
    });
    w.on('exit', (code) => {
      if (this.#worker !== w) return; // ended on purpose (cancel, dispose)
      this.#worker = undefined;
      const job = this.#running;
      this.#running = undefined;
      job?.reject(new Error(`the analysis thread exited with code ${code}`));
      this.#pump();
    });
    w.unref();
    this.#worker = w;
    return w;
  }
}
