// `npm run fuzz` (through scripts/fuzz.mjs): the fuzzer's long run.
//
//   node out/test/fuzz/cli.js [--cases N] [--seed S] [--from I] [--no-idempotence] [--strict] [--save DIR]
//
// Prints a line every 500 cases and a summary; exits 1 when a case breaks an invariant
// (with --strict, also when fixing twice differs from fixing once). --save writes
// each failing text to DIR/case-<index>.txt, to be replayed with --from <index> --cases 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, runFuzz } from './fuzz';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const cases = Number(arg('--cases') ?? 10_000);
const seed = Number(arg('--seed') ?? DEFAULT_SEED);
const from = Number(arg('--from') ?? 0);
const idempotence = !process.argv.includes('--no-idempotence');
const save = arg('--save');
const strict = process.argv.includes('--strict');

console.log(`fuzz: ${cases} cases from case ${from}, seed ${seed}${idempotence ? ', with idempotence' : ''}`);
const stats = runFuzz({
  seed,
  cases,
  from,
  idempotence,
  maxFailures: 50,
  progress: (done, s) => console.log(`  ${done} cases, ${s.failures.length} failing, ${s.notIdempotent.length} not idempotent`),
});
for (const f of stats.notIdempotent.slice(0, 20)) {
  console.log(`\nnot idempotent: case ${f.index}: ${f.page}, ${f.text.length} chars, mutations: ${f.mutations.join(', ')}`);
  for (const v of f.violations.slice(0, 3)) console.log(`  ${v.split('\n')[0].slice(0, 300)}`);
}
for (const f of stats.failures) {
  console.log(`\nFAIL case ${f.index}: ${f.page}, ${f.text.length} chars, mutations: ${f.mutations.join(', ')}`);
  for (const v of f.violations.slice(0, 5)) console.log(`  ${v.split('\n')[0]}`);
  if (save) {
    mkdirSync(save, { recursive: true });
    writeFileSync(join(save, `case-${f.index}.txt`), f.text);
  }
}
const mutations = Object.entries(stats.byMutation)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
console.log(
  `\nfuzz: ${stats.cases} cases, ${stats.failures.length} failed, ${stats.notIdempotent.length} not idempotent, ${(stats.chars / 1e6).toFixed(1)} M characters in ${(stats.elapsedMs / 1000).toFixed(1)} s ` +
    `(mean ${(stats.elapsedMs / Math.max(1, stats.cases)).toFixed(1)} ms a case; slowest ${stats.slowestMs.toFixed(0)} ms: ${stats.slowest})`,
);
console.log(`mutations: ${mutations}`);
process.exit(stats.failures.length || (strict && stats.notIdempotent.length) ? 1 : 0);
