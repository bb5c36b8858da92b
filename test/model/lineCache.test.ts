import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle, LineCache } from '../../server/src/article';
import { BlockInfo, readBlocks } from '../../server/src/article/blocks';
import { findDuplicates, ShingleMemo } from '../../server/src/article/duplicates';
import { prng } from '../fuzz/fuzz';
import { loadSeed, repoRoot } from './helpers';

/** Caches for the blocks and for the whole model of one document. */
class Caches {
  blocks = new LineCache();
  model = new LineCache();
}

const blockFields = (b: BlockInfo) => ({
  ...b, f: undefined, key: b.key, words: b.f.words, chars: b.f.chars, stopRatio: b.f.stopRatio, capRatio: b.f.capRatio, letterRatio: b.f.letterRatio,
  endsSentence: b.f.endsSentence, sentences: b.f.sentences, bullet: b.f.bullet, indent: b.f.indent, glued: b.f.glued, pipes: b.f.pipes, innerPunct: b.f.innerPunct,
});

/** The blocks and the model read with the caches are those read without. */
const same = (text: string, caches: Caches) => {
  assert.deepStrictEqual(readBlocks(text, caches.blocks).blocks.map(blockFields), readBlocks(text).blocks.map(blockFields));
  const fresh = JSON.stringify({ ...analyzeArticle(text), elapsedMs: 0 });
  const cached = JSON.stringify({ ...analyzeArticle(text, { lineCache: caches.model }), elapsedMs: 0 });
  assert.strictEqual(cached, fresh);
};

/** A version made from the last by typing, deleting, copying or splitting lines, or
 * swapping a line for one in another language. */
function edit(text: string, random: () => number): string {
  const lines = text.split('\n');
  const pick = () => Math.floor(random() * lines.length);
  for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
    const i = pick();
    const r = random();
    const l = lines[i];
    if (r < 0.4) {
      const at = Math.floor(random() * (l.length + 1));
      lines[i] = l.slice(0, at) + ['x', '.', ' ', 'The ', '|', '©', 'By '][Math.floor(random() * 7)] + l.slice(at);
    } else if (r < 0.55) lines.splice(i, 1);
    else if (r < 0.7) lines.splice(i, 0, lines[pick()]);
    else if (r < 0.8) lines.splice(i, 1, l.slice(0, l.length >> 1), l.slice(l.length >> 1));
    else if (r < 0.9) lines[i] = 'Der Hund läuft über die Straße und die Katze schläft, weil es regnet.';
    else lines.splice(i, 0, '');
  }
  return lines.join('\n');
}

describe('line cache: the readings of a last version\'s lines, reused', () => {
  const dev = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
  const pages = readdirSync(dev).filter((f) => f.endsWith('.txt')).sort().slice(0, 25);

  it('gives every version of a document the model a fresh analysis gives', () => {
    for (const [k, name] of pages.entries()) {
      const random = prng(k + 1);
      const cache = new Caches();
      let text = readFileSync(join(dev, name), 'utf8');
      for (let v = 0; v < 6; v++) {
        same(text, cache);
        text = edit(text, random);
      }
    }
  });

  it('keeps the same results through CRLF, notes and a change of language', () => {
    // a line read as a sentence on an English page, and as a title on another
    const lines = loadSeed().text.split('\n');
    lines.splice(lines.length >> 1, 0, '', 'The Cat Sat On The Mat And Then It Left Town.', '');
    const seed = lines.join('\n');
    const cache = new Caches();
    same(seed, cache);
    same(seed.replace(/\n/g, '\r\n'), cache);
    same(seed.replace(/\n\n/, ' {>>#source check<<}\n\n'), cache);
    // the page's language decides prose levels: the same lines read at other levels
    // (most long lines German, a few English ones kept: those are read at other levels)
    let long = 0;
    const german = seed.split('\n').map((l) => (l.length > 100 && long++ % 5 ? 'Der Hund läuft über die Straße und die Katze schläft im Garten, weil es den ganzen Tag regnet und kalt ist.' : l)).join('\n');
    const tag = (text: string) => readBlocks(text).blocks.find((b) => b.text.startsWith('The Cat Sat'))!.tag;
    assert.deepStrictEqual([tag(seed), tag(german)], ['sentence', 'title']);
    same(german, cache);
    same(seed, cache);
    same('', cache);
    same(seed, cache);
  });

  it('finds the duplicates a fresh reading finds, version after version, its shingle tables started afresh once grown', () => {
    const random = prng(7);
    const word = () => 'w' + Math.floor(random() * 1e9).toString(36);
    const sentence = (n: number) => Array.from({ length: n }, word).join(' ') + '.';
    const kept = sentence(40);
    const memo = new ShingleMemo();
    let startedAfresh = 0;
    let found = 0;
    for (let v = 0; v < 80; v++) {
      // a paragraph repeated (a pull quote), one that changes by a word, and one new each
      // version: about 1,500 new shingles a version
      const text = [kept, sentence(1500), kept.replace(/^\S+/, word()), kept].join('\n\n');
      const blocks = readBlocks(text).blocks;
      const tableBefore = memo.table;
      const withMemo = findDuplicates(blocks, () => true, memo);
      if (memo.table !== tableBefore) startedAfresh++;
      assert.deepStrictEqual([...withMemo], [...findDuplicates(blocks, () => true)], `version ${v}`);
      found += withMemo.filter((d) => d >= 0).length;
    }
    assert.ok(found >= 80 * 2, `${found} duplicates`);
    assert.ok(startedAfresh >= 1, 'the tables were started afresh');
  });

  it('keeps only the lines of the last version', () => {
    const cache = new LineCache();
    analyzeArticle('One line here\n\nAnother line there\n', { lineCache: cache });
    assert.strictEqual(cache.size, 2);
    analyzeArticle('One line here\n', { lineCache: cache });
    assert.strictEqual(cache.size, 1);
  });
});
