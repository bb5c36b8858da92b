// Where a document is analysed: small ones at once on the main thread (a few
// milliseconds, cheaper than a copy to another thread), big ones on one analysis thread
// (analysisWorker.ts), one at a time, so that while a big document is read the server
// still answers requests for every other document, and hears cancellations.
//
// A job that is no longer wanted (its version is stale, its document closed) is dropped
// from the queue, and if it is the one running, the thread is told to stop (a flag in
// shared memory, read by the analysis between its passes): it answers within a pass and
// is free for the next job, warm (its compiled code and the readings of the document's
// lines kept). Only a thread that does not answer in time is ended and a new one started.
// Typing in a big file never queues analyses of old versions.
//
// A job answers twice: the model's first step (findings: what diagnostics need), then
// the whole model once its people are read (analyze.ts, analyzeInSteps).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeArticle, ArticleModel, PeopleReading, withPeople } from './article';
import { decodeModel, EncodedModel } from './modelTransfer';

/** Documents of at least this many characters are analysed on the analysis thread. */
export const THREAD_THRESHOLD = 200_000;

/** How long a thread told to stop may take to answer before it is ended. */
export const STOP_GRACE_MS = 1000;

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
  /** The first step, once it is in: the whole model is it with the people added. */
  first?: ArticleModel;
  found: (m: ArticleModel) => void;
  resolve: (m: ArticleModel) => void;
  reject: (e: Error) => void;
}

export interface AnalysisJob {
  id: number;
  /** The model without people and short forms yet: what diagnostics need. */
  findings: Promise<ArticleModel>;
  /** The whole model. */
  result: Promise<ArticleModel>;
}

export class Analyser {
  #worker: Worker | undefined;
  #running: Job | undefined;
  /** A job told to stop: the thread is busy until it answers (or is ended). */
  #stopping: { id: number; timer: ReturnType<typeof setTimeout> } | undefined;
  /** The id of the job the thread should stop, shared with it. */
  readonly #stop = new Int32Array(new SharedArrayBuffer(4));
  readonly #queue: Job[] = [];
  #nextId = 1;
  /** How many jobs the analysis thread ran to completion (for tests and the log). */
  threaded = 0;
  /** How many analysis threads were started (for tests). */
  threads = 0;

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
        const result = Promise.resolve(analyzeArticle(text));
        return { id, findings: result, result };
      } catch (e) {
        const result = Promise.reject(e);
        return { id, findings: result, result };
      }
    }
    let found!: (m: ArticleModel) => void;
    let failed!: (e: Error) => void;
    const findings = new Promise<ArticleModel>((resolve, reject) => {
      found = resolve;
      failed = reject;
    });
    let job!: Job;
    const result = new Promise<ArticleModel>((resolve, reject) => {
      job = {
        id,
        text,
        doc,
        found,
        resolve,
        // (a settled first step stays as it was)
        reject: (e) => {
          failed(e);
          reject(e);
        },
      };
    });
    // nobody may wait for the first step (a request for the whole model)
    findings.catch(() => undefined);
    this.#queue.push(job);
    this.#pump();
    return { id, findings, result };
  }

  /** Drops a job: from the queue, or tells the thread running it to stop. */
  cancel(id: number): void {
    const i = this.#queue.findIndex((j) => j.id === id);
    if (i >= 0) {
      this.#queue.splice(i, 1)[0].reject(new Cancelled());
      return;
    }
    if (this.#running?.id === id) {
      const job = this.#running;
      this.#running = undefined;
      Atomics.store(this.#stop, 0, id);
      const w = this.#worker;
      this.#stopping = {
        id,
        timer: setTimeout(() => {
          // no answer: the thread is ended, the next job gets a new one
          if (this.#stopping?.id !== id) return;
          this.#stopping = undefined;
          if (this.#worker === w) this.#worker = undefined;
          void w?.terminate();
          this.#pump();
        }, STOP_GRACE_MS),
      };
      this.#stopping.timer.unref?.();
      job.reject(new Cancelled());
    }
  }

  /** The thread answered the job it was told to stop: it is free. */
  #stopped(): void {
    if (!this.#stopping) return;
    clearTimeout(this.#stopping.timer);
    this.#stopping = undefined;
  }

  /** The document is closed: the thread forgets its lines. */
  forget(doc: string): void {
    this.#worker?.postMessage({ forget: doc });
  }

  dispose(): void {
    this.#stopped();
    for (const j of this.#queue.splice(0)) j.reject(new Cancelled());
    this.#running?.reject(new Cancelled());
    this.#running = undefined;
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #pump(): void {
    if (this.#running || this.#stopping || !this.#queue.length) return;
    const job = this.#queue.shift()!;
    this.#running = job;
    this.#thread().postMessage({ id: job.id, text: job.text, doc: job.doc });
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(this.workerPath, { workerData: { stop: this.#stop.buffer } });
    this.threads++;
    w.on('message', (msg: { id: number; encoded?: EncodedModel; people?: string; error?: string; stopped?: boolean }) => {
      if (msg.encoded !== undefined) {
        // the first step: the job goes on (a job told to stop answers after it)
        const job = this.#running;
        if (!job || job.id !== msg.id) return;
        try {
          job.first = decodeModel(msg.encoded, job.text);
          job.found(job.first);
        } catch (e) {
          job.reject(e instanceof Error ? e : new Error(String(e)));
        }
        return;
      }
      if (this.#stopping?.id === msg.id) {
        // the answer of a job told to stop (stopped, or done before it read the flag)
        this.#stopped();
        this.#pump();
        return;
      }
      const job = this.#running;
      if (!job || job.id !== msg.id) return;
      this.#running = undefined;
      if (msg.people !== undefined && job.first) {
        this.threaded++;
        let model: ArticleModel | undefined;
        try {
          model = withPeople(job.first, JSON.parse(msg.people) as PeopleReading);
        } catch (e) {
          job.reject(e instanceof Error ? e : new Error(String(e)));
        }
        if (model) job.resolve(model);
      } else job.reject(new Error(msg.error ?? 'analysis failed'));
      this.#pump();
    });
    w.on('error', (e) => {
      // the thread died (out of memory, a bug): the job fails, the next gets a new thread
      if (this.#worker !== w) return;
      this.#worker = undefined;
      this.#stopped();
      const job = this.#running;
      this.#running = undefined;
      job?.reject(e instanceof Error ? e : new Error(String(e)));
      this.#pump();
    });
    w.on('exit', (code) => {
      if (this.#worker !== w) return; // ended on purpose (cancel, dispose)
      this.#worker = undefined;
      this.#stopped();
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
