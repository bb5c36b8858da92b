// Site chrome across a folder of scrapes: a line that recurs in several different
// scrapes of one folder (a site's menu, its footer, its newsletter box) is the site's
// furniture, not any one article's text. This is boilerplate detection by line
// shingles, counted per folder over distinct documents:
//
// - every non-blank line of a document becomes a 53-bit hash of its normalised text
//   (`normalizeKey`, for lines up to MAX_KEY_CHARS; longer lines, which are paragraphs,
//   are hashed as they are, only to tell copies of one article apart);
// - a document counts once per line, and identical copies of a document (the same lines
//   in the same order) count once: documents are deduplicated by a content hash;
// - each folder keeps one open-addressing table of hash → number of distinct documents,
//   in typed arrays: no strings are stored, memory is about 24 bytes per distinct line;
// - set/delete cost is linear in the document's size; a lookup is one hash probe.
//
// When is a line chrome? See `chromeLevel`: it must occur in at least
// max(3, 30% of) the folder's distinct documents, in a folder of at least 4.

import { normalizeKey } from './blocks';
import { ChromeEvidence, SiteChromeLookup } from './types';

/** Lines longer than this are paragraphs: never chrome candidates, hashed verbatim. */
export const MAX_KEY_CHARS = 300;

export const SITE_CHROME = {
  /** A folder with fewer distinct documents says nothing about its site. */
  minFolderDocs: 4,
  /** A line must occur in at least this many distinct documents… */
  minDocs: 3,
  /** …and in at least this share of the folder's distinct documents. */
  share: 0.3,
  /** From this share on (and when the line does not read like text) the finding is sure. */
  sureShare: 0.5,
} as const;

/** 0: not chrome, 1: chrome but unsure (shown softly), 2: chrome. `docs` is how many
 * distinct documents of the folder contain the line, `of` how many the folder has. */
export function chromeLevel(docs: number, of: number): 0 | 1 | 2 {
  const S = SITE_CHROME;
  if (of < S.minFolderDocs || docs < S.minDocs || docs < S.share * of) return 0;
  return docs >= S.sureShare * of ? 2 : 1;
}

// ------------------------------------------------------------------ hashing

/** cyrb53: a fast 53-bit string hash (two 32-bit lanes). */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}

/** The hash of one line's text (already trimmed, as a block's text is), or -1 for a
 * line with no letters or digits. */
export function lineHash(trimmed: string): number {
  if (trimmed.length > MAX_KEY_CHARS) return hash53(trimmed, 1);
  const fast = fastKeyHash(trimmed);
  if (fast !== -2) return fast;
  const key = normalizeKey(trimmed);
  return key ? hash53(key) : -1;
}

/** Characters above ASCII that normalizeKey drops without a trace (quotes)… */
const DROPPED = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0xb4]);
/** …and common ones that are neither letters nor digits: spaces, dashes, dots,
 * bullets, arrows, ©®™. */
const SEPARATORS = new Set([
  0xa0, 0xab, 0xbb, 0xb7, 0xa9, 0xae, 0x2122, 0x2009, 0x200a, 0x200b, 0x202f, 0xfeff, 0x3000, 0x2010, 0x2011, 0x2012, 0x2013,
  0x2014, 0x2015, 0x2022, 0x2026, 0x2039, 0x203a, 0x2190, 0x2192, 0x25b8, 0x25ba, 0x25cf, 0x25aa, 0x2605, 0x2606, 0x2713, 0x2714,
]);

/** hash53(normalizeKey(line)) in one pass, without building the key, for lines of
 * ASCII letters and digits (most lines; other characters only from DROPPED and
 * SEPARATORS); -2 for any other line. normalizeKey lower-cases, drops quotes and turns
 * every run of other non-alphanumerics into one space, trimmed (so a leading bullet
 * goes too); so does this. test/model/siteChrome.test.ts checks that they agree. */
function fastKeyHash(t: string): number {
  const n = t.length;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let emitted = false;
  let gap = false;
  for (let i = 0; i < n; i++) {
    let c = t.charCodeAt(i);
    if (c >= 128) {
      if (DROPPED.has(c)) continue;
      if (!SEPARATORS.has(c)) return -2;
      gap = true;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) continue; // quotes go without a trace
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && emitted) {
        h1 = Math.imul(h1 ^ 32, 2654435761);
        h2 = Math.imul(h2 ^ 32, 1597334677);
      }
      gap = false;
      emitted = true;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    } else gap = true;
  }
  if (!emitted) return -1;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash of each non-blank line of a text, in order (-1 entries skipped), with the
 * same notion of a line and of white space as the model's blocks. */
