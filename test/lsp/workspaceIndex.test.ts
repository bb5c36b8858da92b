// The workspace index over LSP: a temporary workspace folder of small scrapes that
// share the site's menu, newsletter box and footer. The server indexes it on start
// (with progress when the client supports it), its diagnostics name the evidence
// ("appears in 7 of 7 scrapes in this folder"), and they follow the files as they
// change: watched-file events, open documents' live text, settings.
import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeArticle, SiteChromeIndex } from '../../server/src/article';
import { detectArticle } from '../../server/src/article/detect';
import { FOOTER, MENU, NEWSLETTER, page, paragraphs } from '../model/siteChromeFixtures';
import { LspClient, Notification, pullCapabilities, pushCapabilities } from './client';
import { diagnosticKey, positionAt, pullDiagnostics } from './util';
import { splitLines } from '../model/helpers';

const EVIDENCE = /appears? in (\d+) of (\d+) scrapes in this folder/;
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const MAX_FILE_SIZE = 20_000;

interface Workspace {
  root: string;
  rootUri: string;
  site: string;
  uri(name: string): string;
  path(name: string): string;
  write(name: string, text: string): void;
  remove(name: string): void;
}

/**
 * site/page0.article … page5.article: six pages of one site
 * site/extra.txt: a seventh page, a .txt that reads like a scrape
 * site/notes.txt: the site's lines in a .txt that is no scrape (not counted)
 * site/big.article: a page above galley.maxFileSize (not counted)
 * site/node_modules/…, .git/…: pages in directories that are never indexed
 */
function makeWorkspace(extra?: (w: Workspace) => void): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'galley-ws-'));
  const site = join(root, 'site');
  const w: Workspace = {
    root,
    rootUri: pathToFileURL(root).href,
    site,
    path: (name) => join(site, name),
    uri: (name) => pathToFileURL(join(site, name)).href,
    write: (name, text) => {
      mkdirSync(dirname(join(site, name)), { recursive: true });
      writeFileSync(join(site, name), text);
    },
    remove: (name) => unlinkSync(join(site, name)),
  };
  for (let i = 0; i < 6; i++) w.write(`page${i}.article`, page(i));
  w.write('extra.txt', page(6));
  w.write('notes.txt', [MENU, NEWSLETTER, FOOTER, 'TODO: check these lines.'].join('\n'));
  w.write('big.article', page(7) + '\n' + paragraphs(8)[0].repeat(Math.ceil(MAX_FILE_SIZE / 100)));
  for (const d of ['node_modules/pkg', '.git']) {
    mkdirSync(join(root, d), { recursive: true });
    for (let i = 10; i < 12; i++) writeFileSync(join(root, d, `page${i}.article`), page(i));
  }
  extra?.(w);
  return w;
}

/** What the pure model says about a page of the site folder, given the files on disk. */
function expectedFindings(w: Workspace, name: string, names: string[]): string[] {
  const idx = new SiteChromeIndex();
  for (const n of names) idx.set(w.path(n), w.site, readFileSync(w.path(n), 'utf8'));
  const text = readFileSync(w.path(name), 'utf8');
  const lines = splitLines(text);
  return analyzeArticle(text, { siteChrome: idx.lookup(w.site) })
    .findings.map((f) => `${diagnosticKey({ code: f.kind, range: { start: positionAt(lines, f.span.start), end: positionAt(lines, f.span.end) } } as Diagnostic)} ${f.message}`)
    .sort();
}

