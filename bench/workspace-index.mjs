#!/usr/bin/env node
// Workspace indexing throughput and memory: generates a workspace of N distinct scrapes
// from the dev corpus (test/fixtures/scrapes-dev), starts `dist/server.js --stdio`
// with that folder, and times the first indexing, from `initialized` to the server's
// "indexed" log message; then reads the server's resident memory.
//
//   npm run build && node bench/workspace-index.mjs [--files 2000] [--folders 20] [--ext txt|article] [--keep]
//
// Pages are made distinct by shuffling their middle lines and replacing about one word
// in ten of every long line; the first and last lines of each source page (its
// chrome) stay, so every folder has site chrome to find. Each folder draws its pages
// from a few source pages, like scrapes of one site. `.txt` (the default) costs the
// article detector on every file; `.article` files skip it. Figures are with a warm
// page cache (the files were just written). Linux only (reads /proc for memory and CPU
// time; the CPU time is the figure to trust on a busy machine).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const FILES = Number(opt('files', 2000));
const FOLDERS = Number(opt('folders', 20));
const EXT = opt('ext', 'txt');
const KEEP = args.includes('--keep');

// ------------------------------------------------------------------ the workspace

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const devDir = join(repo, 'test', 'fixtures', 'scrapes-dev');
const sources = readdirSync(devDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(devDir, f), 'utf8').split(/\r\n|\n|\r/));
const vocabulary = [...new Set(sources.flat().join(' ').split(/\s+/).filter((w) => /^[a-z]{3,12}$/.test(w)))];

function mutate(lines, random) {
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

const root = join(tmpdir(), `galley-bench-${FILES}-${EXT}`);
rmSync(root, { recursive: true, force: true });
const random = rng(42);
let bytes = 0;
const tGen = performance.now();
for (let f = 0; f < FOLDERS; f++) {
  const dir = join(root, `site${String(f).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  const own = [0, 1, 2].map((k) => sources[(f * 3 + k) % sources.length]);
  const n = Math.floor(FILES / FOLDERS) + (f < FILES % FOLDERS ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const text = mutate(own[i % own.length], random);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `page${String(i).padStart(5, '0')}.${EXT}`), text);
  }
}
const genMs = performance.now() - tGen;

// ------------------------------------------------------------------ the server

const server = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
const waiters = [];
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
    if (buffer.length < end + 4 + length) return;
    const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (msg.id !== undefined && msg.method) send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null });
    for (const w of [...waiters]) {
      if (w.test(msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
    }
  }
});
function send(msg) {
  const body = Buffer.from(JSON.stringify(msg));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
const waitFor = (test) => new Promise((resolve) => waiters.push({ test, resolve }));

/** CPU seconds (user + system) the process has used. */
function cpu(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const rootUri = pathToFileURL(root).href;
send({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  },
});
await waitFor((m) => m.id === 1);
const before = memory(server.pid);
const cpu0 = cpu(server.pid);
const t0 = performance.now();
send({ jsonrpc: '2.0', method: 'initialized', params: {} });
// while indexing: a hover request every 20 ms, to see that requests stay fast
let indexing = true;
let nextId = 100;
const latencies = [];
const probe = (async () => {
  while (indexing) {
    const id = nextId++;
    const t = performance.now();
    send({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: `${rootUri}/none.article` }, position: { line: 0, character: 0 } } });
    await waitFor((m) => m.id === id);
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const done = await waitFor((m) => m.method === 'window/logMessage' && /^Galley: indexed /.test(m.params.message));
const ms = performance.now() - t0;
const cpuS = cpu(server.pid) - cpu0;
indexing = false;
await probe;
const after = memory(server.pid);
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);

// a request while the index is held: the server still answers
const tPing = performance.now();
send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
await waitFor((m) => m.id === 2);
const pingMs = performance.now() - tPing;
send({ jsonrpc: '2.0', method: 'exit', params: null });

const mb = bytes / 1e6;
console.log(`workspace: ${FILES} .${EXT} files in ${FOLDERS} folders, ${mb.toFixed(1)} MB (generated in ${(genMs / 1000).toFixed(1)} s) at ${root}`);
console.log(done.params.message);
console.log(`indexing: ${(ms / 1000).toFixed(2)} s = ${Math.round(FILES / (ms / 1000))} files/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`);
console.log(`server CPU: ${cpuS.toFixed(2)} s = ${Math.round(FILES / cpuS)} files per CPU second (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
console.log(`server RSS: ${before.rss.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB after indexing (peak ${after.peak.toFixed(0)} MB); shutdown answered in ${pingMs.toFixed(0)} ms`);
console.log(`requests while indexing: ${latencies.length} hovers, median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
if (!KEEP) rmSync(root, { recursive: true, force: true });
