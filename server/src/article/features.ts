// Surface features of one block of text: the evidence every later judgement is made
// from. Computed once per block, in one pass over its characters where possible,
// because this runs on every line of multi-megabyte scrapes.

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

const BULLETS = new Set(['•', '☆', '□', '●', '◦', '▪', '‣', '○', '■', '★', '-', '*', '·', '►', '▸', '»', '›', '◆', '◇', '–', '—', '✓', '✔']);

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
// lower-cases to those: a word is looked up only when it is made of them and not longer
// than the longest stop word, and without building its lower-cased string (a table of
// the stop words by length and first letter, compared in place).
const STOP_MAX = Math.max(...[...ENGLISH_STOPWORDS].map((w) => w.length));
const STOP_BY_HEAD = new Map<number, string[]>();
for (const w of ENGLISH_STOPWORDS) {
  const k = w.length * 128 + w.charCodeAt(0);
  const list = STOP_BY_HEAD.get(k);
  if (list) list.push(w);
  else STOP_BY_HEAD.set(k, [w]);
}

/** ASCII lower case of one code unit. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Is text[start, end) (lower-cased) an English stop word? Same answer as
 * `ENGLISH_STOPWORDS.has(text.slice(start, end).toLowerCase())`. */
function isStopWord(text: string, start: number, end: number): boolean {
  const n = end - start;
  const head = text.charCodeAt(start);
  if (n > STOP_MAX || head >= 128) return false;
  const list = STOP_BY_HEAD.get(n * 128 + lowerAscii(head));
  if (!list) return false;
  next: for (const w of list) {
    for (let k = 1; k < n; k++) if (lowerAscii(text.charCodeAt(start + k)) !== w.charCodeAt(k)) continue next;
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

export function features(text: string, indent = 0): Features {
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
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (startsWord(c)) {
      const start = i;
      let prevLower = false;
      let hasLetter = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (isLetterCode(d)) {
          letters++;
          hasLetter = true;
          if (prevLower && isUpper(d) && i - start >= 2) glued++;
          prevLower = isLower(d);
        } else prevLower = false;
        i++;
      }
      words++;
      if (isStopWord(text, start, i)) stop++;
      if (hasLetter) {
        alphaWords++;
        if (isUpper(c)) capWords++;
      }
      continue;
    }
    if (c === 124 /* | */) pipes++;
    else if (c === 44 || c === 59 || c === 58) innerPunct++;
    else if ((c === 46 || c === 33 || c === 63) && i + 2 < n && text.charCodeAt(i + 1) === 32 && isUpper(text.charCodeAt(i + 2))) sentences++;
    i++;
  }
  const first = text[0] ?? '';
  return {
    chars: n,
    words,
    stopRatio: words ? stop / words : 0,
    capRatio: alphaWords ? capWords / alphaWords : 0,
    endsSentence: endsSentence(text),
    sentences,
    bullet: BULLETS.has(first) && (n === 1 || text[1] === ' ' || text[1] === '\u00a0'),
    indent,
    letterRatio: n ? letters / n : 0,
    glued,
    pipes,
    innerPunct,
  };
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
