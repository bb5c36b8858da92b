#!/usr/bin/env node
// Command-line throughput: `galley check` over a generated corpus of N distinct scrapes
// (mutated dev-corpus pages in site folders, as bench/workspace-index.mjs makes them),
// with --jobs 1 and with the default (one worker thread per core), the best of R
// alternating rounds each; prints files/s, MB/s, the speed-up, CPU time and peak memory;
// then the machine's own ceiling for two cores (two independent --jobs 1 processes on
// halves of the corpus at once), and peak memory on a small corpus and on four copies of
// its folders, to show that memory does not grow with the number of files.
//
//   npm run build && node bench/cli.mjs [--files 10000] [--folders 20] [--rounds 2] [--keep]
//
// Other processes on the machine slow the wall-clock figures: the CPU time and the load
// average (printed after each run) say how much.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** One `galley check` run (the report goes to /dev/null); its own figures (GALLEY_STATS) from stderr. */
function check(paths, jobs) {
  const argv = [cli, 'check', ...paths, '--format', 'json', '--no-progress', ...(jobs ? ['--jobs', String(jobs)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GALLEY_STATS: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      const m = /galley: (\d+) files, ([\d.]+) MB in ([\d.]+) s: (\d+) files\/s, ([\d.]+) MB\/s; max RSS (\d+) MB; CPU ([\d.]+) s/.exec(stderr);
      if (!m || (status !== 0 && status !== 1)) return reject(new Error(`galley check failed (${status}): ${stderr.slice(-2000)}`));
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      resolve({ files: +m[1], mb: +m[2], s: +m[3], filesPerS: +m[4], mbPerS: +m[5], rss: +m[6], cpu: +m[7], load });
    });
  });
}

const root = join(tmpdir(), `galley-cli-bench-${files}`);
const mb = generate(root, files, folders, 'txt') / 1e6;
console.log(`corpus: ${files} distinct .txt scrapes in ${folders} folders, ${mb.toFixed(1)} MB, at ${root}; ${availableParallelism()} cores`);
// rounds alternate, so that a change in the machine's load hits both alike
let one;
let all;
for (let i = 0; i < rounds; i++) {
  const a = await check([root], 1);
  const b = await check([root], undefined);
  if (!one || a.s < one.s) one = a;
  if (!all || b.s < all.s) all = b;
}
const fmt = (label, r) =>
  console.log(`${label}: ${r.files} files in ${r.s.toFixed(2)} s = ${r.filesPerS} files/s, ${r.mbPerS.toFixed(2)} MB/s, peak RSS ${r.rss} MB, CPU ${r.cpu.toFixed(1)} s (load average ${r.load} after it)`);
fmt('--jobs 1', one);
fmt(`--jobs ${availableParallelism()} (default)`, all);
console.log(`speed-up: ${(one.s / all.s).toFixed(2)}× (target ≥ 1.7× on 2 cores)`);

// the machine's ceiling: two --jobs 1 processes at once, each on half of the folders
const halves = [0, 1].map((k) => readdirSync(root).sort().filter((_, i) => i % 2 === k).map((d) => join(root, d)));
const t0 = performance.now();
const pair = await Promise.all(halves.map((dirs) => check(dirs, 1)));
const pairS = (performance.now() - t0) / 1000;
console.log(`two --jobs 1 processes on halves at once: ${pairS.toFixed(2)} s, CPU ${(pair[0].cpu + pair[1].cpu).toFixed(1)} s: this machine's ceiling for 2 cores is ${(one.s / pairS).toFixed(2)}×`);

// memory as the corpus grows: a quarter-size corpus, then four copies of its folders
// (the same folders, four times the files)
const quarterRoot = join(tmpdir(), `galley-cli-bench-${files}-quarter`);
const fourRoot = join(tmpdir(), `galley-cli-bench-${files}-4x`);
generate(quarterRoot, Math.round(files / 4), Math.max(1, Math.round(folders / 4)), 'txt');
rmSync(fourRoot, { recursive: true, force: true });
for (let k = 0; k < 4; k++) for (const d of readdirSync(quarterRoot)) cpSync(join(quarterRoot, d), join(fourRoot, `copy${k}-${d}`), { recursive: true });
const quarter = await check([quarterRoot], undefined);
const four = await check([fourRoot], undefined);
console.log(`memory: peak RSS ${quarter.rss} MB for ${quarter.files} files, ${four.rss} MB for the same folders four times over (${four.files} files)`);
if (!args.includes('--keep')) for (const d of [root, quarterRoot, fourRoot]) rmSync(d, { recursive: true, force: true });
