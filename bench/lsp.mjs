// A small LSP client over stdio for the benchmark (after test/lsp/client.ts): spawns
// `node dist/server.js --stdio`, frames JSON-RPC, answers the server's requests, and
// lets the caller wait for a message with the time it arrived.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './build.mjs';

export class Lsp {
  constructor() {
    this.proc = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    /** Every notification from the server: { method, params, at }. */
    this.received = [];
    this.proc.stdout.on('data', (chunk) => this.#data(chunk));
  }

  #data(chunk) {
    const at = performance.now();
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (msg.id !== undefined && msg.method) {
        // requests from the server: no configuration (defaults), everything else accepted
        this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null });
        continue;
      }
      if (msg.method) {
        const n = { method: msg.method, params: msg.params, at };
        this.received.push(n);
        for (const w of [...this.waiters]) {
          if (w.test(n)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(n);
          }
        }
        continue;
      }
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      }
    }
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification passing `test` (one already received after `from` counts). */
  waitFor(test, from = Infinity, timeoutMs = 60_000) {
    const seen = this.received.find((n) => n.at >= from && test(n));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a notification')), timeoutMs);
      this.waiters.push({ test, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }

  diagnostics(uri, version, from) {
    return this.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && (version === undefined || n.params.version === version), from);
  }

  /** initialize + initialized as a client that takes pushed diagnostics. */
  async initialize(workspaceFolders = null) {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders?.[0] ?? null,
      workspaceFolders: workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown'] },
        },
        window: { workDoneProgress: true },
      },
    });
    this.notify('initialized', {});
  }

  /** Resident memory of the server process, in MB (Linux). */
  memory() {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  async close() {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise((r) => (this.proc.exitCode !== null ? r() : this.proc.on('exit', r)));
  }
}
