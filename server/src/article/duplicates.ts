// Near-duplicate blocks: a photo caption that repeats the dek, a pull quote that
// repeats a paragraph. A block is a duplicate when most of its word 4-grams occur, in
// one earlier block that is at least as long. Hashing keeps this linear in the
// size of the page: each shingle is looked up once.

import { BlockInfo } from './blocks';

// short repeated lines (a video's title shown twice) are left alone; captions repeating
// a dek and pull quotes are longer
const MIN_WORDS = 10;
const CONTAINMENT = 0.8;
const MAX_POSTINGS = 8;

function hash(a: string, b: string, c: string, d: string): string {
  return a + '\u0001' + b + '\u0001' + c + '\u0001' + d;
}

/** For each block, the index of the earlier block it duplicates, or -1. */
export function findDuplicates(blocks: BlockInfo[], eligible: (b: BlockInfo) => boolean): Int32Array {
  const dupOf = new Int32Array(blocks.length).fill(-1);
  const postings = new Map<string, number[]>();
  for (const b of blocks) {
    const w = b.f.lowerWords;
    if (w.length < MIN_WORDS) continue;
    const shingles: string[] = [];
    for (let i = 0; i + 3 < w.length; i++) shingles.push(hash(w[i], w[i + 1], w[i + 2], w[i + 3]));
    if (eligible(b)) {
      const counts = new Map<number, number>();
      for (const s of new Set(shingles)) {
        const p = postings.get(s);
        if (!p) continue;
        for (const k of p) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const distinct = new Set(shingles).size;
      for (const [k, c] of counts) {
        if (c / distinct >= CONTAINMENT && blocks[k].f.words >= b.f.words * 0.9) {
          dupOf[b.index] = k;
          break;
        }
      }
    }
    for (const s of shingles) {
      const p = postings.get(s);
      if (!p) postings.set(s, [b.index]);
      else if (p.length < MAX_POSTINGS && p[p.length - 1] !== b.index) p.push(b.index);
    }
  }
  return dupOf;
}
