// Splits a scrape into blocks (its non-blank lines: the renderer puts each block
// element of the page on one line) and tags each with what its form alone says.
// Context is weighed later, in stories.ts.

import { ShingleMemo } from './duplicates';
import { countFeatures, counts, Features, proseLevel, readsEnglish } from './features';
import { LineTable, lineTable } from './lines';
import {
  isByline, isCommentHead, isCopyright, isDateline, isDivider, isMetaCounter, namesAList, isNameLine, isPhotoCredit,
  isJsSpace, isRelatedLink, isSelfGlued, isHashtagRun, isTruncationMarker, isUiLabel, isWidgetResidue, trailingCredit,
} from './patterns';
import { Span } from './types';

/** What a line's form says, before context. */
export type Tag =
  | 'form' // form fields and buttons drawn by the renderer: "[          ]", "[Search]"
  | 'image' // an image placeholder or file name: "[hkpolyu1118b_167x94]", "cow.jpg"
  | 'truncation' // "Keep Reading"
  | 'list-header' // "Related Coverage", "Most Popular"
  | 'ui' // other button/link labels
  | 'related' // an inline link to another story: "Related: …", "Read more: …"
  | 'credit' // photo credit
  | 'copyright'
  | 'comment-head' // "Jane on May 5, 2019 at 4:47 pm said:"
  | 'date'
  | 'byline'
  | 'meta' // "5 Min Read", counters, "Image 2 of 5"
  | 'divider' // "━━━━━━━━━━"
  | 'prose' // a real paragraph
  | 'sentence' // a sentence or two
  | 'item' // a bullet item with content
  | 'menu' // a menu entry: a short bullet item, or menu words glued together
  | 'name' // a short line that could be a person's name
  | 'title' // a short line shaped like a headline
  | 'short'; // anything else that is short

export interface BlockInfo {
  index: number;
  line: number;
  lineSpan: Span;
  span: Span;
  text: string;
  f: Features;
  level: 0 | 1 | 2;
  tag: Tag;
  /** Offset (in the text) where a credit glued to the end of this line starts, or -1. */
  creditAt: number;
  blanksBefore: number;
  /** Normalised text used to spot repeats (headline echoes), '' for long lines. */
  readonly key: string;
}

export interface Page {
  text: string;
  table: LineTable;
  blocks: BlockInfo[];
  /** Block index of each line, -1 for blank lines. */
  blockOfLine: Int32Array;
  /** Whether the page's prose is English (readsEnglish): rules built on English words
   * stand back when it is not. */
  english: boolean;
}

// the bullets a key leaves out, with the white space after them
const KEY_BULLETS = new Set([...'•☆□●◦▪‣○■★·►▸»›◆◇✓✔*-'].map((c) => c.charCodeAt(0)));

/** Where the text goes on after a leading bullet and its white space (0: no such
 * bullet), as /^[•☆□●◦▪‣○■★·►▸»›◆◇✓✔*-]\s+/ would match them. */
function afterBullet(text: string): number {
  // (the bullets in ASCII are * and -, the others are beyond U+00B6: most lines are let
  // go by their first character's code, without a set's lookup)
  const c = text.charCodeAt(0);
  if (c < 0xb7 ? c !== 42 && c !== 45 : !KEY_BULLETS.has(c)) return 0;
  let i = 1;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return i > 1 ? i : 0;
}

const keyBuffer = new Uint16Array(512);

export function normalizeKey(text: string): string {
  const t = text.slice(afterBullet(text));
  return t.length <= keyBuffer.length ? asciiKey(t) ?? slowKey(t) : slowKey(t);
}

// Characters beyond ASCII that a key reads as white space: neither letters nor digits,
// lower-cased or not (dashes, bullets, ellipses, ©): 0 not yet known, 1 such a
// character, 2 not (a letter, a digit, half of a surrogate pair).
const BEYOND_ASCII = new Uint8Array(0x10000);
function separatesKey(c: number): boolean {
  let k = BEYOND_ASCII[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    k = BEYOND_ASCII[c] = !surrogate && lower.length === 1 && !/[\p{L}\p{N}]/u.test(ch) && !/[\p{L}\p{N}]/u.test(lower) ? 1 : 2;
  }
  return k === 1;
}

