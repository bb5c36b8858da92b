// Surface features of one block of text: the evidence every later judgement is made
// from. Computed once per block, in one pass over its characters where possible,
// because this runs on every line of multi-megabyte scrapes.

import { LEGAL_WORDS } from './patterns';
import { ENGLISH_STOPWORDS } from './stopwords';

export interface Features {
  /** Characters after trimming. */
  chars: number;
  words: number;
  /** Share of words that are English function words (0..1). Prose scores ≥ 0.3. */
  stopRatio: number;
  /** Share of alphabetic words that start with a capital letter. */
  capRatio: number;
  /** Ends like a sentence: . ! ? … possibly followed by a closing quote or bracket. */
  endsSentence: boolean;
  /** Sentence boundaries inside the block (". The"). */
  sentences: number;
  /** Starts with a bullet glyph (•, ☆, □, ●, ◦, ▪, ‣, ○, ■, ★, -, *). */
  bullet: boolean;
  /** Leading white space of the raw line, in characters. */
  indent: number;
  /** Share of characters that are letters. */
  letterRatio: number;
  /** Words glued together by a lost separator: "ReadingShow", "SubscribeSign". */
  glued: number;
  /** Counts of separators typical for menus and bylines. */
  pipes: number;
  /** Has a comma, semicolon or colon inside (prose and captions do, menus rarely). */
  innerPunct: number;
}

const BULLETS = ['•', '☆', '□', '●', '◦', '▪', '‣', '○', '■', '★', '-', '*', '·', '►', '▸', '»', '›', '◆', '◇', '–', '—', '✓', '✔'];
// (- and * are the only ones in ASCII)
const BULLET_CODES = new Set(BULLETS.map((b) => b.charCodeAt(0)));

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000 && c !== 0x37e);
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Characters that may continue a word: letters, digits, apostrophes, hyphens. */
export function isWordChar(c: number): boolean {
  return isLetterCode(c) || isDigit(c) || c === 39 || c === 0x2019 || c === 45;
}
/** Characters that may start a word: word characters but apostrophes and hyphens. */
export function startsWord(c: number): boolean {
  return isWordChar(c) && c !== 45 && c !== 39 && c !== 0x2019;
}

// Stop words are ASCII letters and apostrophes (' and ’), and no other character
// lower-cases to those: a word is looked up only when it is not longer than the longest
// stop word, and without building its lower-cased string. The stop words are listed by
// length and the low 5 bits of their first and last characters (A and a share them),
// in typed arrays: those of one key are consecutive words of one length in STOP_CHARS,
// and most keys hold one. (A map's lookup cost more than the rest of reading a word,
// and a list of strings per key a third of it.)
const STOP_MAX = Math.max(...[...ENGLISH_STOPWORDS].map((w) => w.length));
const STOP_KEYS = (STOP_MAX + 1) << 10;
/** Per key: where its words start in STOP_CHARS, and how many there are. */
const STOP_AT = new Int32Array(STOP_KEYS);
const STOP_COUNT = new Int32Array(STOP_KEYS);
const STOP_CHARS = stopChars();

/** The key of a word of length n (≤ STOP_MAX) from its first and last code units:
 * equal for words that are equal when lower-cased (letters that differ only in case
 * share their low 5 bits), and shared by others that isStopWord tells apart. */
function stopKey(n: number, first: number, last: number): number {
  return (n << 10) | ((first & 31) << 5) | (last & 31);
}

/** The stop words' characters, grouped by key (filling STOP_AT and STOP_COUNT). */
function stopChars(): Uint16Array {
  const byKey = new Map<number, string[]>();
  for (const w of ENGLISH_STOPWORDS) {
    const key = stopKey(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1));
    byKey.set(key, [...(byKey.get(key) ?? []), w]);
  }
  const chars: number[] = [];
  for (const [key, list] of byKey) {
    STOP_AT[key] = chars.length;
    STOP_COUNT[key] = list.length;
    for (const w of list) for (let k = 0; k < w.length; k++) chars.push(w.charCodeAt(k));
  }
  return Uint16Array.from(chars);
}

