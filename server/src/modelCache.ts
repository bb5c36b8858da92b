// One model per document version, shared by every feature: diagnostics, symbols,
// folding, hovers and code actions all read the same analysis.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, ArticleModel } from './article';

export interface Analysis {
  uri: string;
  version: number;
  model?: ArticleModel;
  /** Why the document was not analysed (too large), if it was not. */
  skipped?: string;
}

export class ModelCache {
  readonly #entries = new Map<string, Analysis>();
  #computed = 0;

  constructor(private readonly maxSize: (uri: string) => number) {}

  /** The analysis of this exact version, computed on first use. */
  get(doc: TextDocument): Analysis {
    const hit = this.#entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const limit = this.maxSize(doc.uri);
    let a: Analysis;
    if (text.length > limit) {
      a = { uri: doc.uri, version: doc.version, skipped: `the file is ${formatSize(text.length)}, above galley.maxFileSize (${formatSize(limit)})` };
    } else {
      a = { uri: doc.uri, version: doc.version, model: analyzeArticle(text) };
      this.#computed++;
    }
    this.#entries.set(doc.uri, a);
    return a;
  }

  peek(uri: string): Analysis | undefined {
    return this.#entries.get(uri);
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
}

export function formatSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} MB`;
  if (chars >= 1e3) return `${Math.round(chars / 1e3)} KB`;
  return `${chars} B`;
}