/** normalizeKey in one pass for text of ASCII letters, digits, punctuation and quotes
 * and of separators beyond ASCII (most lines), where lower-casing is per character and
 * letters and digits are [a-z0-9]; undefined for any other text. */
function asciiKey(t: string): string | undefined {
  let n = 0;
  let gap = false;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    // quotes are dropped: "Don’t" and "Dont" are one key
    if (c === 0x22 || c === 0x27 || c === 0x60) continue;
    if (c >= 128) {
      if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0xb4) continue;
      if (!separatesKey(c)) return undefined;
      gap = true;
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && n > 0) keyBuffer[n++] = 32;
      keyBuffer[n++] = c;
      gap = false;
    } else gap = true;
  }
  return String.fromCharCode.apply(null, keyBuffer.subarray(0, n) as unknown as number[]);
}

/** Hashes of the first and the last 8 characters of a block's key (BlockInfo.key),
 * read from the ends of its text without making the key, when those ends are ASCII:
 * then the key's ends are what asciiKey makes of them (the key of a text begins with
 * the key of its beginning, lower-casing and the separator runs being read character
 * by character, and ends likewise). Returns 1 with keyEnds.head and keyEnds.tail set
 * to keyEndHash of those characters; 0 when the key is shorter than 8 characters (or
 * '', for a text over 400 characters); -1 when the ends cannot tell (a character
 * beyond ASCII met first). */
export const keyEnds = { head: 0, tail: 0 };
export function readKeyEnds(text: string): -1 | 0 | 1 {
  if (text.length > 400) return 0;
  // (the key's text is read in place, from past a bullet)
  const from = afterBullet(text);
  const head = endOfKey(text, from, text.length, 1);
  if (head < 1) return head;
  let h = 0x811c9dc5;
  for (let k = 0; k < 8; k++) h = Math.imul(h ^ keyBuffer[k], 0x01000193);
  keyEnds.head = h;
  const tail = endOfKey(text, text.length - 1, from - 1, -1);
  if (tail < 1) return -1;
  h = 0x811c9dc5;
  for (let k = 7; k >= 0; k--) h = Math.imul(h ^ keyBuffer[k], 0x01000193);
  keyEnds.tail = h;
  return 1;
}

/** The hash readKeyEnds gives the 8 characters of `key` from `from`. */
export function keyEndHash(key: string, from: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + 8; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h;
}

/** asciiKey's first 8 characters (step 1, from `from` up to `to`) or its last 8 in
 * reverse (step -1) into keyBuffer[0, 8): 1 when made, 0 when the text ends first, -1
 * at a character beyond ASCII that is neither a dropped quote nor a separator. */
function endOfKey(t: string, from: number, to: number, step: 1 | -1): -1 | 0 | 1 {
  let n = 0;
  let gap = false;
  for (let i = from; i !== to; i += step) {
    let c = t.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x60) continue;
    if (c >= 128) {
      if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0xb4) continue;
      if (!separatesKey(c)) return -1;
      gap = true;
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && n > 0) {
        keyBuffer[n++] = 32;
        if (n === 8) return 1;
      }
      keyBuffer[n++] = c;
      if (n === 8) return 1;
      gap = false;
    } else gap = true;
  }
  return 0;
}