/** ASCII lower case of one code unit. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Is text[start, end) (lower-cased) an English stop word? Same answer as
 * `ENGLISH_STOPWORDS.has(text.slice(start, end).toLowerCase())`. */
function isStopWord(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n > STOP_MAX) return false;
  const key = stopKey(n, text.charCodeAt(start), text.charCodeAt(end - 1));
  let at = STOP_AT[key];
  // (every character is compared: the key's may be other characters' bits)
  next: for (let count = STOP_COUNT[key]; count > 0; count--, at += n) {
    for (let k = 0; k < n; k++) if (lowerAscii(text.charCodeAt(start + k)) !== STOP_CHARS[at + k]) continue next;
    return true;
  }
  return false;
}

// A stop word of up to SHORT_STOP characters is known without reading its characters
// again: its letter codes (letterCode, 5 bits each: a to z in either case, ' and ’) are
// gathered while the word is read, the last six of them in one integer, and the
// integers of the short stop words are a hash set. Words with a character outside
// those (a digit, a letter beyond ASCII) have a 0 code in them, which no stop word's
// integer has. (The longer stop words are compared in place, by isStopWord.)
const SHORT_STOP = [...ENGLISH_STOPWORDS].every((w) => w.length > 6 || [...w].every((c) => letterCode(c.charCodeAt(0)) > 0)) ? 6 : 0;
// (a table at most a quarter full: 0 is an empty slot)
const SHORT_BITS = Math.max(10, Math.ceil(Math.log2(4 * ENGLISH_STOPWORDS.size)));
const SHORT_MASK = (1 << SHORT_BITS) - 1;
const SHORT_STOPS = new Int32Array(1 << SHORT_BITS);
for (const w of ENGLISH_STOPWORDS) {
  if (w.length > SHORT_STOP) continue;
  let code = 0;
  for (let k = 0; k < w.length; k++) code = (code << 5) | letterCode(w.charCodeAt(k));
  let s = shortStopSlot(code);
  while (SHORT_STOPS[s] !== 0) s = (s + 1) & SHORT_MASK;
  SHORT_STOPS[s] = code;
}

/** The 5-bit code of a character that may be in a stop word (lower or upper case a to
 * z: 1 to 26, ' and ’: 27 and 28), 0 for any other. */
function letterCode(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return (c | 32) - 96;
  return c === 39 ? 27 : c === 0x2019 ? 28 : 0;
}

function shortStopSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - SHORT_BITS);
}

/** Is the word of these letter codes (code: each 5 bits, none 0 for a stop word) a short
 * stop word? */
function isShortStop(code: number): boolean {
  for (let s = shortStopSlot(code); ; s = (s + 1) & SHORT_MASK) {
    const x = SHORT_STOPS[s];
    if (x === code) return true;
    if (x === 0) return false;
  }
}

// LEGAL_WORDS by the first letter, in either case (ASCII: they are ASCII words)
const LEGAL_BY_HEAD: (string[] | undefined)[] = new Array(128).fill(undefined);
for (const w of LEGAL_WORDS) {
  for (const c of [w.charCodeAt(0), w.charCodeAt(0) - 32]) (LEGAL_BY_HEAD[c] ??= []).push(w);
}

// (a shorter word opens with none: "in", "is", "it" are let go without a look)
const LEGAL_MIN = Math.min(...LEGAL_WORDS.map((w) => w.length));

/** Does text[start, end) open with one of LEGAL_WORDS, in any case? (ASCII folding:
 * as the pattern's, case-insensitive but not Unicode, reads them.) */
function opensLegalWord(text: string, start: number, end: number): boolean {
  const list = LEGAL_BY_HEAD[text.charCodeAt(start)];
  if (!list) return false;
  next: for (const w of list) {
    if (end - start < w.length) continue;
    for (let k = 1; k < w.length; k++) if (lowerAscii(text.charCodeAt(start + k)) !== w.charCodeAt(k)) continue next;
    return true;
  }
  return false;
}

/** Ends like a sentence: /[.!?…]["”’'»)\]]*$/ read from the end (the pattern, run
 * forwards, tries every position of the line). */
