#!/usr/bin/env node
// `npm run bench`: every figure of Galley's benchmark in one run, printed as one table
// with its target and PASS/FAIL. Not part of `npm test`.
//
//   npm run bench [-- --quick] [-- --only model,server,workspace]
//
// Installs the bench's own dependencies (bench/package-lock.json: the peer needs other
// versions than Galley's) on first use, builds dist/server.js, then measures:
//   limit      the model on 10 MB of the dev corpus vs a bare 12-regex line scan
//   peer       Galley vs vscode-markdown-languageservice on the seed ×1, ×10, ×100
//   growth     time per MB from 10 KB to 10 MB, and one paragraph repeated
//   server     over stdio: open → diagnostics, edit bursts, hover, symbols
//   memory     the server with the dev corpus open, and with 10,000 scrapes indexed
//   workspace  indexing throughput of 10,000 generated scrapes, and its growth from 1,000
// Ratios are measured side by side in the same run (the machine is shared); medians.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const wanted = (part) => !onlyArg || onlyArg.includes(part);

if (!existsSync(join(here, 'node_modules', 'vscode-markdown-languageservice'))) {
  console.log('bench: installing the bench dependencies (npm ci in bench/)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });

const { modelFigures } = await import('./model.mjs');
const { serverFigures } = await import('./server.mjs');
const { indexWorkspace } = await import('./workspace-index.mjs');

const started = performance.now();
const rows = [];
if (wanted('model')) rows.push(...(await modelFigures({ quick })));
if (wanted('server')) rows.push(...(await serverFigures({ quick })));
if (wanted('workspace')) {
  const small = await indexWorkspace({ files: 1000 });
  const big = await indexWorkspace({ files: 10_000 });
  rows.push({ section: 'memory', figure: `server RSS, ${big.files} scrapes indexed (${big.mb.toFixed(0)} MB; peak ${big.after.peak.toFixed(0)} MB)`, value: big.after.rss, unit: 'MB', detail: '', target: '≤ 400', pass: big.after.rss <= 400 });
  rows.push({ section: 'workspace', figure: `indexing ${big.files} generated scrapes (.txt, ${big.folders} folders)`, value: big.filesPerSec, unit: 'files/s', detail: `${(big.ms / 1000).toFixed(1)} s; ${Math.round(big.filesPerCpuSec)} files per CPU second`, target: '≥ 500', pass: big.filesPerSec >= 500 });
  const growth = (big.ms / big.files) / (small.ms / small.files);
  rows.push({ section: 'workspace', figure: `time per file at ${big.files} / at ${small.files} scrapes`, value: growth, unit: '×', detail: `${(small.ms / small.files).toFixed(2)} → ${(big.ms / big.files).toFixed(2)} ms/file`, target: '≤ 1.5', pass: growth <= 1.5 });
  rows.push({ section: 'workspace', figure: 'hover while indexing 10,000 scrapes', value: big.hover.median, unit: 'ms', detail: `p95 ${big.hover.p95.toFixed(1)} ms, max ${big.hover.max.toFixed(1)} ms`, target: '', pass: undefined });
}

// ------------------------------------------------------------------ the table
const fmt = (v, unit) => {
  const n = unit === '×' ? v.toFixed(2) : unit === 'files/s' || unit === 'MB' ? v.toFixed(0) : unit === 'ms' ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : String(v);
  return unit === '×' ? `${n}×` : unit ? `${n} ${unit}` : n;
};
const table = rows.map((r) => [r.section, r.figure, fmt(r.value, r.unit), r.target, r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL', r.detail]);
const head = ['', 'figure', 'value', 'target', '', 'absolute / detail'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
const node = process.version;
console.log(`\nGalley benchmark — ${new Date().toISOString().slice(0, 16)}Z, Node ${node}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)} at the end, ${((performance.now() - started) / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}`);
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
const judged = rows.filter((r) => r.pass !== undefined);
const failed = judged.filter((r) => !r.pass);
console.log(`\n${judged.length - failed.length} of ${judged.length} targets met${failed.length ? `; not met: ${failed.map((r) => r.figure).join('; ')}` : ''}`);
