// Short forms the page defines: "The Financial Technology Association (FTA)" spells one
// out before its parenthesis; "All-China Federation of Trade Unions" … "the ACFTU" spells
// one out earlier in the text without saying so. Each short form gets its long form, the
// place the long form is spelled out, and every use of the short form.
//
// Linear, and read off the words people.ts scans (words.ts): the short forms are its
// words in capitals; the long forms are chains of its capitalised words, one space or one
// function word apart; a parenthesis is looked for around each short form only.

import { ENGLISH_STOPWORDS } from './stopwords';
import { lineAt } from './lines';
import { Acronym } from './types';
import { isJsSpace } from './patterns';
import { CLASS, charClass, Kind, Scan, scanWords } from './words';

const FUNCTION_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', '&']);

function classOf(c: number): number {
  return c < 128 ? CLASS[c] : charClass(c);
}

/** The letters a word gives its short form: "All-China" → "AC", "Federation" → "F". */
function initialsOf(word: string): string {
  let out = '';
  for (const part of word.split('-')) {
    const c = part.charAt(0);
    if (c && c !== c.toLowerCase()) out += c;
  }
  return out;
}

interface LongForm {
  long: string;
  start: number;
  end: number;
}

/** initialsOf for the word text[start, end), read in place: its letters' codes written
 * to out from `at` on (no string per word); returns where they end. (A word has no more
 * initials than characters.) `hyphen` is the first hyphen at or after `start` (Infinity:
 * none): a word without one gives its first letter only. */
function initialsIn(text: string, start: number, end: number, hyphen: number, out: Int32Array, at: number): number {
  if (hyphen >= end) {
    if (classOf(text.charCodeAt(start)) === 2) out[at++] = text.charCodeAt(start);
    return at;
  }
  for (let j = start; j < end; j++) {
    if (j > start && text.charCodeAt(j - 1) !== 45) continue;
    const c = text.charCodeAt(j);
    if (c !== 45 && classOf(c) === 2) out[at++] = c;
  }
  return at;
}

/** The wanted short forms by their characters: a node's child by character (A to Z in a
 * table, as nearly all initials are; any other character in a map), and the short form a
 * node spells in full. Node 0 is the root, so 0 in the table is no child. */
class Trie {
  private ascii = new Int32Array(26 * 64);
  private other = new Map<number, number>();
  readonly spells: (string | undefined)[] = [undefined];
  /** The child of `node` by character code `c`, or -1. */
  child(node: number, c: number): number {
    if (c >= 65 && c <= 90) return this.ascii[node * 26 + c - 65] || -1;
    return this.other.get(node * 0x10000 + c) ?? -1;
  }
  add(word: string): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let next = this.child(node, c);
      if (next < 0) {
        next = this.spells.length;
        this.spells.push(undefined);
        if ((next + 1) * 26 > this.ascii.length) {
          const a = new Int32Array(this.ascii.length * 2);
          a.set(this.ascii);
          this.ascii = a;
        }
        if (c >= 65 && c <= 90) this.ascii[node * 26 + c - 65] = next;
        else this.other.set(node * 0x10000 + c, next);
      }
      node = next;
    }
    this.spells[node] = word;
  }
}

/** A short form: a capital, then 1 to 9 capitals, digits or "&" ("ACFTU", "G20", "AT&T"),
 * between characters that are not letters or digits. Returns its end, or -1. */
function shortAt(text: string, i: number): number {
  if (i > 0 && classOf(text.charCodeAt(i - 1)) <= 4) return -1;
  if (classOf(text.charCodeAt(i)) !== 2) return -1;
  let j = i + 1;
  while (j < text.length && j - i <= 10) {
    const c = text.charCodeAt(j);
    const k = classOf(c);
    if (k === 2 || k === 4 || c === 38) j++;
    else if (k === 1 || k === 3) return -1;
    else break;
  }
  const len = j - i;
  if (len < 2 || len > 10) return -1;
  return j;
}

