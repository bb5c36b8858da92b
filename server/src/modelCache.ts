// One model per document version, shared by every feature: diagnostics, symbols,
// folding, hovers and code actions all read the same analysis.
//
// Analyses are asynchronous: a big document is read on the analysis thread
// (analyser.ts) while the server goes on answering other documents. A version's analysis
// is started once and every request for that version awaits the same promise; when a
// newer version arrives (or the document closes) the older one's analysis is cancelled,
// and whoever awaited it gets `Cancelled`.
//
// The folder's site-chrome evidence (workspaceIndex.ts) is not part of a version: it
// changes when other files change. So the cache holds two layers: the model of the
// version, computed once (`computed` counts these), and that model with the evidence
// of the moment applied (`withSiteChrome`, a linear pass over the blocks), recomputed
// only when the folder's evidence stamp changes (`overlays` counts these).
//
// Diagnostics need only the model's first step (analyser.ts): `findings(doc)` answers
// as soon as it is in, while the version's people are still being read.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyser, Cancelled } from './analyser';
import { ArticleModel, SiteChromeLookup, withSiteChrome } from './article';

export interface Analysis {
  uri: string;
  version: number;
  model?: ArticleModel;
  /** Why the document was not analysed (too large), if it was not. */
  skipped?: string;
}

/** The folder evidence for a document: a stamp that changes with it, and the lookup. */
export type EvidenceSource = (uri: string) => { stamp: number; lookup: SiteChromeLookup } | undefined;

interface Entry {
  version: number;
  /** The analysis of the version alone, once done. */
  base?: Analysis;
  pending?: Promise<Analysis>;
  /** Its first step (no people yet), while `pending`. */
  early?: Promise<Analysis>;
  job?: number;
  /** Evidence stamp `current` was made with; 0 = no evidence. */
  stamp: number;
  /** The analysis features read: `base` with the folder's evidence applied. */
  current?: Analysis;
}

export class ModelCache {
  readonly #entries = new Map<string, Entry>();
  #computed = 0;
  #overlays = 0;

  constructor(
    private readonly maxSize: (uri: string) => number,
    private readonly evidence: EvidenceSource = () => undefined,
    private readonly analyser = new Analyser(),
    /** Called once for each analysis of a version, when it is done. */
    private readonly onAnalysed: (a: Analysis) => void = () => undefined,
  ) {}

  /** The analysis of this exact version, computed on first use, with the folder's
   * current evidence. Rejects with `Cancelled` if a newer version replaces it first. */
  async get(doc: TextDocument): Promise<Analysis> {
    const e = this.#entryOf(doc);
    const base = e.base ?? (await e.pending!);
    return this.#withEvidence(doc.uri, e, base);
  }

  /** The entry of this exact version, its analysis started if it was not. */
  #entryOf(doc: TextDocument): Entry {
    let e = this.#entries.get(doc.uri);
    if (!e || e.version !== doc.version) {
      if (e) this.#drop(e);
      e = this.#start(doc);
      this.#entries.set(doc.uri, e);
    }
    return e;
  }

  /** The analysis of this exact version as far as diagnostics need it: the whole one
   * if it is done, else its first step as soon as that is in (people not read yet).
   * Rejects with `Cancelled` as `get` does. */
  async findings(doc: TextDocument): Promise<Analysis> {
    const e = this.#entryOf(doc);
    if (e.base || !e.early) return this.get(doc);
    const first = await Promise.race([e.early, e.pending!]);
    if (e.base) return this.#withEvidence(doc.uri, e, e.base);
    const ev = first.model ? this.evidence(doc.uri) : undefined;
    return ev ? { ...first, model: withSiteChrome(first.model!, ev.lookup) } : first;
  }

  #start(doc: TextDocument): Entry {
    // TextDocuments updates its documents in place: keep this version's number and text
    const { uri, version } = doc;
    const e: Entry = { version, stamp: 0 };
    const text = doc.getText();
    const limit = this.maxSize(doc.uri);
    if (text.length > limit) {
      e.base = { uri, version, skipped: `the file is ${formatSize(text.length)}, above galley.maxFileSize (${formatSize(limit)})` };
      this.onAnalysed(e.base);
      return e;
    }
    const job = this.analyser.analyse(text, uri);
    e.job = job.id;
    e.early = job.findings.then((model) => ({ uri, version, model }));
    e.early.catch(() => undefined);
    e.pending = job.result.then((model) => {
      const base: Analysis = { uri, version, model };
      e.base = base;
      e.pending = undefined;
      e.early = undefined;
      this.#computed++;
      if (this.#entries.get(uri) === e) this.onAnalysed(base);
      return base;
    });
    // nobody may be waiting (a cancelled request): an unhandled rejection would be noise
    e.pending.catch(() => undefined);
    return e;
  }

  #withEvidence(uri: string, e: Entry, base: Analysis): Analysis {
    const ev = base.model ? this.evidence(uri) : undefined;
    const stamp = ev?.stamp ?? 0;
    if (!e.current || stamp !== e.stamp) {
      e.current = ev ? { ...base, model: withSiteChrome(base.model!, ev.lookup) } : base;
      e.stamp = stamp;
      if (ev) this.#overlays++;
    }
    return e.current;
  }

  #drop(e: Entry): void {
    if (e.pending && e.job !== undefined) this.analyser.cancel(e.job);
  }

  /** The finished analysis of the document's latest known version, if any. */
  peek(uri: string): Analysis | undefined {
    const e = this.#entries.get(uri);
    return e?.current ?? e?.base;
  }

  delete(uri: string): void {
    const e = this.#entries.get(uri);
    if (e) this.#drop(e);
    this.#entries.delete(uri);
    this.analyser.forget(uri);
  }

  clear(): void {
    for (const e of this.#entries.values()) this.#drop(e);
    this.#entries.clear();
  }

  dispose(): void {
    this.clear();
    this.analyser.dispose();
  }

  /** How many analyses ran: lets tests check that requests reuse the model. */
  get computed(): number {
    return this.#computed;
  }

  /** How many times folder evidence was applied to a model. */
  get overlays(): number {
    return this.#overlays;
  }
}

export { Cancelled };

export function formatSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} MB`;
  if (chars >= 1e3) return `${Math.round(chars / 1e3)} KB`;
  return `${chars} B`;
}