function slowKey(t: string): string {
  return t
    .toLowerCase()
    .replace(/[‘’“”"'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}

/** A title-like line: short, starts with a capital or digit or quote, no final full stop. */
function titleShape(text: string, f: Features): boolean {
  if (f.words < 2 || f.words > 28 || f.chars > 220 || f.bullet) return false;
  // (an ASCII first character answers the first pattern by itself)
  const c0 = text.charCodeAt(0);
  if (c0 < 128 ? !((c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57) || c0 === 34 || c0 === 39 || c0 === 40 || c0 === 91) : !/^[\p{Lu}\p{N}"“‘'(\[]/u.test(text)) return false;
  const last = text.charCodeAt(text.length - 1);
  if (last === 44 || last === 59 || last === 58) return false;
  return f.letterRatio >= 0.55;
}

/** A bullet entry (`text` with its bullet) that reads like a menu link: a few
 * capitalised words, no sentence. */
function navLike(text: string, f: Features): boolean {
  if (f.words === 0) return true;
  if (f.words > 6 || f.innerPunct > 0 || f.endsSentence) return false;
  // menus are Title Case; "1 tsp cinnamon" is a list item
  return f.capRatio >= 0.5 && !digitAfterBullet(text);
}

/** Does a digit follow the bullet: is there one right after the line's first run of
 * non-white-space and the white space after it? (What /^\d/ says of the text that
 * replacing /^\S+\s*(?:)/ with '' leaves, read in place.) */
function digitAfterBullet(text: string): boolean {
  let i = 0;
  while (i < text.length && !isJsSpace(text.charCodeAt(i))) i++;
  if (i === 0) return false;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function tagOf(b: LineBlock, level: 0 | 1 | 2): Tag {
  const { text, f } = b;
  const w = isWidgetResidue(text);
  if (w) return w;
  if (isTruncationMarker(text)) return 'truncation';
  if (isUiLabel(text)) return namesAList(text) ? 'list-header' : 'ui';
  if (isRelatedLink(text)) return 'related';
  // an image's alt text left in the scrape: a card's title glued to itself, a pin's tags
  if (isSelfGlued(text) || isHashtagRun(text)) return 'image';
  // (a bullet naming only a platform, "• flickr", is a link in a list of them)
  if (isPhotoCredit(text) && !(f.bullet && f.words <= 3 && !/[:/©(]/.test(text))) return 'credit';
  if (isCopyright(text, b.legalWord, b.digit) && (f.chars <= 200 || !/^["“‘']/.test(text))) return 'copyright';
  if (isCommentHead(text)) return 'comment-head';
  if (isDateline(text)) return 'date';
  if (isByline(text)) return 'byline';
  if (isMetaCounter(text)) return 'meta';
  if (isDivider(text)) return 'divider';
  if (f.bullet) {
    if (level === 2 && f.chars >= 100) return 'prose';
    return navLike(text, f) ? 'menu' : 'item';
  }
  // menu words glued together: "BabywearingColoradoFamily & LifeTipsTravel"
  if (f.glued >= 2 && f.words <= 8 && f.stopRatio < 0.2) return 'menu';
  if (isNameLine(text)) return 'name';
  // a headline may have inner punctuation ("AWS CEO: The cloud…") but no final full stop
  if (!f.endsSentence && f.words <= 20 && titleShape(text, f)) return 'title';
  if (level === 2) return 'prose';
  if (level === 1) return 'sentence';
  if (titleShape(text, f)) return 'title';
  return 'short';
}

/** A block whose key is made on first use: only headlines and the lines outside the
 * stories are ever compared by key, and normalising every line costs more than the
 * rest of reading it. It carries its own features (`f` is the block itself): every
 * block outlives the young generation, and one object a block is copied and marked
 * where two were. */
class LineBlock implements BlockInfo, Features {
  #key: string | undefined;
  readonly words: number;
  readonly stops: number;
  readonly alphaWords: number;
  readonly capWords: number;
  readonly letters: number;
  readonly endsSentence: boolean;
  readonly sentences: number;
  readonly bullet: boolean;
  readonly glued: number;
  readonly pipes: number;
  readonly innerPunct: number;
  readonly legalWord: boolean;
  readonly digit: boolean;
  // set once the page's language is known (readBlocks)
  level: 0 | 1 | 2 = 0;
  tag: Tag = 'short';
  creditAt = -1;

  constructor(
    readonly index: number,
    readonly line: number,
    readonly lineSpan: Span,
    readonly span: Span,
    readonly text: string,
    readonly indent: number,
    readonly blanksBefore: number,
    // the counts of `text`'s features: countFeatures' just made, or a line reading's
    k: Readonly<FeatureCounts>,
  ) {
    this.words = k.words;
    this.stops = k.stops;
    this.alphaWords = k.alphaWords;
    this.capWords = k.capWords;
    this.letters = k.letters;
    this.endsSentence = k.endsSentence;
    this.sentences = k.sentences;
    this.bullet = k.bullet;
    this.glued = k.glued;
    this.pipes = k.pipes;
    this.innerPunct = k.innerPunct;
    this.legalWord = k.legalWord;
    this.digit = k.digit;
  }

  get f(): Features {
    return this;
  }

  get chars(): number {
    return this.text.length;
  }

  // the ratios as features() gives them (LineFeatures)
  get stopRatio(): number {
    return this.words ? this.stops / this.words : 0;
  }

  get capRatio(): number {
    return this.alphaWords ? this.capWords / this.alphaWords : 0;
  }

  get letterRatio(): number {
    return this.text.length ? this.letters / this.text.length : 0;
  }

  get key(): string {
    this.#key ??= this.text.length <= 400 ? normalizeKey(this.text) : '';
    return this.#key;
  }
}

/** The lines of a document's last version, to read the next by: what features(),
 * tagOf() and trailingCredit() make of a line depends on its text and nothing else (its
 * prose level, on which the tag also depends, is known from its features), so a version
 * that differs from the last by a few lines reads only those. Holds the blocks of the
 * last version read with it alone, and finds them by text only when the next version
 * is read: the first version of a document (a cold cache) costs what a read without a
 * cache does. */
export class LineCache {
  /** The shingles of the last version's blocks, for its duplicates (duplicates.ts). */
  readonly shingles = new ShingleMemo();
  #blocks: readonly LineBlock[] = [];
  #byText: Map<string, LineBlock> | undefined;

  /** The last version's blocks by their (trimmed) text. */
  get last(): ReadonlyMap<string, LineBlock> {
    if (!this.#byText) {
      this.#byText = new Map();
      for (const b of this.#blocks) this.#byText.set(b.text, b);
    }
    return this.#byText;
  }

  /** The version read is `blocks`: the ones kept for the next. */
  done(blocks: readonly LineBlock[]): void {
    this.#blocks = blocks;
    this.#byText = undefined;
  }

  /** Lines kept (for tests). */
  get size(): number {
    return this.last.size;
  }
}

type FeatureCounts = typeof counts;

/** The blocks of a text; with a cache, the readings of lines its last version had too
 * are reused (LineCache). */
export function readBlocks(text: string, cache?: LineCache): Page {
  // (a cold cache has nothing to reuse: the lines are not looked up)
  const last = cache && cache.size > 0 ? cache.last : undefined;
  const { table, blockOfLine, blocks, before } = eachBlock(text, last);
  cache?.done(blocks);
  // the page's language decides how prose is read
  const english = readsEnglish(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const level = proseLevel(b, english);
    const p = before?.[i];
    let tag: Tag;
    let ca: number;
    if (p && p.level === level) {
      tag = p.tag;
      ca = tag === 'credit' ? -1 : p.creditAt >= 0 ? p.creditAt - p.span.start : -1;
    } else {
      tag = tagOf(b, level);
      ca = tag === 'credit' ? -1 : trailingCredit(b.text);
    }
    b.level = level;
    b.tag = tag;
    b.creditAt = ca >= 0 ? b.span.start + ca : -1;
  }
  return { text, table, blocks, blockOfLine, english };
}

/** The blocks of the text, one for each non-blank line, with the features of its
 * trimmed text, counted or those of the last version's block of that text; the table
 * and the block index of every line; with `last`, the last version's block of each
 * block's text (undefined: none). */
function eachBlock(
  text: string,
  last: ReadonlyMap<string, LineBlock> | undefined,
): { table: LineTable; blockOfLine: Int32Array; blocks: LineBlock[]; before: (LineBlock | undefined)[] | undefined } {
  const blocks: LineBlock[] = [];
  const before: (LineBlock | undefined)[] | undefined = last ? [] : undefined;
  const table = lineTable(text);
  const lineCount = table.starts.length;
  const blockOfLine = new Int32Array(lineCount).fill(-1);
  let blanks = 0;
  for (let line = 0; line < lineCount; line++) {
    const ls = table.starts[line];
    const le = table.ends[line];
    let s = ls;
    while (s < le && isWhite(text.charCodeAt(s))) s++;
    if (s === le) {
      blanks++;
      continue;
    }
    let e = le;
    while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
    const t = text.slice(s, e);
    const p = last?.get(t);
    if (before) before.push(p);
    if (!p) countFeatures(t);
    blockOfLine[line] = blocks.length;
    blocks.push(new LineBlock(blocks.length, line, { start: ls, end: le }, { start: s, end: e }, t, s - ls, blanks, p ?? counts));
    blanks = 0;
  }
  return { table, blockOfLine, blocks, before };
}
