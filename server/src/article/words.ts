// The words of a text, scanned once for everything that reads names and short forms
// (people.ts, acronyms.ts): the capitalised words with their places and kinds, grouped
// into runs ("Magistrate Judge Zia Faruqui"), a hash set of the lower-case words, and
// which lines are written in title case. Typed arrays, no object per word; the
// characters are classed by a table, so the loop does no expression or string work for
// ordinary characters.

import { TITLES, PARTICLES } from './nameWords';
import { ENGLISH_STOPWORDS } from './stopwords';

// character classes per UTF-16 code unit: 1 lower-case letter, 2 upper-case letter, 3
// other letter or mark, 4 digit, 5 anything else; 0 = not yet known
export const CLASS = new Uint8Array(0x10000);
export function charClass(c: number): number {
  let k = CLASS[c];
  if (k) return k;
  const ch = String.fromCharCode(c);
  if (c >= 48 && c <= 57) k = 4;
  else if (/\p{L}/u.test(ch)) k = ch !== ch.toUpperCase() ? 1 : ch !== ch.toLowerCase() ? 2 : 3;
  else if (/\p{M}/u.test(ch)) k = 3;
  else k = 5;
  CLASS[c] = k;
  return k;
}
for (let c = 0; c < 128; c++) charClass(c);
export function classOf(c: number): number {
  return c < 128 ? CLASS[c] : charClass(c);
}

export const enum Kind {
  Cap = 1, // "Friedman", "McCain", "O’Grady"
  AllCaps = 2, // "CEO", "SEAN"
  Initial = 3, // "J", "F" (a single capital letter)
  Particle = 4, // "van", "bin"
}