function endsSentence(text: string): boolean {
  let j = text.length - 1;
  while (j >= 0 && isCloser(text.charCodeAt(j))) j--;
  if (j < 0) return false;
  const c = text.charCodeAt(j);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** " ” ’ ' » ) ] */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 0xbb || c === 41 || c === 93;
}

// Character classes, as bits: WORD (isWordChar), START (startsWord), LETTER
// (isLetterCode), UPPER (isUpper), LOWER (isLower), DIGIT (0-9), LEGAL_HEAD (the
// first letter of one of LEGAL_WORDS, in either case); looked up in one table for every
// code unit below CLASS_END, and 0 beyond it, where no character is a letter or a word
// character (the last is ’, U+2019). (The functions above, called on every character
// beyond ASCII, cost a third of reading a line: dividers of box-drawing characters are
// common. A table of all 2^16 code units was no faster, and at times much slower.)
export const WORD = 1;
export const START = 2;
const LETTER = 4;
const UPPER = 8;
const LOWER = 16;
const DIGIT = 32;
const LEGAL_HEAD = 64;
/** The class's bits from here on: letterCode. */
const CODE_SHIFT = 8;
const CLASS_END = 0x2020;
const CLASS = new Uint16Array(CLASS_END);
for (let c = 0; c < CLASS_END; c++) {
  CLASS[c] =
    (isWordChar(c) ? WORD : 0) |
    (startsWord(c) ? START : 0) |
    (isLetterCode(c) ? LETTER : 0) |
    (isUpper(c) ? UPPER : 0) |
    (isLower(c) ? LOWER : 0) |
    (isDigit(c) ? DIGIT : 0) |
    (c < 128 && LEGAL_BY_HEAD[c] ? LEGAL_HEAD : 0) |
    (letterCode(c) << CODE_SHIFT);
}
/** The class bits of a code unit. */
export function classOf(c: number): number {
  return c < CLASS_END ? CLASS[c] : 0;
}

/** Features with the ratios read from their counts (a double field costs a number
 * object per line; these are computed as the literal computed them). */
class LineFeatures implements Features {
  constructor(
    readonly chars: number,
    readonly words: number,
    readonly stops: number,
    readonly alphaWords: number,
    readonly capWords: number,
    readonly letters: number,
    readonly endsSentence: boolean,
    readonly sentences: number,
    readonly bullet: boolean,
    readonly indent: number,
    readonly glued: number,
    readonly pipes: number,
    readonly innerPunct: number,
  ) {}

  get stopRatio(): number {
    return this.words ? this.stops / this.words : 0;
  }

  get capRatio(): number {
    return this.alphaWords ? this.capWords / this.alphaWords : 0;
  }

  get letterRatio(): number {
    return this.chars ? this.letters / this.chars : 0;
  }
}

/** The counts features() reads from a line, in one shared object (one shape), read out
 * at once into the object that keeps them: features() makes a LineFeatures of them,
 * readBlocks a block that carries its own features. */
export const counts = {
  words: 0,
  stops: 0,
  alphaWords: 0,
  capWords: 0,
  letters: 0,
  glued: 0,
  pipes: 0,
  innerPunct: 0,
  sentences: 0,
  endsSentence: false,
  bullet: false,
  /** A word opens with one of LEGAL_WORDS (patterns.ts, isCopyright). */
  legalWord: false,
  /** The line holds a digit (0-9, which only occur inside words). */
  digit: false,
};

