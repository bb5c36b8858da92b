// Near-duplicate blocks: a photo caption that repeats the dek, a pull quote that
// repeats a paragraph. A block is a duplicate when most of its word 4-grams occur, in
// one earlier block that is at least as long. Hashing keeps this linear in the
// size of the page: each shingle is looked up once.
//
// Words and shingles are numbered exactly (no hash stands for a word): a word is
// interned by its lower-cased characters, compared in place, so that this costs no
// string per word; a shingle is a 4-tuple of word numbers in an open-addressing table.

import { BlockInfo } from './blocks';
import { classOf, START, WORD } from './features';

// short repeated lines (a video's title shown twice) are left alone; captions repeating
// a dek and pull quotes are longer
const MIN_WORDS = 10;
const CONTAINMENT = 0.8;
const MAX_POSTINGS = 8;

/** Numbers the lower-cased words of a page: equal words get equal numbers. A word's
 * characters are kept in one typed array, beside its hash: a lookup compares the
 * characters wordIds copied while reading the word with those, and no string is made
 * or read for an ASCII word. */
class WordTable {
  #slots = new Int32Array(1 << 12).fill(-1);
  /** Per word: the hash of its characters, and where they start in #chars (a word's
   * characters end where the next word's start). */
  #hash = new Int32Array(1 << 11);
  #at = new Int32Array((1 << 11) + 1);
  #chars = new Uint16Array(1 << 14);
  #size = 0;