/** The capitalised words of the text (and the particles between them), in order. */
export class Words {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Bit 1: a full stop follows; bit 2: a possessive ('s) follows. */
  flags: Uint8Array;
  line: Int32Array;
  /** The word's characters as written, hashed (FNV-1a, 30 bits): read with the word, so
   * that people.ts finds the words that open a name without reading them again. */
  hash: Int32Array;
  n = 0;
  /** Room for `size` words at first (news copy has a capitalised word in 10 to 20 characters). */
  constructor(size = 1024) {
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    this.line = new Int32Array(size);
    this.hash = new Int32Array(size);
  }
  push(start: number, end: number, kind: Kind, line: number, hash: number): number {
    if (this.n === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.kind = grow(this.kind);
      this.flags = grow(this.flags);
      this.line = grow(this.line);
      this.hash = grow(this.hash);
    }
    const i = this.n++;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.flags[i] = 0;
    this.line[i] = line;
    this.hash[i] = hash & 0x3fffffff;
    return i;
  }
}

const TAG_LINE = /^\s*(?:tags|tagged|topics|categories|keywords|filed under)\b/i;
export const DOT = 1;
export const POSSESSIVE = 2;

/** At most 2^21 bits (256 KB, to stay in the processor's cache): the lower-case words of
 * the text, by hash (a word seen in lower case is a common word, not a surname, on this
 * page). False positives are rare (a few in a hundred on 10 MB of text, far fewer on a
 * page) and only cost a name its given-name evidence. */
export const LOWER_BITS = 1 << 21;

export interface Scan {
  words: Words;
  /** Runs of capitalised words: [first, last] indexes into `words`. */
  runs: Int32Array;
  runCount: number;
  lower: Uint8Array;
  lowerMask: number;
  /** Per line: 1 if it is written in title case ("Space and Art Collide in NYC Exhibit"):
   * then a capitalised pair is no evidence of a name by itself. */
  titled: Uint8Array;
  lineStarts: number[];
}


/** Lower case of a UTF-16 code unit, cached: no string per character. */
const LOWER_CODE = new Uint16Array(0x10000);
export function lowerCode(c: number): number {
  let l = LOWER_CODE[c];
  if (!l) LOWER_CODE[c] = l = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return l;
}

export function fnvLower(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c > 127) c = lowerCode(c);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** The stop words by the hash the scanner gives lower-case words. */
const STOP_HASHES = new Set([...ENGLISH_STOPWORDS].map((w) => fnvLower(w, 0, w.length)));
/** The particles by the same hash (they are in lower case): most short words after a name
 * ("and", "was") are told apart without a string. */
const PARTICLE_HASHES = new Set([...PARTICLES].map((w) => fnvLower(w, 0, w.length)));

export function seenLower(scan: Scan, word: string): boolean {
  return seenHash(scan, fnvLower(word, 0, word.length));
}

/** seenLower by the word's fnvLower hash, for a caller that reads the word by character. */
export function seenHash(scan: Scan, hash: number): boolean {
  const h = hash & scan.lowerMask;
  return (scan.lower[h >>> 3] & (1 << (h & 7))) !== 0;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** One pass over the text: its capitalised words grouped into runs (words one space
 * apart, particles and initials between them, a title's full stop inside), and the
 * lower-case words' hashes. */
export function scanWords(text: string, lineStarts: number[]): Scan {
  const words = new Words(Math.max(1024, text.length >> 5));
  let runs = new Int32Array(Math.max(512, text.length >> 4));
  let runCount = 0;
  // a bit per 4 characters of text at least (a bit per word, and then some), a power of
  // two between 2^12 and 2^23: a small page does not pay for a big table
  let bits = 1 << 12;
  while (bits < LOWER_BITS && bits < text.length * 4) bits *= 2;
  const lowerMask = bits - 1;
  const lower = new Uint8Array(bits >>> 3);
  let runFirst = -1;
  let lastEnd = -1; // end of the run's last word, and what may follow it
  let gapOk = false;
  let line = 0;
  const titled = new Uint8Array(lineStarts.length + 1);
  // the current line's capitalised words and its lower-case words other than stop words
  let lineCaps = 0;
  let lineLower = 0;
  let lineStart = 0;
  const endLine = (next: number) => {
    // a paragraph is never a headline
    if (lineCaps >= 3 && lineLower === 0 && next - lineStart <= 300) titled[line] = 1;
    lineCaps = lineLower = 0;
    lineStart = next;
  };
  // a list of tags writes names in lower case ("TAGS: ann wilson, drama"): not evidence
  const tagLine = (at: number) => {
    // only a line opening with t, c, k or f (after spaces) can be a list of tags
    let j = at;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j) | 32;
    return (c === 116 || c === 99 || c === 107 || c === 102) && TAG_LINE.test(text.slice(at, at + 24));
  };
  let skipLower = tagLine(0);
  const closeRun = () => {
    if (runFirst < 0) return;
    // a particle cannot end a run
    while (words.n > runFirst && words.kind[words.n - 1] === Kind.Particle) words.n--;
    if (words.n > runFirst) {
      if (runCount * 2 + 2 > runs.length) {
        const b = new Int32Array(runs.length * 2);
        b.set(runs);
        runs = b;
      }
      runs[runCount * 2] = runFirst;
      runs[runCount * 2 + 1] = words.n - 1;
      runCount++;
    }
    runFirst = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      closeRun();
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      endLine(i);
      line++;
      skipLower = tagLine(i);
      continue;
    }
    const k = c < 128 ? CLASS[c] : charClass(c);
    if (k === 5 || k === 4) {
      if (runFirst >= 0) {
        if ((c === 32 || c === 0xa0) && i === lastEnd) {
          gapOk = true; // one space after the last word
          lastEnd = -2;
        } else if (c === 46 && i === lastEnd) {
          // "J." "Gov." "Jr.": the run goes on after an initial's or a title's full stop
          const w = words.n - 1;
          words.flags[w] |= DOT;
          const kind = words.kind[w];
          const word = text.slice(words.start[w], words.end[w]).toLowerCase();
          if (kind === Kind.Initial || TITLES.has(word)) {
            lastEnd = i + 1;
            gapOk = kind === Kind.Initial; // "J.R." is glued, "Gov. X" needs its space next
          } else closeRun();
        } else closeRun();
      }
      i++;
      continue;
    }
    // a word: letters, digits, and apostrophes or hyphens between letters
    let j = i + 1;
    let hasLower = k === 1;
    let seg = i;
    let possessive = false;
    // the common case first: a word of ASCII lower-case letters, hashed as it is read
    let hash = 0;
    // what stopped it: a space ends the word (read once, not again below nor by the outer loop)
    let stop = -1;
    if (k === 1 && c < 128) {
      hash = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      for (;;) {
        const d = j < n ? text.charCodeAt(j) : 0;
        if (d < 97 || d > 122) {
          stop = d;
          break;
        }
        hash = Math.imul(hash ^ d, 0x01000193);
        j++;
      }
    }
    const fast = j;
    // the word as written, hashed on (the same as `hash` so far: its letters are a to z)
    let written = k === 1 && c < 128 ? hash : Math.imul(0x811c9dc5 ^ c, 0x01000193);
    for (;;) {
      if (j >= n || stop === 32) break;
      const d = text.charCodeAt(j);
      const kd = d < 128 ? CLASS[d] : charClass(d);
      if (kd <= 4) {
        // "GarberFOXBusiness", "RitchieStaff": words glued where a space was lost (not
        // "McCain", "LeBron", "MacArthur")
        if (kd === 2 && hasLower && k === 2 && j - seg >= 4) break;
        if (kd === 1) hasLower = true;
        written = Math.imul(written ^ d, 0x01000193);
        j++;
        continue;
      }
      if ((isApostrophe(d) || d === 45) && j + 1 < n) {
        const e = text.charCodeAt(j + 1);
        const ke = e < 128 ? CLASS[e] : charClass(e);
        if (ke > 3) break;
        if (isApostrophe(d) && (e === 115 || e === 83)) {
          const f = j + 2 < n ? text.charCodeAt(j + 2) : 32;
          const kf = f < 128 ? CLASS[f] : charClass(f);
          if (kf > 3) {
            possessive = true;
            break;
          }
        }
        written = Math.imul(Math.imul(written ^ d, 0x01000193) ^ e, 0x01000193);
        j += 2;
        seg = j - 1;
        continue;
      }
      break;
    }
    const end = j;
    if (k === 2) lineCaps++;
    else if (k === 3) lineLower++;
    if (k === 1) {
      // a lower-case word: remember it; a particle may sit inside a run of names
      hash = j === fast && c < 128 ? hash >>> 0 : fnvLower(text, i, end);
      if (!skipLower) {
        const h = hash & lowerMask;
        lower[h >>> 3] |= 1 << (h & 7);
      }
      if (lineLower === 0 && !STOP_HASHES.has(hash)) lineLower++;
      if (runFirst >= 0 && gapOk && lastEnd === -2 && end - i <= 4 && PARTICLE_HASHES.has(hash) && PARTICLES.has(text.slice(i, end))) {
        words.push(i, end, Kind.Particle, line, written);
        lastEnd = end;
        gapOk = false;
      } else closeRun();
    } else {
      const kind = hasLower ? Kind.Cap : end - i === 1 ? Kind.Initial : Kind.AllCaps;
      const joins = runFirst >= 0 && ((gapOk && lastEnd === -2) || (lastEnd === i && gapOk && words.kind[words.n - 1] === Kind.Initial));
      if (!joins) {
        closeRun();
        runFirst = words.n;
      }
      const w = words.push(i, end, kind, line, written);
      if (possessive) words.flags[w] |= POSSESSIVE;
      lastEnd = end;
      gapOk = false;
    }
    if (possessive) {
      // "Xi's": the name ends before the apostrophe, and so does the run
      closeRun();
      i = end + 2;
    } else if (stop === 32 && runFirst < 0) i = end + 1; // past the space: no run for it to join
    else i = end;
  }
  closeRun();
  endLine(n + 1);
  return { words, runs, runCount, lower, lowerMask, titled, lineStarts };
}
