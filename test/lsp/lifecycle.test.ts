// The session as a whole: nothing but LSP on stdout while every feature is used, and the
// shutdown/exit handshake.
import * as assert from 'node:assert';
import { splitLines } from '../model/helpers';
import { LspClient, pullCapabilities, pushCapabilities, sectionOf } from './client';
import { applyLspEdits, codeActionsFor, editsFor, pullDiagnostics, SeedSession, startSeedSession, wholeDocument } from './util';

describe('lsp: a whole session', () => {
  let s: SeedSession;
  before(async () => {
    s = await startSeedSession({ pull: true });
  });
  after(async () => {
    await s?.client.kill();
  });

  it('answers every feature on the seed', async () => {
    const { client, uri } = s;
    const text = s.seed.text;
    const diags = await pullDiagnostics(client, uri);
    assert.ok(diags.length > 0);
    assert.ok((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
    assert.ok((await client.request('textDocument/foldingRange', { textDocument: { uri } })).length > 0);
    const author = s.seed.ref.authors[0];
    const at = { line: author.nameLine - 1, character: 1 };
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: at }));
    assert.ok((await codeActionsFor(client, uri, diags[0].range, [diags[0]])).length > 0);
    const [fix] = await codeActionsFor(client, uri, wholeDocument(text), [], ['source.fixAll.galley']);
    assert.ok(fix);
    const fixed = applyLspEdits(text, editsFor(fix.edit, uri).edits);
    client.change(uri, 2, fixed);
    await pullDiagnostics(client, uri);
    client.close(uri);
    assert.deepStrictEqual(await pullDiagnostics(client, uri), []);
    assert.ok(splitLines(fixed).length < splitLines(text).length);
  });

  it('wrote nothing but LSP messages to stdout', () => {
    assert.deepStrictEqual(s.client.protocolViolations, []);
  });

  it('ends with exit code 0 on shutdown + exit', async () => {
    const result = await s.client.shutdown();
    assert.deepStrictEqual(result, { code: 0, signal: null });
    assert.deepStrictEqual(s.client.protocolViolations, []);
  });
});

describe('lsp: exit without shutdown', () => {
  let client: LspClient;
  after(async () => {
    await client?.kill();
  });

  it('ends with exit code 1, as the protocol asks', async () => {
    client = new LspClient();
    await client.initialize(pushCapabilities());
    client.notify('exit', null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const result = await Promise.race([
      client.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the server did not exit')), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    assert.deepStrictEqual(result, { code: 1, signal: null });
  });
});

describe('lsp: the test client', () => {
  let client: LspClient;
  after(async () => {
    await client?.kill();
  });

  it('looks settings up by dotted section', () => {
    const settings = { galley: { rules: { 'ui-label': 'off' } } };
    assert.deepStrictEqual(sectionOf(settings, 'galley'), { rules: { 'ui-label': 'off' } });
    assert.strictEqual(sectionOf(settings, 'galley.rules.ui-label'), 'off');
    assert.strictEqual(sectionOf(settings, 'galley.maxFileSize'), null);
    assert.strictEqual(sectionOf(settings, 'editor.tabSize'), null);
  });

  it('rejects error responses and times out waits for messages that never come', async () => {
    client = new LspClient();
    await client.initialize(pullCapabilities());
    // a method the server does not know: it answers with an error, so the request must reject
    await assert.rejects(client.request('galley/noSuchMethod', {}, 5000), /galley\/noSuchMethod failed/);
    // nothing sends this: the wait must time out, not hang
    await assert.rejects(client.waitFor((m) => m.method === 'never/sent', 'never/sent', client.seq, 200), /no never\/sent within 200 ms/);
  });
});