/** Reads the features of `text` into `counts`. */
export function countFeatures(text: string): void {
  const n = text.length;
  let words = 0;
  let stop = 0;
  let alphaWords = 0;
  let capWords = 0;
  let letters = 0;
  let glued = 0;
  let pipes = 0;
  let innerPunct = 0;
  let sentences = 0;
  let legalWord = false;
  let digit = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < CLASS_END ? CLASS[c] : 0;
    if (k & START) {
      const start = i;
      const lettersBefore = letters;
      if (k & LETTER) letters++;
      else if (k & DIGIT) digit = true;
      // the class of the character before, 0 for the first: a capital after a
      // lower-case letter is glued from the word's third character on
      let prev = 0;
      // the letter codes of the word's last six characters
      let code = k >> CODE_SHIFT;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        const kd = d < CLASS_END ? CLASS[d] : 0;
        if (!(kd & WORD)) break;
        if (kd & LETTER) {
          letters++;
          if (kd & UPPER && prev & LOWER) glued++;
        } else if (kd & DIGIT) digit = true;
        prev = kd;
        code = (code << 5) | (kd >> CODE_SHIFT);
        i++;
      }
      words++;
      // (a first code of 0 would leave the word's integer that of a shorter word)
      if (i - start <= SHORT_STOP ? k >> CODE_SHIFT !== 0 && isShortStop(code) : isStopWord(text, start, i)) stop++;
      if (k & LEGAL_HEAD && !legalWord && i - start >= LEGAL_MIN) legalWord = opensLegalWord(text, start, i);
      if (letters !== lettersBefore) {
        alphaWords++;
        if (k & UPPER) capWords++;
      }
      continue;
    }
    if (c === 124 /* | */) pipes++;
    else if (c === 44 || c === 59 || c === 58) innerPunct++;
    else if ((c === 46 || c === 33 || c === 63) && i + 2 < n && text.charCodeAt(i + 1) === 32 && isUpper(text.charCodeAt(i + 2))) sentences++;
    i++;
  }

  counts.words = words;
  counts.stops = stop;
  counts.alphaWords = alphaWords;
  counts.capWords = capWords;
  counts.letters = letters;
  counts.glued = glued;
  counts.pipes = pipes;
  counts.innerPunct = innerPunct;
  counts.sentences = sentences;
  counts.legalWord = legalWord;
  counts.digit = digit;
  counts.endsSentence = endsSentence(text);
  // (by code: the first character as a string is a new one beyond Latin-1)
  // (and no character is read past the end: a read out of bounds, on a line of one
  // character, sent the optimised code back to the interpreter, at times over and over)
  const c0 = n > 0 ? text.charCodeAt(0) : 0;
  const c1 = n > 1 ? text.charCodeAt(1) : 32;
  counts.bullet = (c0 < 128 ? c0 === 45 || c0 === 42 : BULLET_CODES.has(c0)) && (c1 === 32 || c1 === 0xa0);
}

export function features(text: string, indent = 0): Features {
  countFeatures(text);
  const k = counts;
  return new LineFeatures(
    text.length,
    k.words,
    k.stops,
    k.alphaWords,
    k.capWords,
    k.letters,
    k.endsSentence,
    k.sentences,
    k.bullet,
    indent,
    k.glued,
    k.pipes,
    k.innerPunct,
  );
}

/** Prose strength: 2 = a real paragraph, 1 = a sentence, 0 = not prose. On a page not
 * written in English the function-word test stands back: a paragraph is then known by
 * its length, its sentences and its lower-case words alone. */
export function proseLevel(f: Features, english = true): 0 | 1 | 2 {
  if (!english) {
    if (f.words < 4 || f.letterRatio < 0.6 || f.capRatio > 0.6) return 0;
    const sentenced = f.endsSentence || f.sentences >= 1;
    if (f.chars >= 120 && f.words >= 15 && sentenced) return 2;
    if (f.words >= 6 && sentenced) return 1;
    return 0;
  }
  if (f.words >= 4 && f.stopRatio >= 0.2 && f.letterRatio >= 0.6) {
    if (f.chars >= 120 && f.stopRatio >= 0.25 && (f.endsSentence || f.sentences >= 1)) return 2;
    if (f.words >= 6 && (f.endsSentence || f.sentences >= 1 || f.innerPunct >= 1)) return 1;
  }
  return 0;
}

/** Whether the page's paragraphs are English: the mean share of English function words
 * over its sentence-shaped long lines. English prose stays above 0.25 on every page of
 * the corpus; German or Spanish prose falls under 0.05. A page with too little prose to
 * tell is taken as English (the rules then change nothing). */
export function readsEnglish(all: Features[]): boolean {
  let n = 0;
  let sum = 0;
  for (const f of all) {
    if (f.chars < 100 || f.letterRatio < 0.6 || !(f.endsSentence || f.sentences >= 1)) continue;
    n++;
    sum += f.stopRatio;
  }
  return n < 2 || sum / n >= 0.15;
}
