// The scan's per-word facts that other passes read instead of the text: each word's hash
// as written must be the hash of its characters exactly as the word's span gives them.
import * as assert from 'node:assert';
import { lineTable } from '../../server/src/article/lines';
import { scanWords } from '../../server/src/article/words';

function fnv30(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

describe('model: the scan of the words', () => {
  it("hashes each word as written: apostrophes, hyphens, glued words, possessives, particles, non-ASCII", () => {
    const text = [
      "Eli Friedman told Protocol. O’Grady's view, said Jean-Luc Picard and Carolyn Van Houten.",
      'Jonathan GarberFOXBusiness; ÉMILE Zola, İstanbul’s mayor; Ludwig van Beethoven, bin Rashid.',
      'J.R. Stone, Gov. Eric Holcomb and naïve café-owner Zoë Ångström (ACFTU) — Xi’s AT&T G20.',
    ].join('\n');
    const scan = scanWords(text, lineTable(text).starts);
    const w = scan.words;
    assert.ok(w.n > 20);
    for (let k = 0; k < w.n; k++) {
      const word = text.slice(w.start[k], w.end[k]);
      assert.strictEqual(w.hash[k], fnv30(word), word);
    }
  });
});
