#!/usr/bin/env node
// `npm run speed:people`: the cost of people and acronym detection, in ms of CPU per MB,
// on the dev corpus concatenated to about 10 MB (the budget is 15 ms/MB). CPU time
// (process.cpuUsage), median of several runs: other processes share the machine.
//
//   node scripts/people-speed.mjs [--mb 10] [--runs 7]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('--mb', 10);
const RUNS = arg('--runs', 7);

const esbuild = await import('esbuild');
const dir = mkdtempSync(join(tmpdir(), 'galley-people-speed-'));

const outfile = join(dir, 'speed.cjs');
await esbuild.build({
  stdin: {
    contents: `export { namedPeople } from './server/src/article/people';\nexport { readAcronyms } from './server/src/article/acronyms';\nexport { scanWords } from './server/src/article/words';\nexport { lineTable } from './server/src/article/lines';`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning',
});

const { namedPeople, readAcronyms, scanWords, lineTable } = createRequire(import.meta.url)(outfile);
rmSync(dir, { recursive: true, force: true });

const devDir = join(ROOT, 'test/fixtures/scrapes-dev');
const pages = readdirSync(devDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(devDir, f), 'utf8'));
let text = '';
while (text.length < MB * 1024 * 1024) for (const p of pages) text += p + '\n\n';
// a flat string, as a document's text is (not a rope of concatenations)
text = Buffer.from(text, 'utf8').toString('utf8');
const { starts } = lineTable(text);
const mb = text.length / (1024 * 1024);

const cpu = (f) => {
  const t = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(t);
  return { ms: (d.user + d.system) / 1000, r };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// as analyze.ts runs them: one scan of the words, then people, then short forms
const scans = [];
const people = [];
const acr = [];
let found = 0;
for (let k = 0; k < RUNS; k++) {
  const s = cpu(() => scanWords(text, starts));
  const p = cpu(() => namedPeople(text, starts, [], s.r));
  const a = cpu(() => readAcronyms(text, starts, s.r));
  scans.push(s.ms / mb);
  people.push(p.ms / mb);
  acr.push(a.ms / mb);
  found = p.r.length;
}
const [sm, pm, am] = [scans, people, acr].map(median);
console.log(`${mb.toFixed(1)} MB, ${found} people, median of ${RUNS} runs (CPU ms/MB): scan ${sm.toFixed(1)}, people ${pm.toFixed(1)}, acronyms ${am.toFixed(1)}; together ${(sm + pm + am).toFixed(1)} ms/MB (budget 15)`);
