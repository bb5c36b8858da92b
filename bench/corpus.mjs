// The benchmark's texts, all from the project's own fixtures (test/fixtures): the seed,
// the dev corpus concatenated to any size, distinct mutated corpus pages for generated
// workspaces, and the seed written as Markdown for the peer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './build.mjs';

const fixtures = join(repo, 'test', 'fixtures');
const seedDir = join(fixtures, 'seed');
const devDir = join(fixtures, 'scrapes-dev');

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedName = readdirSync(seedDir).find((f) => f.endsWith('.txt'));
export const seed = readFileSync(join(seedDir, seedName), 'utf8');
export const seedReading = JSON.parse(readFileSync(join(seedDir, seedName.replace(/\.txt$/, '.expected.json')), 'utf8'));

/** The dev corpus: [name, text] in name order. */
export const devPages = readdirSync(devDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(join(devDir, f), 'utf8')]);

/** Copies of a page joined as separate stories (two blank lines between them). */
export function repeat(text, times) {
  const page = text.replace(/\s+$/, '');
  return Array.from({ length: times }, () => page).join('\n\n\n') + '\n';
}

/** The dev corpus, its pages concatenated as separate stories. */
export const devCorpus = devPages.map(([, t]) => t.replace(/\s+$/, '')).join('\n\n\n') + '\n\n\n';

/** The dev corpus concatenated (over and over) to `chars` characters, cut at a line end. */
export function corpusText(chars) {
  const all = devCorpus;
  let text = all.repeat(Math.ceil(chars / all.length));
  const cut = text.lastIndexOf('\n', chars);
  text = text.slice(0, cut > 0 ? cut + 1 : chars);
  return text;
}

/** The seed with its headlines written as Markdown headings (`#`) and its crossheads as
 * `##`, by the seed's reference reading. */
export function markdownSeed() {
  const lines = seed.split('\n');
  for (const a of seedReading.articles) {
    if (a.headline) lines[a.headline.line - 1] = '# ' + lines[a.headline.line - 1];
    for (const c of a.crossheads) lines[c.line - 1] = '## ' + lines[c.line - 1];
  }
  return lines.join('\n');
}

const vocabulary = [...new Set(devPages.map(([, t]) => t).join(' ').split(/\s+/).filter((w) => /^[a-z]{3,12}$/.test(w)))];

/** A distinct page made from a corpus page: its middle lines shuffled and about one word
 * in ten of every long line replaced; the first and last six lines (its chrome) stay. */
export function mutate(text, random) {
  const lines = text.split(/\r\n|\n|\r/);
  const head = lines.slice(0, 6);
  const tail = lines.slice(-6);
  const middle = lines.slice(6, -6);
  for (let i = middle.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [middle[i], middle[j]] = [middle[j], middle[i]];
  }
  const changed = middle.map((l) =>
    l.length < 80 ? l : l.split(' ').map((w) => (random() < 0.1 ? vocabulary[Math.floor(random() * vocabulary.length)] : w)).join(' '),
  );
  return [...head, ...changed, ...tail].join('\n');
}
