// Short forms the page defines: "The Financial Technology Association (FTA)" spells one
// out before its parenthesis; "All-China Federation of Trade Unions" … "the ACFTU" spells
// one out earlier in the text without saying so. Each short form gets its long form, the
// place the long form is spelled out, and every use of the short form.
//
// Linear: one global pass finds the capitalised phrases (each registers the initials of
// its runs of up to 8 words), one finds the parenthesised short forms (each reads the few
// words before its parenthesis), one finds the capitalised short forms and their uses.

import { ENGLISH_STOPWORDS } from './stopwords';
import { Acronym } from './types';

const PHRASE = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|and|for|the|on|in|de|du|des|&)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)+/gu;
const WORD = /\S+/g;
const PAREN = /\(\s*(\p{Lu}[\p{Lu}\p{N}&]{1,9})\s*\)/gu;
const SHORT = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}&]{1,9}(?![\p{L}\p{N}])/gu;
const FUNCTION_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', '&']);

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

export function readAcronyms(text: string, lineStarts: readonly number[]): Acronym[] {
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // 1. long forms spelled out anywhere: the initials of every run of 2 to 8 capitalised
  // words of a phrase ("Financial Technology Association Fintech Summit" registers FTA)
  const spelled = new Map<string, LongForm>();
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const words: { w: string; at: number; ini: string }[] = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(m[0]); w; w = WORD.exec(m[0])) words.push({ w: w[0], at: m.index + w.index, ini: FUNCTION_WORDS.has(w[0]) ? '' : initialsOf(w[0]) });
    for (let i = 0; i < words.length; i++) {
      if (!words[i].ini) continue;
      let ini = '';
      let significant = 0;
      for (let j = i; j < words.length && j < i + 8; j++) {
        ini += words[j].ini;
        if (!words[j].ini) continue;
        significant++;
        if (significant >= 2 && ini.length >= 3 && !spelled.has(ini)) {
          spelled.set(ini, { long: text.slice(words[i].at, words[j].at + words[j].w.length), start: words[i].at, end: words[j].at + words[j].w.length });
        }
      }
    }
  }
  // 2. short forms defined in parentheses: the words right before spell them out
  const defined = new Map<string, LongForm>();
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(text); m; m = PAREN.exec(text)) {
    const short = m[1];
    if (defined.has(short)) continue;
    const before = text.slice(Math.max(0, m.index - 160), m.index).replace(/\s+$/, '');
    const words = before.split(/\s+/);
    let need = short.replace(/[^\p{Lu}]/gu, '');
    let k = words.length - 1;
    let used = 0;
    while (k >= 0 && need) {
      const w = words[k];
      if (FUNCTION_WORDS.has(w) && used > 0) {
        k--;
        continue;
      }
      const ini = initialsOf(w);
      if (!ini || !need.endsWith(ini)) break;
      need = need.slice(0, need.length - ini.length);
      used++;
      k--;
    }
    if (need || used < 2) continue;
    const long = words.slice(k + 1).join(' ');
    const end = m.index - (text.slice(0, m.index).length - text.slice(0, m.index).trimEnd().length);
    defined.set(short, { long, start: end - long.length, end });
  }
  // 3. the capitalised short forms: defined in parentheses, or spelled out before their
  // first use
  const found = new Map<string, Acronym>();
  SHORT.lastIndex = 0;
  for (let m = SHORT.exec(text); m; m = SHORT.exec(text)) {
    const short = m[0];
    let a = found.get(short);
    if (!a) {
      if (ENGLISH_STOPWORDS.has(short.toLowerCase())) continue;
      const form = defined.get(short) ?? (short.length >= 3 ? spelled.get(short) : undefined);
      if (!form || (!defined.has(short) && form.end > m.index)) continue;
      // a long form whose own text is the short form's only use: "FTA" inside "(FTA)" counts
      a = { short, long: form.long, definition: { line: lineOf(form.start), span: { start: form.start, end: form.end } }, mentions: [] };
      found.set(short, a);
    }
    a.mentions.push({ line: lineOf(m.index), span: { start: m.index, end: m.index + short.length } });
  }
  return [...found.values()];
}
