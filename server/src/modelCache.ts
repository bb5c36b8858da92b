// One model per document version, shared by every feature: diagnostics, symbols,
// folding, hovers and code actions all read the same analysis.
//
// The folder's site-chrome evidence (workspaceIndex.ts) is not part of a version: it
// changes when other files change. So the cache holds two layers: the model of the
// version, computed once (`computed` counts these), and that model with the evidence
// of the moment applied (`withSiteChrome`, a linear pass over the blocks), recomputed
// only when the folder's evidence stamp changes (`overlays` counts these).

import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, ArticleModel, SiteChromeLookup, withSiteChrome } from './article';

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
  /** The analysis of the version alone. */
  base: Analysis;
  /** Evidence stamp `current` was made with; 0 = no evidence. */
  stamp: number;
  /** The analysis features read: `base` with the folder's evidence applied. */
  current: Analysis;
}

export class ModelCache {
  readonly #entries = new Map<string, Entry>();
  #computed = 0;
  #overlays = 0;

  constructor(
    private readonly maxSize: (uri: string) => number,
    private readonly evidence: EvidenceSource = () => undefined,
  ) {}

  /** The analysis of this exact version, computed on first use, with the folder's
   * current evidence. */
  get(doc: TextDocument): Analysis {
    let e = this.#entries.get(doc.uri);
    if (!e || e.base.version !== doc.version) {
      const text = doc.getText();
      const limit = this.maxSize(doc.uri);
      let base: Analysis;
      if (text.length > limit) {
        base = { uri: doc.uri, version: doc.version, skipped: `the file is ${formatSize(text.length)}, above galley.maxFileSize (${formatSize(limit)})` };
      } else {
        base = { uri: doc.uri, version: doc.version, model: analyzeArticle(text) };
        this.#computed++;
      }
      e = { base, stamp: 0, current: base };
      this.#entries.set(doc.uri, e);
    }
    const ev = e.base.model ? this.evidence(doc.uri) : undefined;
    const stamp = ev?.stamp ?? 0;
    if (stamp !== e.stamp) {
      e.current = ev ? { ...e.base, model: withSiteChrome(e.base.model!, ev.lookup) } : e.base;
      e.stamp = stamp;
      if (ev) this.#overlays++;
    }
    return e.current;
  }

  peek(uri: string): Analysis | undefined {
    return this.#entries.get(uri)?.current;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }

  clear(): void {
    this.#entries.clear();
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

export function formatSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} MB`;
  if (chars >= 1e3) return `${Math.round(chars / 1e3)} KB`;
  return `${chars} B`;
}
