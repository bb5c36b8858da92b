#!/usr/bin/env node
// Workspace indexing throughput and memory: generates a workspace of N distinct scrapes
// from the dev corpus (test/fixtures/scrapes-dev), starts `dist/server.js --stdio`
// with that folder, and times the first indexing, from `initialized` to the server's
// "indexed" log message; then reads the server's resident memory.
//
//   npm run build && node bench/workspace-index.mjs [--files 2000] [--folders 20] [--ext txt|article] [--keep]
//
// `npm run bench` calls indexWorkspace() for its workspace figures.
//
// Pages are made distinct by shuffling their middle lines and replacing about one word
// in ten of every long line; the first and last lines of each source page (its
// chrome) stay, so every folder has site chrome to find. Each folder draws its pages
// from a few source pages, like scrapes of one site. `.txt` (the default) costs the
// article detector on every file; `.article` files skip it. Figures are with a warm
// page cache (the files were just written). Linux only (reads /proc for memory and CPU
// time; the CPU time is the figure to trust on a busy machine).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repo } from './build.mjs';
import { devPages, mutate, rng } from './corpus.mjs';

/** Writes a workspace of `files` distinct scrapes in `folders` folders; returns its size
 * (bench/cli.mjs uses it too). */
export function generate(root, files, folders, ext) {
  const sources = devPages.map(([, t]) => t);
  rmSync(root, { recursive: true, force: true });
  const random = rng(42);
  let bytes = 0;
  for (let f = 0; f < folders; f++) {
    const dir = join(root, `site${String(f).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const own = [0, 1, 2].map((k) => sources[(f * 3 + k) % sources.length]);
    const n = Math.floor(files / folders) + (f < files % folders ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const text = mutate(own[i % own.length], random);
      bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, `page${String(i).padStart(5, '0')}.${ext}`), text);
    }
  }
  return bytes;
}

/** Generates the workspace, starts the server on it and measures the first indexing. */
export async function indexWorkspace({ files = 2000, folders = 20, ext = 'txt', keep = false } = {}) {
  const root = join(tmpdir(), `galley-bench-${files}-${ext}`);
  const tGen = performance.now();
  const bytes = generate(root, files, folders, ext);
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
  // a request while the index is held: the server still answers
  const tPing = performance.now();
  send({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null });
  await waitFor((m) => m.id === 2);
  const pingMs = performance.now() - tPing;
  send({ jsonrpc: '2.0', method: 'exit', params: null });
  await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));

  const mb = bytes / 1e6;
  if (!keep) rmSync(root, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    files, folders, ext, root, mb, genMs, message: done.params.message, ms, cpuS, before, after, pingMs,
    filesPerSec: files / (ms / 1000),
    filesPerCpuSec: files / cpuS,
    hover: { n: latencies.length, median: q(0.5), p95: q(0.95), max: q(1) },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const r = await indexWorkspace({ files: Number(opt('files', 2000)), folders: Number(opt('folders', 20)), ext: opt('ext', 'txt'), keep: args.includes('--keep') });
  console.log(`workspace: ${r.files} .${r.ext} files in ${r.folders} folders, ${r.mb.toFixed(1)} MB (generated in ${(r.genMs / 1000).toFixed(1)} s) at ${r.root}`);
  console.log(r.message);
  console.log(`indexing: ${(r.ms / 1000).toFixed(2)} s = ${Math.round(r.filesPerSec)} files/s, ${(r.mb / (r.ms / 1000)).toFixed(1)} MB/s`);
  console.log(`server CPU: ${r.cpuS.toFixed(2)} s = ${Math.round(r.filesPerCpuSec)} files per CPU second (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  console.log(`server RSS: ${r.before.rss.toFixed(0)} MB before, ${r.after.rss.toFixed(0)} MB after indexing (peak ${r.after.peak.toFixed(0)} MB); shutdown answered in ${r.pingMs.toFixed(0)} ms`);
  console.log(`requests while indexing: ${r.hover.n} hovers, median ${r.hover.median.toFixed(1)} ms, p95 ${r.hover.p95.toFixed(1)} ms, max ${r.hover.max.toFixed(1)} ms`);
}
