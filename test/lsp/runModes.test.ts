// galley.run over stdio: on type (with the findings on the lines being typed on held
// back until the typing pauses), on save, manual ("Galley: Check Document").
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient, pullCapabilities, pushCapabilities } from './client';
import { SEED_URI } from './util';
import { loadSeed } from '../model/helpers';

const { text: seedText } = loadSeed();
const QUIET_MS = 1500;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function saveCapabilities(base: Record<string, unknown>): Record<string, unknown> {
  const td = (base.textDocument ?? {}) as Record<string, unknown>;
  return { ...base, textDocument: { ...td, synchronization: { didSave: true, dynamicRegistration: false } } };
}

/** Types `text` at the end of `line` (an incremental change). */
function typeAt(client: LspClient, version: number, line: number, character: number, text: string): void {
  const at = { line, character };
  client.notify('textDocument/didChange', { textDocument: { uri: SEED_URI, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
}

const lineLength = (line: number) => seedText.split(/\r\n|\n|\r/)[line].length;
const onLine = (ds: Diagnostic[], line: number) => ds.filter((d) => d.range.start.line <= line && d.range.end.line >= line);

async function start(run: string, pull = false): Promise<LspClient> {
  const client = new LspClient({ settings: { galley: { run } } });
  await client.initialize(saveCapabilities(pull ? pullCapabilities() : pushCapabilities()));
  client.open(SEED_URI, seedText, 1);
  return client;
}

describe('lsp: galley.run', () => {
  describe('onType (the default)', () => {
    let client: LspClient;
    after(() => client?.kill());

    it('holds back the findings on the line being typed on until the typing pauses, and only those', async () => {
      client = await start('onType');
      const first = (await client.diagnosticsPushed(SEED_URI, 1)).diagnostics as Diagnostic[];
      const target = first.find((d) => d.range.start.line === d.range.end.line && onLine(first, d.range.start.line).length === 1);
      assert.ok(target, 'a one-line finding to type on');
      const line = target.range.start.line;
      const seq = client.seq;
      const typedAt = Date.now();
      typeAt(client, 2, line, lineLength(line), ' ');
      const during = (await client.diagnosticsPushed(SEED_URI, 2, seq)).diagnostics as Diagnostic[];
      assert.deepStrictEqual(onLine(during, line), [], 'no finding on the line being typed on');
      assert.strictEqual(during.length, first.length - 1, 'every other finding stays');
      // after the pause, the same version again, with the held finding
      const later = await client.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === 2 && m.params.diagnostics.length === first.length,
        'the held finding after the pause',
        seq,
        QUIET_MS + 5000,
      );
      assert.ok(Date.now() - typedAt >= QUIET_MS - 50, 'not before the pause');
      assert.strictEqual(onLine(later.params.diagnostics, line).length, 1);
    });
  });

  describe('onSave', () => {
    let client: LspClient;
    after(() => client?.kill());

    it('checks on open and on save; between saves the last report stands', async () => {
      client = await start('onSave');
      await client.diagnosticsPushed(SEED_URI, 1);
      const seq = client.seq;
      typeAt(client, 2, 0, 0, 'x');
      await sleep(600);
      assert.deepStrictEqual(client.pushedDiagnostics(SEED_URI).filter((p) => p.version === 2), [], 'nothing while typing');
      client.notify('textDocument/didSave', { textDocument: { uri: SEED_URI } });
      const saved = await client.diagnosticsPushed(SEED_URI, 2, seq);
      assert.ok(saved.diagnostics.length > 0);
    });
  });

  describe('onSave, pulled diagnostics', () => {
    let client: LspClient;
    after(() => client?.kill());

    it('answers "unchanged" between saves, so the editor keeps its markers', async () => {
      client = await start('onSave', true);
      const first = await client.request('textDocument/diagnostic', { textDocument: { uri: SEED_URI } });
      assert.strictEqual(first.kind, 'full');
      assert.ok(first.resultId && first.items.length > 0);
      typeAt(client, 2, 0, 0, 'x');
      const between = await client.request('textDocument/diagnostic', { textDocument: { uri: SEED_URI }, previousResultId: first.resultId });
      assert.deepStrictEqual(between, { kind: 'unchanged', resultId: first.resultId });
      client.notify('textDocument/didSave', { textDocument: { uri: SEED_URI } });
      const after = await client.request('textDocument/diagnostic', { textDocument: { uri: SEED_URI }, previousResultId: first.resultId });
      assert.strictEqual(after.kind, 'full');
      assert.notStrictEqual(after.resultId, first.resultId);
    });
  });

  describe('manual', () => {
    let client: LspClient;
    after(() => client?.kill());

    it('checks only when asked (galley/check, the command "Galley: Check Document")', async () => {
      client = await start('manual');
      await sleep(600);
      assert.deepStrictEqual(client.pushedDiagnostics(SEED_URI), [], 'nothing on open');
      client.notify('textDocument/didSave', { textDocument: { uri: SEED_URI } });
      await sleep(300);
      assert.deepStrictEqual(client.pushedDiagnostics(SEED_URI), [], 'nothing on save');
      client.notify('galley/check', { uri: SEED_URI });
      const checked = await client.diagnosticsPushed(SEED_URI, 1);
      assert.ok(checked.diagnostics.length > 0);
    });
  });
});
