// The fast line readers against plain readings of what they stand for: countFeatures'
// counts (a class table, stop words compared in place) against string and Set
// operations, on random lines over an alphabet of the characters their tests single
// out; and findDuplicates, which reads blocks only up to the last eligible one.
import * as assert from 'node:assert';
import { readBlocks } from '../../server/src/article/blocks';
import { findDuplicates } from '../../server/src/article/duplicates';
import { countFeatures, counts, isWordChar, startsWord } from '../../server/src/article/features';
import { LEGAL_WORDS } from '../../server/src/article/patterns';
import { ENGLISH_STOPWORDS } from '../../server/src/article/stopwords';
import { joinLines } from './helpers';
import { prng } from '../fuzz/fuzz';

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isLetter = (c: number) => isWordChar(c) && !(c >= 48 && c <= 57) && c !== 39 && c !== 0x2019 && c !== 45;
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const BULLETS = new Set([...'•☆□●◦▪‣○■★-*·►▸»›◆◇–—✓✔']);

/** What countFeatures counts, read with strings. */
function plainCounts(text: string): typeof counts {
  const words: string[] = [];
  const between: string[] = [];
  let gap = '';
  for (let i = 0; i < text.length; ) {
    if (!startsWord(text.charCodeAt(i))) {
      gap += text[i++];
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    words.push(text.slice(i, j));
    between.push(gap);
    gap = '';
    i = j;
  }
  const codes = (w: string) => Array.from({ length: w.length }, (_, k) => w.charCodeAt(k));
  const alpha = words.filter((w) => codes(w).some(isLetter));
  let glued = 0;
  for (const w of words) for (let k = 2; k < w.length; k++) if (isUpper(w.charCodeAt(k)) && isLower(w.charCodeAt(k - 1))) glued++;
  const outside = between.join('') + gap;
  return {
    words: words.length,
    stops: words.filter((w) => ENGLISH_STOPWORDS.has(w.toLowerCase())).length,
    alphaWords: alpha.length,
    capWords: alpha.filter((w) => isUpper(w.charCodeAt(0))).length,
    letters: words.reduce((n, w) => n + codes(w).filter(isLetter).length, 0),
    glued,
    pipes: outside.split('|').length - 1,
    innerPunct: outside.replace(/[^,;:]/g, '').length,
    sentences: [...text.matchAll(/[.!?](?= (.))/g)].filter((m) => isUpper(m[1].charCodeAt(0))).length,
    endsSentence: /[.!?…]["”’'»)\]]*$/.test(text),
    bullet: BULLETS.has(text[0]) && (text.length === 1 || text[1] === ' ' || text[1] === '\u00a0'),
    legalWord: words.some((w) => w.charCodeAt(0) < 128 && LEGAL_WORDS.some((l) => lowerAscii(w).startsWith(l))),
    digit: /[0-9]/.test(text),
  };
}

describe('line reading: fast readers against plain readings', () => {
  it('countFeatures counts what string operations count', () => {
    const chars = [...`abcdeyzABCDEYZ0189 '’-.,;:!?|"“”()[]•*ÀÉßÿ×÷ΣσİıДд中━…\u00a0\u2019\u2018\u{1F642}`];
    const pieces = ['the', 'The', 'THE', "it's", 'It’s', 'DON’T', 'a', 'I', 'a1', 'Should', 'BEFORE', 'another', 'themselves', 'copyright', 'Reserved', 'data', 'ReadingShow', 'SubscribeSign'];
    const random = prng(3);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const parts = 1 + Math.floor(random() * 12);
      for (let p = 0; p < parts; p++) text += random() < 0.5 ? pick(pieces) : pick(chars);
      countFeatures(text);
      assert.deepStrictEqual({ ...counts }, plainCounts(text), JSON.stringify(text));
    }
    // (the ends: no line, and lines of one character, a bullet or not)
    for (const text of ['', '-', '*', '•', 'a', ' ', '- ', '-a']) {
      countFeatures(text);
      assert.deepStrictEqual({ ...counts }, plainCounts(text), JSON.stringify(text));
    }
  });

  it('a duplicate is found before blocks that no eligible block follows, and those change nothing', () => {
    const para = 'The council met on Tuesday evening and voted to keep the library open for another year.';
    const other = 'A second paragraph about something else entirely, long enough to be read for shingles.';
    const lines = [para, other, para, other, para];
    const { blocks } = readBlocks(joinLines(lines));
    // the third block repeats the first; the blocks after it are never eligible
    const dupOf = findDuplicates(blocks, (b) => b.index === 2);
    assert.deepStrictEqual([...dupOf], [-1, -1, 0, -1, -1]);
    // eligible everywhere: each repeat points at the first of its text
    assert.deepStrictEqual([...findDuplicates(blocks, () => true)], [-1, -1, 0, 1, 0]);
    assert.deepStrictEqual([...findDuplicates(blocks, () => false)], [-1, -1, -1, -1, -1]);
  });
});
