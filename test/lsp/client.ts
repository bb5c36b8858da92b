// A small LSP client for the tests: spawns `node dist/server.js --stdio`, frames JSON-RPC
// with Content-Length headers, sends requests (with timeouts) and notifications, answers
// the server's requests (workspace/configuration from a settings object, capability
// registration, progress tokens, refreshes) and records every message, so that tests can
// wait for exactly the message they need instead of sleeping.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';

export const serverPath = join(repoRoot, 'dist', 'server.js');

export const DEFAULT_TIMEOUT = 10_000;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification {
  method: string;
  params: any;
  /** Position in the order of everything the server sent. */
  seq: number;
}

export interface ServerRequest extends Notification {
  id: number | string;
}

export interface ClientOptions {
  /** The client's configuration, answered to workspace/configuration by section path
   * ("galley" → settings.galley, "galley.rules" → settings.galley.rules). */
  settings?: Record<string, unknown>;
  /** Extra arguments after `--stdio`. */
  args?: string[];
  /** The answer to window/showMessageRequest (the chosen action, or null). */
  chooseAction?: (params: { type: number; message: string; actions?: { title: string }[] }) => { title: string } | null;
}

interface Pending {
  method: string;
  resolve: (v: any) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Waiter {
  test: (n: Notification) => boolean;
  resolve: (n: Notification) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class LspError extends Error {
  constructor(readonly method: string, readonly code: number, message: string) {
    super(`${method} failed (${code}): ${message}`);
  }
}

/** Looks a dotted section up in a nested settings object. */
export function sectionOf(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return settings;
  let cur: unknown = settings;
  for (const part of section.split('.')) {
    if (!cur || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined ? null : cur;
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  settings: Record<string, unknown>;
  chooseAction: NonNullable<ClientOptions['chooseAction']>;
  /** Everything the server sent that was not a well-formed LSP message. */
  readonly protocolViolations: string[] = [];
  /** Notifications and requests from the server, in order. */
  readonly received: Notification[] = [];
  /** Requests from the server, in order. */
  readonly serverRequests: ServerRequest[] = [];
  stderr = '';
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  #buffer = Buffer.alloc(0);
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #waiters: Waiter[] = [];
  #seq = 0;

  constructor(options: ClientOptions = {}) {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} does not exist: build the server first (npm run build)`);
    this.settings = options.settings ?? {};
    this.chooseAction = options.chooseAction ?? (() => null);
    this.proc = spawn(process.execPath, [serverPath, '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // writes after the server died would otherwise crash the test run
    this.proc.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        const err = new Error(`the server exited (code ${code}, signal ${signal}); stderr: ${this.stderr.slice(-2000)}`);
        for (const p of this.#pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.#pending.clear();
        for (const w of this.#waiters) {
          clearTimeout(w.timer);
          w.reject(err);
        }
        this.#waiters = [];
        resolve({ code, signal });
      });
    });
  }

  // ---------------------------------------------------------------- framing

  #onData(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        // a header is at most a few dozen bytes: more without its end is not LSP
        if (this.#buffer.length > 1024 || !'Content-'.startsWith(this.#buffer.subarray(0, 8).toString('latin1'))) {
          this.#violation(this.#buffer.toString('utf8'));
          this.#buffer = Buffer.alloc(0);
        }
        return;
      }
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const fields = header.split('\r\n');
      let length = -1;
      let wellFormed = true;
      for (const f of fields) {
        const m = /^([A-Za-z-]+): *(.*)$/.exec(f);
        if (!m) wellFormed = false;
        else if (m[1].toLowerCase() === 'content-length' && /^\d+$/.test(m[2])) length = Number(m[2]);
        else if (m[1].toLowerCase() !== 'content-type') wellFormed = false;
      }
      if (!wellFormed || length < 0) {
        // skip to the next header we can read
        const next = this.#buffer.indexOf('Content-Length:', 1);
        const junkEnd = next > 0 ? next : headerEnd + 4;
        this.#violation(this.#buffer.subarray(0, junkEnd).toString('utf8'));
        this.#buffer = this.#buffer.subarray(junkEnd);
        continue;
      }
      const bodyStart = headerEnd + 4;
      if (this.#buffer.length < bodyStart + length) return;
      const body = this.#buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      let msg: Message;
      try {
        msg = JSON.parse(body) as Message;
      } catch {
        this.#violation(body);
        continue;
      }
      if (!msg || msg.jsonrpc !== '2.0') {
        this.#violation(body);
        continue;
      }
      this.#dispatch(msg);
    }
  }

  #violation(bytes: string): void {
    this.protocolViolations.push(bytes.length > 500 ? bytes.slice(0, 500) + '…' : bytes);
  }

  #write(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  #dispatch(msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined && msg.id !== null) {
      const req: ServerRequest = { id: msg.id, method: msg.method, params: msg.params, seq: this.#seq++ };
      this.serverRequests.push(req);
      this.received.push(req);
      this.#answer(req);
      this.#notifyWaiters(req);
    } else if (msg.method !== undefined) {
      const n: Notification = { method: msg.method, params: msg.params, seq: this.#seq++ };
      this.received.push(n);
      this.#notifyWaiters(n);
    } else if (typeof msg.id === 'number') {
      const p = this.#pending.get(msg.id);
      if (!p) {
        this.#violation(`response to unknown request ${msg.id}`);
        return;
      }
      this.#pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new LspError(p.method, msg.error.code, msg.error.message));
      else p.resolve(msg.result);
    } else {
      this.#violation(JSON.stringify(msg));
    }
  }

  #answer(req: ServerRequest): void {
    switch (req.method) {
      case 'workspace/configuration': {
        const items = (req.params?.items ?? []) as { section?: string; scopeUri?: string }[];
        this.#write({ jsonrpc: '2.0', id: req.id, result: items.map((i) => sectionOf(this.settings, i.section)) });
        return;
      }
      case 'window/showMessageRequest':
        this.#write({ jsonrpc: '2.0', id: req.id, result: this.chooseAction(req.params) });
        return;
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'workspace/diagnostic/refresh':
      case 'workspace/semanticTokens/refresh':
      case 'workspace/inlayHint/refresh':
      case 'workspace/codeLens/refresh':
        this.#write({ jsonrpc: '2.0', id: req.id, result: null });
        return;
      default:
        this.#write({ jsonrpc: '2.0', id: req.id, error: { code: -32601, message: `the test client does not handle ${req.method}` } });
    }
  }

  #notifyWaiters(n: Notification): void {
    for (const w of [...this.#waiters]) {
      if (w.test(n)) {
        this.#waiters.splice(this.#waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(n);
      }
    }
  }

  // ---------------------------------------------------------------- API

  request<T = any>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    return this.cancellableRequest<T>(method, params, timeoutMs).result;
  }

  /** A request and its id, for $/cancelRequest (`cancel`). */
  cancellableRequest<T = any>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT): { id: number; result: Promise<T> } {
    if (this.exitCode !== null || this.exitSignal !== null) return { id: -1, result: Promise.reject(new Error(`${method}: the server has exited`)) };
    const id = this.#nextId++;
    const result = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.#pending.set(id, { method, resolve, reject, timer });
      this.#write({ jsonrpc: '2.0', id, method, params: params as any });
    });
    return { id, result };
  }

  cancel(id: number): void {
    this.notify('$/cancelRequest', { id });
  }

  notify(method: string, params: unknown): void {
    this.#write({ jsonrpc: '2.0', method, params: params as any });
  }

  /** The first message from the server (notification or request) at or after `fromSeq`
   * that passes `test`, already received or still to come. */
  waitFor(test: (n: Notification) => boolean, what: string, fromSeq = 0, timeoutMs = DEFAULT_TIMEOUT): Promise<Notification> {
    const seen = this.received.find((n) => n.seq >= fromSeq && test(n));
    if (seen) return Promise.resolve(seen);
    if (this.exitCode !== null || this.exitSignal !== null) return Promise.reject(new Error(`waiting for ${what}: the server has exited`));
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        test: (n) => n.seq >= fromSeq && test(n),
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          reject(new Error(`no ${what} within ${timeoutMs} ms; got: ${this.received.map((n) => n.method).join(', ')}`));
        }, timeoutMs),
      };
      this.#waiters.push(w);
    });
  }

  /** The sequence number the next message from the server will get. */
  get seq(): number {
    return this.#seq;
  }

  /** publishDiagnostics for `uri` (with `version`, if given) received at or after `fromSeq`. */
  async diagnosticsPushed(uri: string, version?: number, fromSeq = 0, timeoutMs = DEFAULT_TIMEOUT): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    const n = await this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && (version === undefined || m.params?.version === version),
      `publishDiagnostics for ${uri}${version === undefined ? '' : ' version ' + version}`,
      fromSeq,
      timeoutMs,
    );
    return n.params;
  }

  pushedDiagnostics(uri: string): { uri: string; version?: number; diagnostics: any[] }[] {
    return this.received.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params?.uri === uri).map((n) => n.params);
  }

  /** initialize + initialized; `workspaceFolders` are folder URIs (none by default). */
  async initialize(capabilities: Record<string, unknown>, initializationOptions?: unknown, workspaceFolders?: string[]): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'galley-test-client' },
      rootUri: workspaceFolders?.[0] ?? null,
      workspaceFolders: workspaceFolders ? workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })) : null,
      capabilities,
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'article'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a change without a range). */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(timeoutMs = DEFAULT_TIMEOUT): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms of exit`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process whatever its state (for `after` hooks). */
  async kill(): Promise<void> {
    if (this.exitCode === null && this.exitSignal === null) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }
}

// ---------------------------------------------------------------- client capabilities

/** Capabilities of a client that only takes pushed diagnostics (no textDocument.diagnostic). */
export function pushCapabilities(): Record<string, unknown> {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        dataSupport: true,
        isPreferredSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      },
    },
    window: { workDoneProgress: true },
  };
}

/** Capabilities of a client that pulls diagnostics (textDocument/diagnostic). */
export function pullCapabilities(): Record<string, unknown> {
  const caps = pushCapabilities() as { workspace: Record<string, unknown>; textDocument: Record<string, unknown> };
  caps.textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  caps.workspace.diagnostics = { refreshSupport: true };
  return caps;
}