/** Whether the characters between two capitalised words join them into one phrase:
 * spaces, or a function word between spaces ("Federation of Trade"). */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 8 || to <= from) return false;
  let j = from;
  while (j < to && isJsSpace(text.charCodeAt(j))) j++;
  if (j === from) return false;
  if (j === to) return true;
  const w0 = j;
  while (j < to && !isJsSpace(text.charCodeAt(j))) j++;
  if (!FUNCTION_WORDS.has(text.slice(w0, j))) return false;
  const w1 = j;
  while (j < to && isJsSpace(text.charCodeAt(j))) j++;
  return j === to && j > w1;
}

export function readAcronyms(text: string, lineStarts: readonly number[], scan: Scan = scanWords(text, lineStarts as number[])): Acronym[] {
  const lineOf = (o: number) => lineAt({ starts: lineStarts }, o);
  const w = scan.words;
  // 0. the short forms of the page, where they stand: the scanned words in capitals
  const shorts: { short: string; start: number }[] = [];
  const wanted = new Set<string>();
  for (let k = 0; k < w.n; k++) {
    if (w.kind[k] !== Kind.AllCaps && w.kind[k] !== Kind.Initial) continue;
    const start = w.start[k];
    const end = shortAt(text, start);
    if (end < 0) continue;
    const short = text.slice(start, end);
    shorts.push({ short, start });
    if (short.length >= 3) wanted.add(short);
    while (k + 1 < w.n && w.start[k + 1] < end) k++; // "AT&T": one short form
  }
  if (!shorts.length) return [];
  // every beginning of a wanted short form, as a trie of their characters (a node's
  // children by character; the short form a node spells in full): a phrase stops
  // growing past them, and its initials are followed letter by letter, not joined into
  // a string to look up at each word
  const trie = new Trie();
  for (const x of wanted) trie.add(x);

  // 1. long forms spelled out anywhere: the initials of every run of 2 to 8 capitalised
  // words of a phrase ("Financial Technology Association Fintech Summit" registers FTA)
  const spelled = new Map<string, LongForm>();
  if (wanted.size) {
    // the phrase being read: its words' starts and ends (start === end: a function word);
    // their initials are read only when a short form could start there
    let at = new Int32Array(64);
    let to = new Int32Array(64);
    let len = 0;
    const add = (a: number, b: number) => {
      if (len === at.length) {
        const a2 = new Int32Array(len * 2);
        a2.set(at);
        at = a2;
        const t2 = new Int32Array(len * 2);
        t2.set(to);
        to = t2;
      }
      at[len] = a;
      to[len] = b;
      len++;
    };
    // a phrase's initials, as codes: word j's are letters[iniFrom[j] .. iniFrom[j + 1])
    let letters = new Int32Array(256);
    let iniFrom = new Int32Array(65);
    let hyphen = -1;
    const flush = () => {
      if (len >= 2) {
        if (iniFrom.length <= len) iniFrom = new Int32Array(at.length + 1);
        const room = to[len - 1] - at[0];
        if (letters.length < room) letters = new Int32Array(room * 2);
        let n = 0;
        for (let j = 0; j < len; j++) {
          iniFrom[j] = n;
          if (at[j] === to[j]) continue;
          // the text's next hyphen, looked for again only once a word starts past it
          if (hyphen < at[j]) {
            hyphen = text.indexOf('-', at[j]);
            if (hyphen < 0) hyphen = Infinity;
          }
          n = initialsIn(text, at[j], to[j], hyphen, letters, n);
        }
        iniFrom[len] = n;
        for (let i = 0; i < len; i++) {
          if (iniFrom[i] === iniFrom[i + 1]) continue;
          // the node of the initials read so far (s, the short form they would make)
          let node = 0;
          let significant = 0;
          for (let j = i; j < len && j < i + 8; j++) {
            const to1 = iniFrom[j + 1];
            for (let k = iniFrom[j]; k < to1 && node >= 0; k++) node = trie.child(node, letters[k]);
            if (node < 0) break;
            if (iniFrom[j] === to1) continue;
            significant++;
            const s = trie.spells[node];
            if (significant >= 2 && s !== undefined && s.length >= 3 && !spelled.has(s)) spelled.set(s, { long: text.slice(at[i], to[j]), start: at[i], end: to[j] });
          }
        }
      }
      len = 0;
    };
    let prevEnd = -1;
    for (let k = 0; k < w.n; k++) {
      if (w.kind[k] === Kind.Particle) continue;
      const start = w.start[k];
      // the phrase's word ends where the scanned word does, or after its possessive or
      // plural apostrophe ("Chelsea's", "Farmers'")
      let end = w.end[k];
      const q = text.charCodeAt(end);
      if (q === 39 || q === 0x2019) {
        end++;
        if (text.charCodeAt(end) === 115 || text.charCodeAt(end) === 83) end++;
      }
      if (prevEnd >= 0 && !joins(text, prevEnd, start)) flush();
      else if (prevEnd >= 0) {
        // a function word between: a slot of its own, as in the text
        let g = prevEnd;
        while (g < start && isJsSpace(text.charCodeAt(g))) g++;
        if (g < start) add(prevEnd, prevEnd);
      }
      add(start, end);
      // a phrase word is followed by a space or its end: "Association," ends the phrase
      prevEnd = end < text.length && isJsSpace(text.charCodeAt(end)) ? end : -1;
      if (prevEnd < 0) flush();
    }
    flush();
  }
  // 2. short forms defined in parentheses: the words right before spell them out
  const defined = new Map<string, LongForm>();
  for (const { short, start } of shorts) {
    if (defined.has(short)) continue;
    let open = start - 1;
    while (open >= 0 && isJsSpace(text.charCodeAt(open))) open--;
    if (text.charCodeAt(open) !== 40) continue; // "("
    let close = start + short.length;
    while (close < text.length && isJsSpace(text.charCodeAt(close))) close++;
    if (text.charCodeAt(close) !== 41) continue; // ")"
    let endBefore = open;
    while (endBefore > 0 && isJsSpace(text.charCodeAt(endBefore - 1))) endBefore--;
    const before = text.slice(Math.max(0, open - 160), endBefore);
    const words = before.split(/\s+/);
    let need = short.replace(/[^\p{Lu}]/gu, '');
    let k = words.length - 1;
    let used = 0;
    while (k >= 0 && need) {
      const wd = words[k];
      if (FUNCTION_WORDS.has(wd) && used > 0) {
        k--;
        continue;
      }
      const i = initialsOf(wd);
      if (!i || !need.endsWith(i)) break;
      need = need.slice(0, need.length - i.length);
      used++;
      k--;
    }
    if (need || used < 2) continue;
    const long = words.slice(k + 1).join(' ');
    defined.set(short, { long, start: endBefore - long.length, end: endBefore });
  }
  // 3. the short forms used: defined in parentheses, or spelled out before their first use
  const found = new Map<string, Acronym>();
  for (const { short, start } of shorts) {
    let a = found.get(short);
    if (!a) {
      const form = defined.get(short) ?? (short.length >= 3 ? spelled.get(short) : undefined);
      if (!form || (!defined.has(short) && form.end > start)) continue;
      // (most short forms have no long form: only those that do are lower-cased)
      if (ENGLISH_STOPWORDS.has(short.toLowerCase())) continue;
      // a long form whose own text is the short form's only use: "FTA" inside "(FTA)" counts
      a = { short, long: form.long, definition: { line: lineOf(form.start), span: { start: form.start, end: form.end } }, mentions: [] };
      found.set(short, a);
    }
    a.mentions.push({ line: lineOf(start), span: { start, end: start + short.length } });
  }
  return [...found.values()];
}