function actual(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${diagnosticKey(d)} ${String(d.message)}`).sort();
}

const SITE_FILES = ['page0.article', 'page1.article', 'page2.article', 'page3.article', 'page4.article', 'page5.article', 'extra.txt'];

/** The diagnostic on a line (0-based) of a page, if any. */
function onLine(ds: Diagnostic[], line: number): Diagnostic[] {
  return ds.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
}

function lineOf(text: string, line: string): number {
  const n = text.split('\n').indexOf(line);
  assert.ok(n >= 0, `no line ${JSON.stringify(line)}`);
  return n;
}

function evidenceOn(ds: Diagnostic[], line: number): string | undefined {
  const m = onLine(ds, line).map((d) => EVIDENCE.exec(String(d.message))).find((x) => x);
  return m ? `${m[1]} of ${m[2]}` : undefined;
}

function indexed(client: LspClient, from = 0): Promise<Notification> {
  return client.waitFor((n) => n.method === 'window/logMessage' && /^Galley: indexed /.test(n.params?.message), 'the "indexed" log message', from);
}

function withWatching(caps: Record<string, unknown>): Record<string, unknown> {
  const c = caps as { workspace: Record<string, unknown> };
  c.workspace.didChangeWatchedFiles = { dynamicRegistration: true };
  return caps;
}

const SETTINGS = { galley: { maxFileSize: MAX_FILE_SIZE } };

/** Pulls after each diagnostic refresh from `from` on, until `test` passes. */
async function pullUntil(client: LspClient, uri: string, from: number, test: (ds: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  for (;;) {
    const r = await client.waitFor((n) => n.method === 'workspace/diagnostic/refresh', `a diagnostic refresh (${what})`, from);
    from = r.seq + 1;
    const ds = await pullDiagnostics(client, uri);
    if (test(ds)) return ds;
  }
}

describe('lsp: workspace index (site chrome across scrapes)', function () {
  this.timeout(30_000);

  describe('pull client with progress and file watching', () => {
    let w: Workspace;
    let client: LspClient;
    let done: Notification;
    const p0 = page(0);
    before(async () => {
      w = makeWorkspace();
      client = new LspClient({ settings: structuredClone(SETTINGS) });
      await client.initialize(withWatching(pullCapabilities()), undefined, [w.rootUri]);
      done = await indexed(client);
      client.open(w.uri('page0.article'), p0, 1);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    it('indexes the scrapes: .article files and .txt files that read like one, not too large, outside node_modules and .git', () => {
      assert.ok(detectArticle(page(6)).isArticle && !detectArticle(readFileSync(w.path('notes.txt'), 'utf8')).isArticle, 'the .txt fixtures are not what this test needs');
      assert.match(done.params.message, /^Galley: indexed 7 scrapes of 9 files in 1 folders /);
    });

    it('reports progress on a token it created, cancellable, as "Indexing scrapes: n/N"', () => {
      const create = client.serverRequests.find((r) => r.method === 'window/workDoneProgress/create');
      assert.ok(create, 'no window/workDoneProgress/create');
      const token = create.params.token;
      const progress = client.received.filter((n) => n.method === '$/progress' && n.params.token === token).map((n) => n.params.value);
      assert.strictEqual(progress[0]?.kind, 'begin');
      assert.strictEqual(progress[0].cancellable, true);
      const reports = progress.filter((v) => v.kind === 'report');
      assert.ok(reports.length > 0, 'no progress reports');
      assert.ok(reports.every((r) => /^Indexing scrapes: \d+\/9$/.test(r.message)), JSON.stringify(reports));
      assert.strictEqual(reports[reports.length - 1].message, 'Indexing scrapes: 9/9');
      assert.strictEqual(progress[progress.length - 1].kind, 'end');
      assert.ok(create.seq < client.received.find((n) => n.method === '$/progress')!.seq, 'progress before the token was created');
    });

    it('registers a watcher for scrapes (workspace/didChangeWatchedFiles)', () => {
      const regs = client.serverRequests.filter((r) => r.method === 'client/registerCapability').flatMap((r) => r.params.registrations);
      const watch = regs.find((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watch, JSON.stringify(regs));
      assert.ok(watch.registerOptions.watchers.some((x: { globPattern: string }) => x.globPattern === '**/*.{txt,article}'));
    });

    it('flags the site\'s lines as navigation, naming the evidence, exactly as the model does with the folder\'s files', async () => {
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      const nl = onLine(ds, lineOf(p0, NEWSLETTER));
      assert.strictEqual(nl.length, 1, JSON.stringify(ds));
      assert.strictEqual(nl[0].code, 'navigation');
      assert.match(String(nl[0].message), /It appears in 7 of 7 scrapes in this folder\./);
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '7 of 7');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, FOOTER)), '7 of 7');
      assert.deepStrictEqual(actual(ds), expectedFindings(w, 'page0.article', SITE_FILES));
    });

    it('never flags the article text (headline, byline, paragraphs)', async () => {
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      const text = p0.split('\n');
      const article = [2, 4, ...paragraphs(0).map((p) => text.indexOf(p))];
      assert.ok(article.every((l) => l >= 0));
      assert.deepStrictEqual(article.flatMap((l) => onLine(ds, l).filter((d) => d.code === 'navigation')), []);
    });

    it('follows a changed file (didChangeWatchedFiles): a page without the newsletter box', async () => {
      w.write('page1.article', page(1, { newsletter: false }));
      const from = client.seq;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.uri('page1.article'), type: CHANGED }] });
      const ds = await pullUntil(client, w.uri('page0.article'), from, (d) => evidenceOn(d, lineOf(p0, NEWSLETTER)) !== '7 of 7', 'after page1 changed');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, NEWSLETTER)), '6 of 7');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '7 of 7');
    });

    it('follows created and deleted files', async () => {
      w.write('page6.article', page(8));
      let from = client.seq;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.uri('page6.article'), type: CREATED }] });
      let ds = await pullUntil(client, w.uri('page0.article'), from, (d) => evidenceOn(d, lineOf(p0, MENU)) !== '7 of 7', 'after page6 was created');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '8 of 8');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, NEWSLETTER)), '7 of 8');

      w.remove('page6.article');
      w.remove('page5.article');
      from = client.seq;
      client.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: w.uri('page6.article'), type: DELETED },
          { uri: w.uri('page5.article'), type: DELETED },
        ],
      });
      ds = await pullUntil(client, w.uri('page0.article'), from, (d) => evidenceOn(d, lineOf(p0, MENU)) !== '8 of 8', 'after two pages were deleted');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '6 of 6');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, NEWSLETTER)), '5 of 6');
    });

    it('counts an open document with its live text, and its file again once closed', async () => {
      // page2 on disk has the menu; open, it has not
      let from = client.seq;
      client.open(w.uri('page2.article'), page(2, { menu: false }), 1);
      let ds = await pullUntil(client, w.uri('page0.article'), from, (d) => evidenceOn(d, lineOf(p0, MENU)) !== '6 of 6', 'after page2 was opened');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '5 of 6');
      from = client.seq;
      client.close(w.uri('page2.article'));
      ds = await pullUntil(client, w.uri('page0.article'), from, (d) => evidenceOn(d, lineOf(p0, MENU)) !== '5 of 6', 'after page2 was closed');
      assert.strictEqual(evidenceOn(ds, lineOf(p0, MENU)), '6 of 6');
    });
  });

  describe('a deleted directory', () => {
    let w: Workspace;
    let client: LspClient;
    before(async () => {
      w = makeWorkspace((ws) => {
        for (let i = 0; i < 5; i++) ws.write(`sub/p${i}.article`, page(20 + i));
      });
      client = new LspClient({ settings: structuredClone(SETTINGS) });
      await client.initialize(withWatching(pullCapabilities()), undefined, [w.rootUri]);
      await indexed(client);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    it('forgets every scrape under it (one event for the directory), but an open document keeps its live text', async () => {
      const uri = w.uri('sub/p0.article');
      const text = page(20);
      client.open(uri, text, 1);
      let ds = await pullDiagnostics(client, uri);
      assert.strictEqual(evidenceOn(ds, lineOf(text, NEWSLETTER)), '5 of 5');
      rmSync(join(w.site, 'sub'), { recursive: true });
      const from = client.seq;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(w.site, 'sub')).href, type: DELETED }] });
      ds = await pullUntil(client, uri, from, (d) => evidenceOn(d, lineOf(text, NEWSLETTER)) === undefined, 'after sub/ was deleted');
      // one document left in sub/: no evidence at all; the site's folder keeps its own
      assert.deepStrictEqual(ds.filter((d) => EVIDENCE.test(String(d.message))), []);
      client.open(w.uri('page0.article'), page(0), 1);
      assert.strictEqual(evidenceOn(await pullDiagnostics(client, w.uri('page0.article')), lineOf(page(0), NEWSLETTER)), '7 of 7');
    });
  });

  describe('push client', () => {
    let w: Workspace;
    let client: LspClient;
    before(async () => {
      w = makeWorkspace();
      client = new LspClient({ settings: structuredClone(SETTINGS) });
      await client.initialize(withWatching(pushCapabilities()), undefined, [w.rootUri]);
      await indexed(client);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    const published = (uri: string, from: number, count: string, line: number) =>
      client.waitFor(
        (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && evidenceOn(n.params.diagnostics, line) === count,
        `diagnostics of ${uri} with "${count}" on line ${line}`,
        from,
      );

    it('publishes the evidence, and republishes the open documents of a folder whose files change', async () => {
      const p3 = page(3);
      const uri = w.uri('page3.article');
      let from = client.seq;
      client.open(uri, p3, 1);
      const first = await published(uri, from, '7 of 7', lineOf(p3, NEWSLETTER));
      assert.strictEqual(first.params.version, 1);
      assert.deepStrictEqual(actual(first.params.diagnostics), expectedFindings(w, 'page3.article', SITE_FILES));

      w.write('page4.article', page(4, { newsletter: false }));
      from = client.seq;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.uri('page4.article'), type: CHANGED }] });
      const again = await published(uri, from, '6 of 7', lineOf(p3, NEWSLETTER));
      assert.strictEqual(again.params.version, 1);
    });
  });

  describe('client without window.workDoneProgress', () => {
    let w: Workspace;
    let client: LspClient;
    before(async () => {
      w = makeWorkspace();
      client = new LspClient({ settings: structuredClone(SETTINGS) });
      const caps = pullCapabilities() as { window?: unknown };
      delete caps.window;
      await client.initialize(caps, undefined, [w.rootUri]);
      await indexed(client);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    it('indexes without asking for a progress token or sending progress', async () => {
      assert.deepStrictEqual(client.serverRequests.filter((r) => r.method === 'window/workDoneProgress/create'), []);
      assert.deepStrictEqual(client.received.filter((n) => n.method === '$/progress'), []);
      client.open(w.uri('page0.article'), page(0), 1);
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      assert.strictEqual(evidenceOn(ds, lineOf(page(0), NEWSLETTER)), '7 of 7');
    });

    it('registers no file watcher when the client cannot register one', () => {
      const regs = client.serverRequests.filter((r) => r.method === 'client/registerCapability').flatMap((r) => r.params.registrations);
      assert.deepStrictEqual(regs.filter((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles'), []);
    });
  });

  describe('galley.workspace.index: false', () => {
    let w: Workspace;
    let client: LspClient;
    before(async () => {
      w = makeWorkspace();
      client = new LspClient({ settings: { galley: { maxFileSize: MAX_FILE_SIZE, workspace: { index: false } } } });
      await client.initialize(withWatching(pullCapabilities()), undefined, [w.rootUri]);
      await client.waitFor((n) => n.method === 'window/logMessage' && /workspace index is off/.test(n.params?.message), 'the "index is off" log message');
      client.open(w.uri('page0.article'), page(0), 1);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    it('indexes nothing and names no evidence', async () => {
      assert.deepStrictEqual(client.serverRequests.filter((r) => r.method === 'window/workDoneProgress/create'), []);
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      assert.deepStrictEqual(ds.filter((d) => EVIDENCE.test(String(d.message))), []);
      assert.deepStrictEqual(onLine(ds, lineOf(page(0), NEWSLETTER)), []);
      assert.deepStrictEqual(actual(ds), expectedFindings(w, 'page0.article', []));
    });

    it('starts indexing when the setting is switched on', async () => {
      const from = client.seq;
      client.settings = structuredClone(SETTINGS);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await indexed(client, from);
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      assert.strictEqual(evidenceOn(ds, lineOf(page(0), NEWSLETTER)), '7 of 7');
    });
  });

  describe('cancelling the indexing', () => {
    const BULK = 3000;
    let w: Workspace;
    let client: LspClient;
    before(async () => {
      w = makeWorkspace((ws) => {
        mkdirSync(join(ws.root, 'bulk'));
        for (let i = 0; i < BULK; i++) writeFileSync(join(ws.root, 'bulk', `p${i}.article`), page(i));
      });
      client = new LspClient({ settings: structuredClone(SETTINGS) });
      await client.initialize(withWatching(pullCapabilities()), undefined, [w.rootUri]);
    });
    after(async () => {
      await client?.kill();
      if (w) rmSync(w.root, { recursive: true, force: true });
    });

    it('stops at the cancellation, ends the progress and keeps no partial counts', async () => {
      const report = await client.waitFor((n) => n.method === '$/progress' && n.params.value?.kind === 'report', 'a progress report');
      client.notify('window/workDoneProgress/cancel', { token: report.params.token });
      const log = await client.waitFor((n) => n.method === 'window/logMessage' && /indexing cancelled/.test(n.params?.message), 'the "cancelled" log message');
      const m = /after (\d+) of (\d+) files/.exec(log.params.message);
      assert.ok(m, log.params.message);
      assert.strictEqual(Number(m[2]), BULK + 9);
      assert.ok(Number(m[1]) < BULK + 9, `indexing ran to the end: ${log.params.message}`);
      const end = client.received.find((n) => n.method === '$/progress' && n.params.token === report.params.token && n.params.value?.kind === 'end');
      assert.ok(end && end.seq < log.seq, 'no progress end');
      assert.strictEqual(client.received.filter((n) => n.method === 'window/logMessage' && /^Galley: indexed /.test(n.params?.message)).length, 0);

      client.open(w.uri('page0.article'), page(0), 1);
      const ds = await pullDiagnostics(client, w.uri('page0.article'));
      assert.deepStrictEqual(ds.filter((d) => EVIDENCE.test(String(d.message))), []);
      // nothing more arrives for the cancelled token
      const after = client.received.filter((n) => n.method === '$/progress' && n.params.token === report.params.token && n.seq > end!.seq);
      assert.deepStrictEqual(after, []);
    });
  });
});
