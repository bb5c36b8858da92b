#!/usr/bin/env node
// `npm run eval:people`: precision and recall of the people the model finds, per
// distinct person per page, on the seed's `peopleNamed` and on the hand-labelled sample of
// the dev corpus (test/fixtures/people/README.md says how it was labelled and scored).
//
//   node scripts/eval-people.mjs [--pages]     --pages: every page's figures and errors
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--pages');
const esbuild = await import('esbuild');
const dir = mkdtempSync(join(tmpdir(), 'galley-people-'));
const outfile = join(dir, 'people-eval.cjs');
await esbuild.build({ entryPoints: [join(ROOT, 'test/eval/peopleEval.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
const ev = createRequire(import.meta.url)(outfile);
rmSync(dir, { recursive: true, force: true });

const pct = (x) => (100 * x).toFixed(1) + '%';
function report(title, s) {
  console.log(`\n${title}: ${s.pages.length} page(s), ${s.labels} people labelled, ${s.found} found, ${s.matched} right`);
  console.log(`  precision ${pct(s.precision)}   recall ${pct(s.recall)}`);
  for (const p of s.pages) {
    const P = p.found ? p.matched / p.found : 1;
    const R = p.labels ? p.matched / p.labels : 1;
    console.log(`  ${p.id.padEnd(48)} P ${pct(P).padStart(6)}  R ${pct(R).padStart(6)}  (${p.matched}/${p.found} found, ${p.matched}/${p.labels} labelled)`);
    if (verbose) {
      if (p.wrong.length) console.log(`      not people: ${p.wrong.join(' · ')}`);
      if (p.missed.length) console.log(`      missed:     ${p.missed.join(' · ')}`);
    }
  }
}
const seed = ev.scoreSeed(ROOT);
const sample = ev.scoreSample(ROOT);
report('seed (peopleNamed)', seed);
report('sample (test/fixtures/people)', sample);
console.log(`\nseed P ${pct(seed.precision)} R ${pct(seed.recall)} · sample P ${pct(sample.precision)} R ${pct(sample.recall)} (targets: P ≥ 95%, R ≥ 85%)`);
