#!/usr/bin/env node
// Command-line throughput: `galley check` over a generated corpus of N distinct scrapes
// (mutated dev-corpus pages in site folders, as bench/workspace-index.mjs makes them),
// with --jobs 1 and with the default (one worker thread per core), best of R rounds
// each; prints files/s, MB/s, the speed-up and peak memory, and memory at a quarter of
// the corpus to show it stays flat as the corpus grows.
//
//   npm run build && node bench/cli.mjs [--files 10000] [--folders 20] [--rounds 2] [--keep]
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { repo } from './build.mjs';
import { generate } from './workspace-index.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const files = opt('files', 10_000);
const folders = opt('folders', 20);
const rounds = opt('rounds', 2);
const cli = join(repo, 'dist', 'cli.js');

/** One `galley check` run; its own figures (GALLEY_STATS) from stderr. Other processes
 * on the machine slow the wall-clock figures: the CPU time and the load average say how
 * much. */
function check(dir, jobs) {
  const argv = [cli, 'check', dir, '--format', 'json', '--no-progress', ...(jobs ? ['--jobs', String(jobs)] : [])];
  // the report goes to /dev/null: written in full, held nowhere
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GALLEY_STATS: '1' } });
  const m = /galley: (\d+) files, ([\d.]+) MB in ([\d.]+) s: (\d+) files\/s, ([\d.]+) MB\/s; max RSS (\d+) MB; CPU ([\d.]+) s/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`galley check failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  return { files: +m[1], mb: +m[2], s: +m[3], filesPerS: +m[4], mbPerS: +m[5], rss: +m[6], cpu: +m[7], load };
}

const root = join(tmpdir(), `galley-cli-bench-${files}`);
const mb = generate(root, files, folders, 'txt') / 1e6;
console.log(`corpus: ${files} distinct .txt scrapes in ${folders} folders, ${mb.toFixed(1)} MB, at ${root}; ${availableParallelism()} cores`);
// rounds alternate, so that a change in the machine's load hits both alike
let one;
let all;
for (let i = 0; i < rounds; i++) {
  const a = check(root, 1);
  const b = check(root, undefined);
  if (!one || a.s < one.s) one = a;
  if (!all || b.s < all.s) all = b;
}
const fmt = (label, r) => console.log(`${label}: ${r.files} files in ${r.s.toFixed(2)} s = ${r.filesPerS} files/s, ${r.mbPerS.toFixed(2)} MB/s, peak RSS ${r.rss} MB, CPU ${r.cpu.toFixed(1)} s (load average ${r.load} after it)`);
fmt('--jobs 1', one);
fmt(`--jobs ${availableParallelism()} (default)`, all);
console.log(`speed-up: ${(one.s / all.s).toFixed(2)}× (target ≥ 1.7× on 2 cores)`);

// memory as the corpus grows: a quarter of the folders, same pages per folder
const quarterRoot = join(tmpdir(), `galley-cli-bench-${files}-quarter`);
generate(quarterRoot, Math.round(files / 4), Math.max(1, Math.round(folders / 4)), 'txt');
const quarter = check(quarterRoot, undefined);
console.log(`memory: peak RSS ${quarter.rss} MB for ${quarter.files} files, ${all.rss} MB for ${all.files} files`);
if (!args.includes('--keep')) {
  rmSync(root, { recursive: true, force: true });
  rmSync(quarterRoot, { recursive: true, force: true });
}