export function lineHashes(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i <= n) {
    let e = i;
    while (e < n) {
      const c = text.charCodeAt(e);
      if (c === 10 || c === 13) break;
      e++;
    }
    let s = i;
    let t = e;
    while (s < t && isWhite(text.charCodeAt(s))) s++;
    while (t > s && isWhite(text.charCodeAt(t - 1))) t--;
    if (t > s) {
      const h = lineHash(text.slice(s, t));
      if (h >= 0) out.push(h);
    }
    if (e >= n) break;
    i = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
  return out;
}

// ------------------------------------------------------------------ the per-folder table

const TWO32 = 4294967296;
const USED = 0x200000; // above the 21 high bits of a 53-bit hash: marks a used slot

/** hash → count, open addressing with linear probing over typed arrays. A count that
 * drops to 0 keeps its slot (so probe chains stay intact) until the next rehash. */
export class CountTable {
  #lo: Uint32Array;
  #hi: Uint32Array;
  #count: Uint32Array;
  #used = 0;
  #live = 0;

  constructor(capacity = 64) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.#lo = new Uint32Array(cap);
    this.#hi = new Uint32Array(cap);
    this.#count = new Uint32Array(cap);
  }

  /** Distinct hashes with a count above 0. */
  get size(): number {
    return this.#live;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.#lo.byteLength * 3;
  }

  #slot(lo: number, hi: number): number {
    const mask = this.#lo.length - 1;
    // mix the low word so that nearby hashes spread
    let i = (Math.imul(lo ^ (hi << 11), 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const h = this.#hi[i];
      if (h === 0 || (h === hi && this.#lo[i] === lo)) return i;
      i = (i + 1) & mask;
    }
  }

  get(hash: number): number {
    const i = this.#slot(hash >>> 0, (Math.floor(hash / TWO32) | USED) >>> 0);
    return this.#hi[i] === 0 ? 0 : this.#count[i];
  }

  /** Adds `delta` (+1 or -1) to the count of `hash`. */
  add(hash: number, delta: 1 | -1): void {
    const lo = hash >>> 0;
    const hi = (Math.floor(hash / TWO32) | USED) >>> 0;
    let i = this.#slot(lo, hi);
    if (this.#hi[i] === 0) {
      if (delta < 0) return;
      if ((this.#used + 1) * 10 > this.#lo.length * 7) {
        this.#rehash();
        i = this.#slot(lo, hi);
      }
      this.#hi[i] = hi;
      this.#lo[i] = lo;
      this.#used++;
    }
    const before = this.#count[i];
    const after = delta > 0 ? before + 1 : Math.max(0, before - 1);
    this.#count[i] = after;
    if (before === 0 && after > 0) this.#live++;
    else if (before > 0 && after === 0) this.#live--;
  }

  /** Rebuilds without the zero counts, at a size with room to grow. */
  #rehash(): void {
    const lo = this.#lo;
    const hi = this.#hi;
    const count = this.#count;
    let cap = 16;
    while (cap * 0.35 < this.#live + 1) cap *= 2;
    this.#lo = new Uint32Array(cap);
    this.#hi = new Uint32Array(cap);
    this.#count = new Uint32Array(cap);
    this.#used = 0;
    for (let k = 0; k < lo.length; k++) {
      if (hi[k] === 0 || count[k] === 0) continue;
      const i = this.#slot(lo[k], hi[k]);
      this.#hi[i] = hi[k];
      this.#lo[i] = lo[k];
      this.#count[i] = count[k];
      this.#used++;
    }
  }
}

// ------------------------------------------------------------------ the index

interface Content {
  /** Documents of the folder with exactly this content. */
  refs: number;
  /** The distinct line hashes of the content. */
  keys: Float64Array;
}

interface Folder {
  lines: CountTable;
  /** Distinct contents by content hash. */
  contents: Map<number, Content>;
  generation: number;
}

interface Doc {
  folder: string;
  content: number;
}

export interface SiteChromeStats {
  folders: number;
  documents: number;
  /** Distinct documents (contents) over all folders. */
  contents: number;
  /** Distinct lines over all folders (a line in two folders counts twice). */
  lines: number;
  /** Bytes held by the typed arrays (tables and per-content hash lists). */
  bytes: number;
}

/** How widely each line recurs among the distinct documents of its folder. Documents
 * and folders are opaque strings (the server uses file paths and their directories). */
export class SiteChromeIndex {
  readonly #docs = new Map<string, Doc>();
  readonly #folders = new Map<string, Folder>();
  #generation = 0;

  /** Indexes (or re-indexes) a document. Returns whether the folder's counts changed. */
  set(docId: string, folder: string, text: string): boolean {
    return this.setLineHashes(docId, folder, lineHashes(text));
  }

  /** `set` with the text's `lineHashes` computed elsewhere (the command line hashes
   * files on its worker threads and counts them on the main one). */
  setLineHashes(docId: string, folder: string, hashes: ArrayLike<number>): boolean {
    // the content hash: the sequence of line hashes, so copies that differ only in
    // line breaks or blank lines are one document
    let a = 0x9747b28c ^ hashes.length;
    let b = 0x85ebca6b;
    const distinct = new Set<number>();
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      const lo = h >>> 0;
      const hi = Math.floor(h / TWO32);
      a = Math.imul(a ^ lo, 0x5bd1e995) ^ (a >>> 15);
      b = Math.imul(b ^ hi ^ lo, 0x27d4eb2d) ^ (b >>> 13);
      distinct.add(h);
    }
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ b;
    b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35) ^ a;
    const content = TWO32 * (b & 0x1fffff) + (a >>> 0);

    const old = this.#docs.get(docId);
    if (old && old.folder === folder && old.content === content) return false;
    const changed = old ? this.delete(docId) : false;
    let f = this.#folders.get(folder);
    if (!f) {
      f = { lines: new CountTable(), contents: new Map(), generation: 0 };
      this.#folders.set(folder, f);
    }
    this.#docs.set(docId, { folder, content });
    const c = f.contents.get(content);
    if (c) {
      // an identical copy of a document already counted
      c.refs++;
      return changed;
    }
    const keys = Float64Array.from(distinct);
    f.contents.set(content, { refs: 1, keys });
    for (let i = 0; i < keys.length; i++) f.lines.add(keys[i], 1);
    f.generation = ++this.#generation;
    return true;
  }

  /** Forgets a document. Returns whether the folder's counts changed. */
  delete(docId: string): boolean {
    const d = this.#docs.get(docId);
    if (!d) return false;
    this.#docs.delete(docId);
    const f = this.#folders.get(d.folder)!;
    const c = f.contents.get(d.content)!;
    if (--c.refs > 0) return false;
    f.contents.delete(d.content);
    for (let i = 0; i < c.keys.length; i++) f.lines.add(c.keys[i], -1);
    f.generation = ++this.#generation;
    if (f.contents.size === 0) this.#folders.delete(d.folder);
    return true;
  }

  has(docId: string): boolean {
    return this.#docs.has(docId);
  }

  folderOf(docId: string): string | undefined {
    return this.#docs.get(docId)?.folder;
  }

  /** Every indexed document id. */
  documents(): IterableIterator<string> {
    return this.#docs.keys();
  }

  /** Every folder with documents. */
  folders(): IterableIterator<string> {
    return this.#folders.keys();
  }

  /** Distinct documents in the folder. */
  folderDocs(folder: string): number {
    return this.#folders.get(folder)?.contents.size ?? 0;
  }

  /** Changes whenever the folder's counts change; never repeats, even for a folder
   * that was emptied and filled again. 0 for a folder with no documents. */
  generation(folder: string): number {
    return this.#folders.get(folder)?.generation ?? 0;
  }

  /** In how many distinct documents of the folder a line (trimmed text) occurs. */
  evidence(folder: string, line: string): ChromeEvidence | undefined {
    return this.evidenceOfHash(folder, lineHash(line));
  }

  /** `evidence` for a line's `lineHash` computed elsewhere (on the command line's
   * worker threads). */
  evidenceOfHash(folder: string, h: number): ChromeEvidence | undefined {
    const f = this.#folders.get(folder);
    if (!f || h < 0) return undefined;
    const docs = f.lines.get(h);
    return docs > 0 ? { docs, of: f.contents.size } : undefined;
  }

  /** The evidence of one folder as the model asks for it. */
  lookup(folder: string): SiteChromeLookup {
    return (line) => this.evidence(folder, line);
  }

  clear(): void {
    this.#docs.clear();
    this.#folders.clear();
  }

  stats(): SiteChromeStats {
    let contents = 0;
    let lines = 0;
    let bytes = 0;
    for (const f of this.#folders.values()) {
      contents += f.contents.size;
      lines += f.lines.size;
      bytes += f.lines.bytes;
      for (const c of f.contents.values()) bytes += c.keys.byteLength;
    }
    return { folders: this.#folders.size, documents: this.#docs.size, contents, lines, bytes };
  }
}