  /** The number of the word whose lower-cased characters are chars[0, n), of hash h. */
  id(chars: Uint16Array, n: number, h: number): number {
    const mask = this.#slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.#slots[s];
      if (id < 0) {
        this.#slots[s] = this.#add(chars, n, h);
        if (this.#size * 2 > this.#slots.length) this.#grow();
        return this.#size - 1;
      }
      if (this.#hash[id] !== h) continue;
      const at = this.#at[id];
      if (this.#at[id + 1] - at !== n) continue;
      let k = 0;
      while (k < n && this.#chars[at + k] === chars[k]) k++;
      if (k === n) return id;
    }
  }

  #add(chars: Uint16Array, n: number, h: number): number {
    const id = this.#size++;
    if (id === this.#hash.length) {
      this.#hash = resized(this.#hash, id * 2);
      this.#at = resized(this.#at, id * 2 + 1);
    }
    const at = this.#at[id];
    if (at + n > this.#chars.length) {
      const grown = new Uint16Array(Math.max(this.#chars.length * 2, at + n));
      grown.set(this.#chars);
      this.#chars = grown;
    }
    this.#chars.set(chars.subarray(0, n), at);
    this.#at[id + 1] = at + n;
    this.#hash[id] = h;
    return id;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = this.#slots.length - 1;
    for (let id = 0; id < this.#size; id++) {
      let s = this.#hash[id] & mask;
      while (this.#slots[s] >= 0) s = (s + 1) & mask;
      this.#slots[s] = id;
    }
  }
}

/** Numbers 4-tuples of word numbers: equal shingles get equal numbers. */
class ShingleTable {
  #slots = new Int32Array(1 << 12).fill(-1);
  #tuples = new Int32Array(4 << 11);
  size = 0;

  id(a: number, b: number, c: number, d: number): number {
    const mask = this.#slots.length - 1;
    const t = this.#tuples;
    for (let s = mix(a, b, c, d) & mask; ; s = (s + 1) & mask) {
      const id = this.#slots[s];
      if (id < 0) {
        const n = this.size++;
        if (n * 4 + 4 > this.#tuples.length) {
          const grown = new Int32Array(this.#tuples.length * 2);
          grown.set(this.#tuples);
          this.#tuples = grown;
        }
        const u = this.#tuples;
        u[n * 4] = a;
        u[n * 4 + 1] = b;
        u[n * 4 + 2] = c;
        u[n * 4 + 3] = d;
        this.#slots[s] = n;
        if (this.size * 2 > this.#slots.length) this.#grow();
        return n;
      }
      const o = id * 4;
      if (t[o] === a && t[o + 1] === b && t[o + 2] === c && t[o + 3] === d) return id;
    }
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = this.#slots.length - 1;
    const t = this.#tuples;
    for (let n = 0; n < this.size; n++) {
      let s = mix(t[n * 4], t[n * 4 + 1], t[n * 4 + 2], t[n * 4 + 3]) & mask;
      while (this.#slots[s] >= 0) s = (s + 1) & mask;
      this.#slots[s] = n;
    }
  }
}

function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1);
  h = Math.imul(h ^ b ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ c ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ d ^ (h >>> 16), 0x27d4eb2d);
  return h ^ (h >>> 15);
}

/** A list of numbers that keeps its room from one block to the next (an array's
 * `length = 0` gives its room back, and each block's pushes would make it anew). */
class Numbers {
  a = new Int32Array(256);
  n = 0;

  push(x: number): void {
    if (this.n === this.a.length) this.a = resized(this.a, this.n * 2);
    this.a[this.n++] = x;
  }
}

// the lower-cased characters of the word being read
let wordChars = new Uint16Array(256);

// The lower case of a word character beyond ASCII (a letter below U+2000, or ’), by
// itself: 0 not yet known, NOT_ALONE when lower-casing it alone is not what
// `toLowerCase` makes of it in a word: İ becomes two characters, Σ depends on its
// neighbours (final sigma), the only such characters of the default mapping.
const LOWER_ALONE = new Uint16Array(0x2020);
const NOT_ALONE = 0xffff;
function lowerAlone(c: number): number {
  let l = LOWER_ALONE[c];
  if (l === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    l = LOWER_ALONE[c] = lower.length === 1 && c !== 0x3a3 ? lower.charCodeAt(0) : NOT_ALONE;
  }
  return l;
}

/** The word numbers of a block, words split as features() splits them, lower-cased as
 * `toLowerCase` does: character by character as they are read, but a word holding a
 * character that lower-cases otherwise in context (lowerAlone), by toLowerCase. */
function wordIds(text: string, words: WordTable, out: Numbers): void {
  out.n = 0;
  const n = text.length;
  // (a word lower-cased character by character is no longer than the text: room for it
  // is made once, not looked for at every character)
  if (wordChars.length < n) wordChars = new Uint16Array(n);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(classOf(c) & START)) {
      i++;
      continue;
    }
    // the word's end, its lower-cased characters and their hash on the way
    const start = i;
    let h = 0x811c9dc5;
    let alone = true;
    let len = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (!(classOf(d) & WORD)) break;
      let l: number;
      if (d < 128) l = d >= 65 && d <= 90 ? d + 32 : d;
      else {
        l = lowerAlone(d);
        if (l === NOT_ALONE) alone = false;
      }
      if (alone) {
        h = Math.imul(h ^ l, 0x01000193);
        wordChars[len++] = l;
      }
      i++;
    }
    if (!alone) {
      const lower = text.slice(start, i).toLowerCase();
      len = lower.length;
      if (len > wordChars.length) wordChars = resized16(wordChars, len);
      h = 0x811c9dc5;
      for (let k = 0; k < len; k++) {
        const l = lower.charCodeAt(k);
        wordChars[k] = l;
        h = Math.imul(h ^ l, 0x01000193);
      }
    }
    out.push(words.id(wordChars, len, h));
  }
}

function resized16(a: Uint16Array, size: number): Uint16Array<ArrayBuffer> {
  const g = new Uint16Array(size);
  g.set(a.subarray(0, Math.min(a.length, size)));
  return g;
}

/** The shingles of the blocks of a document's last version, by their text, and the
 * tables that numbered them: the next version numbers only the blocks the last did not
 * have (typing changes one), the others' numbers being the same in the same tables. Kept
 * with the document's LineCache. The tables only grow: once they hold far more than a
 * version uses (a long session of edits), they are started afresh. */
export class ShingleMemo {
  words = new WordTable();
  table = new ShingleTable();
  #last = new Map<string, Int32Array>();
  #next = new Map<string, Int32Array>();

  /** The shingles of a block of this text in the last version. */
  get(text: string): Int32Array | undefined {
    return this.#last.get(text);
  }

  keep(text: string, shingles: Int32Array): void {
    this.#next.set(text, shingles);
  }

  /** The version is read, its blocks using `used` shingles: what it kept is for the next. */
  done(used: number): void {
    this.#last = this.#next;
    this.#next = new Map();
    if (this.table.size > 2 * used + (1 << 16)) this.clear();
  }

  clear(): void {
    this.words = new WordTable();
    this.table = new ShingleTable();
    this.#last = new Map();
    this.#next = new Map();
  }
}

/** For each block, the index of the earlier block it duplicates, or -1. With a memo, the
 * shingles of blocks the last version had are not read again. */
export function findDuplicates(blocks: BlockInfo[], eligible: (b: BlockInfo) => boolean, memo?: ShingleMemo): Int32Array {
  const dupOf = new Int32Array(blocks.length).fill(-1);
  const words = memo ? memo.words : new WordTable();
  const table = memo ? memo.table : new ShingleTable();
  // postings of a shingle: the blocks it occurs in (at most MAX_POSTINGS, in page
  // order); the first in a typed array, the rest (rare but for repeated text) in a
  // linked list of typed-array cells (moreHead/moreTail: the shingle's first and last
  // cell, moreCount: its length; cellBlock/cellNext: a cell's block and next cell), so
  // that a shingle seen once costs no array and none costs a map entry
  let firstIn = new Int32Array(1 << 12).fill(-1);
  let moreHead = new Int32Array(1 << 12).fill(-1);
  let moreTail = new Int32Array(1 << 12).fill(-1);
  let moreCount = new Int32Array(1 << 12);
  let cellBlock = new Int32Array(1 << 12);
  let cellNext = new Int32Array(1 << 12);
  let cells = 0;
  // the last block a shingle was seen in, to count each block's distinct shingles
  let seenIn = new Int32Array(1 << 12).fill(-1);
  // shared-shingle counts per earlier block, and those blocks in the order their shared
  // shingles first occur here (reset after each block)
  const shared = new Int32Array(blocks.length);
  const sharers = new Numbers();
  const ids = new Numbers();
  const shingles = new Numbers();
  let used = 0;
  // a block is read for the eligible blocks after it: none is read past the last one
  const end = lastEligible(blocks, eligible) + 1;
  for (let bi = 0; bi < end; bi++) {
    const b = blocks[bi];
    if (b.f.words < MIN_WORDS) continue;
    // the block's shingles: sa[0, sn)
    let sa = memo?.get(b.text);
    let sn = 0;
    if (sa) sn = sa.length;
    else {
      wordIds(b.text, words, ids);
      shingles.n = 0;
      const w = ids.a;
      for (let i = 0; i + 3 < ids.n; i++) shingles.push(table.id(w[i], w[i + 1], w[i + 2], w[i + 3]));
      sa = shingles.a;
      sn = shingles.n;
    }
    if (memo) {
      const kept = sa === shingles.a ? sa.slice(0, sn) : sa;
      memo.keep(b.text, kept);
      used += sn;
    }
    if (table.size > seenIn.length) {
      const size = Math.max(table.size, seenIn.length * 2);
      seenIn = grown(seenIn, size);
      firstIn = grown(firstIn, size);
      moreHead = grown(moreHead, size);
      moreTail = grown(moreTail, size);
      const count = new Int32Array(size);
      count.set(moreCount);
      moreCount = count;
    }
    if (eligible(b)) {
      let distinct = 0;
      for (let x = 0; x < sn; x++) {
        const s = sa[x];
        if (seenIn[s] === b.index) continue;
        seenIn[s] = b.index;
        distinct++;
        const k = firstIn[s];
        if (k < 0) continue;
        if (shared[k]++ === 0) sharers.push(k);
        for (let c = moreHead[s]; c >= 0; c = cellNext[c]) {
          const m = cellBlock[c];
          if (shared[m]++ === 0) sharers.push(m);
        }
      }
      for (let x = 0; x < sharers.n; x++) {
        const k = sharers.a[x];
        if (shared[k] / distinct >= CONTAINMENT && blocks[k].f.words >= b.f.words * 0.9) {
          dupOf[b.index] = k;
          break;
        }
      }
      for (let x = 0; x < sharers.n; x++) shared[sharers.a[x]] = 0;
      sharers.n = 0;
    }
    for (let x = 0; x < sn; x++) {
      const s = sa[x];
      const k = firstIn[s];
      if (k < 0) firstIn[s] = b.index;
      else if (k !== b.index) {
        const tail = moreTail[s];
        if (tail < 0 || (moreCount[s] + 1 < MAX_POSTINGS && cellBlock[tail] !== b.index)) {
          if (cells === cellBlock.length) {
            cellBlock = resized(cellBlock, cells * 2);
            cellNext = resized(cellNext, cells * 2);
          }
          cellBlock[cells] = b.index;
          cellNext[cells] = -1;
          if (tail < 0) moreHead[s] = cells;
          else cellNext[tail] = cells;
          moreTail[s] = cells++;
          moreCount[s]++;
        }
      }
    }
  }
  memo?.done(used);
  return dupOf;
}

/** The index of the last block of MIN_WORDS or more that is eligible (a duplicate is
 * looked for only in those, and among the blocks before them), or -1. */
function lastEligible(blocks: BlockInfo[], eligible: (b: BlockInfo) => boolean): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i].f.words >= MIN_WORDS && eligible(blocks[i])) return i;
  return -1;
}

function resized(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const g = new Int32Array(size);
  g.set(a);
  return g;
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const g = new Int32Array(size).fill(-1);
  g.set(a);
  return g;
}
