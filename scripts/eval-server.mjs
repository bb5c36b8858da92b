// A minimal LSP client over stdio for `npm run eval -- --server`: opens each corpus page
// in a language server, takes its diagnostics (pulled with textDocument/diagnostic when
// the server advertises diagnosticProvider, as VS Code does; else the first
// publishDiagnostics of version 1) and its document symbols, and times open → diagnostics.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

class Connection {
  constructor(command, args, { shell = false, onStderr } = {}) {
    this.proc = spawn(command, args, { shell, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    this.pending = new Map();
    this.handlers = new Set();
    this.nextId = 1;
    this.chunks = Buffer.alloc(0);
    this.stderr = '';
    this.exit = null;
    this.proc.stdout.on('data', (d) => this.#read(d));
    this.proc.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-4000);
      onStderr?.(d.toString('utf8'));
    });
    this.proc.stdin.on('error', () => {});
    this.proc.on('exit', (code, signal) => {
      this.exit = { code, signal };
      const err = new Error(`server exited (code ${code}, signal ${signal})\n${this.stderr}`);
      for (const p of this.pending.values()) p.fail(err);
      this.pending.clear();
    });
  }

  #read(data) {
    this.chunks = Buffer.concat([this.chunks, data]);
    for (;;) {
      const headerEnd = this.chunks.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.chunks.subarray(0, headerEnd).toString('ascii');
      const length = Number(/content-length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`malformed LSP header: ${header}`);
      const start = headerEnd + 4;
      if (this.chunks.length < start + length) return;
      const message = JSON.parse(this.chunks.subarray(start, start + length).toString('utf8'));
      this.chunks = this.chunks.subarray(start + length);
      this.#dispatch(message, performance.now());
    }
  }

  #dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.fail(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.done(msg.result, at);
      return;
    }
    if (msg.id !== undefined) {
      // a request from the server (configuration, capability registration): answer at once
      let result = null;
      if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => null);
      else if (msg.method === 'workspace/workspaceFolders') result = this.folders ?? null;
      this.#send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const h of this.handlers) h(msg, at);
  }

  #send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Resolves with {result, at} (at = arrival time). */
  request(method, params, timeoutMs) {
    if (this.exit) return Promise.reject(new Error(`server has exited\n${this.stderr}`));
    const id = this.nextId++;
    return new Promise((resolveP, rejectP) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rejectP(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        done: (result, at) => { clearTimeout(timer); resolveP({ result, at }); },
        fail: (e) => { clearTimeout(timer); rejectP(e); },
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    if (!this.exit) this.#send({ jsonrpc: '2.0', method, params });
  }

  async shutdown() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch { /* already gone */ }
    if (!this.exit) {
      await new Promise((r) => {
        const t = setTimeout(r, 3000);
        this.proc.once('exit', () => { clearTimeout(t); r(); });
      });
    }
    this.kill();
  }

  kill() {
    if (this.exit) return;
    try { process.kill(-this.proc.pid, 'SIGTERM'); } catch { try { this.proc.kill('SIGTERM'); } catch { /* gone */ } }
  }
}

/**
 * Runs a server over the pages. `command` + `args` are spawned directly, or `command`
 * alone through the shell when `shell` is set. Returns per page
 * {diagnostics, storyLines, ms (open → diagnostics), timedOut, error}, and the
 * server's info and the diagnostics mode used.
 */
export async function runServer(pages, { command, args = [], shell = false, timeoutMs = 15000, diagnostics = 'auto', verbose = false }) {
  const conn = new Connection(command, args, { shell, onStderr: verbose ? (s) => process.stderr.write(`[server] ${s}`) : undefined });
  const onExit = () => conn.kill();
  process.once('exit', onExit);
  try {
    const root = dirname(pages[0].path);
    const rootUri = pathToFileURL(root).href;
    conn.folders = [{ uri: rootUri, name: 'corpus' }];
    const { result: init } = await conn.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'galley-eval', version: '1' },
      rootUri,
      workspaceFolders: conn.folders,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          // without it a server that can do both pushes (VS Code always offers it)
          ...(diagnostics === 'push' ? {} : { diagnostic: { dynamicRegistration: false } }),
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        workspace: { configuration: true, workspaceFolders: true },
      },
    }, 60000);
    const caps = init?.capabilities ?? {};
    if (caps.positionEncoding && caps.positionEncoding !== 'utf-16') {
      throw new Error(`the server chose position encoding ${caps.positionEncoding}; only utf-16 is supported here`);
    }
    const mode = diagnostics === 'auto' ? (caps.diagnosticProvider ? 'pull' : 'push') : diagnostics;
    const symbols = !!caps.documentSymbolProvider;
    conn.notify('initialized', {});

    const out = [];
    for (const page of pages) {
      const uri = pathToFileURL(page.path).href;
      let got = null;
      let wake;
      const arrived = new Promise((r) => { wake = r; });
      const onPush = (msg, at) => {
        if (mode !== 'push' || got || msg.method !== 'textDocument/publishDiagnostics' || msg.params?.uri !== uri) return;
        if (msg.params.version != null && msg.params.version !== 1) return;
        got = { diagnostics: msg.params.diagnostics ?? [], at };
        wake();
      };
      conn.handlers.add(onPush);
      let error;
      const t0 = performance.now();
      conn.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text: page.text } });
      if (mode === 'pull') {
        conn.request('textDocument/diagnostic', { textDocument: { uri } }, timeoutMs).then(
          ({ result, at }) => { got = { diagnostics: result?.items ?? [], at }; wake(); },
          (e) => { error = `textDocument/diagnostic: ${e.message}`; wake(); },
        );
      }
      let timer;
      const timedOut = await Promise.race([
        arrived.then(() => false),
        new Promise((r) => { timer = setTimeout(() => r(true), timeoutMs); }),
      ]);
      clearTimeout(timer);
      conn.handlers.delete(onPush);
      let storyLines = null;
      if (symbols) {
        try {
          const { result } = await conn.request('textDocument/documentSymbol', { textDocument: { uri } }, timeoutMs);
          storyLines = (result ?? []).map((s) => (s.selectionRange ?? s.range ?? s.location?.range).start.line);
        } catch (e) {
          error = `${error ? error + '; ' : ''}textDocument/documentSymbol: ${e.message}`;
        }
      }
      conn.notify('textDocument/didClose', { textDocument: { uri } });
      if (conn.exit) throw new Error(`the server exited while on ${page.id}\n${conn.stderr}`);
      out.push({ diagnostics: got?.diagnostics ?? [], storyLines, ms: got ? got.at - t0 : null, timedOut, error });
      if (verbose) process.stderr.write(`${page.id}: ${got?.diagnostics.length ?? 0} diagnostics${timedOut ? ' (timed out)' : ''}\n`);
    }
    return { results: out, serverInfo: init?.serverInfo ?? null, mode, symbols };
  } finally {
    await conn.shutdown();
    process.removeListener('exit', onExit);
  }
}
