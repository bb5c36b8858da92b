// Diagnostics over LSP: pushed (publishDiagnostics with the document version) to clients
// without textDocument.diagnostic, pulled (textDocument/diagnostic) by clients with it.
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeArticle, DEFAULT_SEVERITY, FINDING_KINDS, Severity } from '../../server/src/article';
import { splitLines } from '../model/helpers';
import { diagnosticKey, positionAt, pullDiagnostics, rangeInside, SeedSession, startSeedSession } from './util';

const LSP_SEVERITY: Record<Severity, number | undefined> = { off: undefined, hint: 4, information: 3, warning: 2, error: 1 };

/** What the diagnostics of a text should be under the default settings, from the pure model. */
function expectedDiagnostics(text: string): string[] {
  const lines = splitLines(text);
  return analyzeArticle(text)
    .findings.map((f) => {
      const sev = !f.sure && DEFAULT_SEVERITY[f.kind] !== 'hint' && DEFAULT_SEVERITY[f.kind] !== 'off' ? 'information' : DEFAULT_SEVERITY[f.kind];
      const range = { start: positionAt(lines, f.span.start), end: positionAt(lines, f.span.end) };
      return `${diagnosticKey({ code: f.kind, range } as Diagnostic)} severity ${LSP_SEVERITY[sev]}`;
    })
    .sort();
}

function actualDiagnostics(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${diagnosticKey(d)} severity ${d.severity}`).sort();
}

function checkWellFormed(text: string, ds: Diagnostic[]): void {
  const lines = splitLines(text);
  const bad = ds.filter(
    (d) => d.source !== 'galley' || !(FINDING_KINDS as readonly unknown[]).includes(d.code) || !rangeInside(lines, d.range) || !d.message,
  );
  assert.deepStrictEqual(bad, []);
}

/** The seed without its line `line1` (1-based), line break included. */
function withoutLine(text: string, line1: number): string {
  const lines = splitLines(text);
  const l = lines[line1 - 1];
  return text.slice(0, l.start) + text.slice(lines[line1].start);
}

describe('lsp: pushed diagnostics (client without textDocument.diagnostic)', () => {
  let s: SeedSession;
  before(async () => {
    s = await startSeedSession({ pull: false, version: 7 });
  });
  after(async () => {
    await s?.client.kill();
  });

  it('announces no diagnostic provider', () => {
    assert.strictEqual(s.init.capabilities.diagnosticProvider, undefined);
    assert.strictEqual(s.init.serverInfo?.name, 'galley');
  });

  it('publishes the diagnostics with the version of the opened document', async () => {
    const p = await s.client.diagnosticsPushed(s.uri);
    assert.strictEqual(p.version, 7);
    assert.ok(p.diagnostics.length > 0, 'no diagnostics');
  });

  it('gives every diagnostic source "galley", a finding kind as code and a range inside the document', async () => {
    const p = await s.client.diagnosticsPushed(s.uri, 7);
    checkWellFormed(s.seed.text, p.diagnostics);
  });

  it("publishes one diagnostic per finding of the model, at the finding's range and severity", async () => {
    const p = await s.client.diagnosticsPushed(s.uri, 7);
    assert.deepStrictEqual(actualDiagnostics(p.diagnostics), expectedDiagnostics(s.seed.text));
  });

  it('publishes the diagnostics of the new version after a change', async () => {
    const ui = s.seed.ref.cruft.find((c) => c.kind === 'ui-label');
    assert.ok(ui, 'the reference has no ui-label line');
    const text = withoutLine(s.seed.text, ui.line);
    const from = s.client.seq;
    s.client.change(s.uri, 8, text);
    const p = await s.client.diagnosticsPushed(s.uri, 8, from);
    checkWellFormed(text, p.diagnostics);
    assert.deepStrictEqual(actualDiagnostics(p.diagnostics), expectedDiagnostics(text));
    const before = (await s.client.diagnosticsPushed(s.uri, 7)).diagnostics.filter((d: Diagnostic) => d.code === 'ui-label').length;
    assert.strictEqual(p.diagnostics.filter((d: Diagnostic) => d.code === 'ui-label').length, before - 1);
  });

  it('never publishes an older version after a newer one', () => {
    const versions = s.client.pushedDiagnostics(s.uri).map((p) => p.version ?? -1);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b));
  });
});

describe('lsp: pulled diagnostics (client with textDocument.diagnostic)', () => {
  let s: SeedSession;
  before(async () => {
    s = await startSeedSession({ pull: true, version: 3 });
  });
  after(async () => {
    await s?.client.kill();
  });

  it('announces a diagnostic provider', () => {
    assert.ok(s.init.capabilities.diagnosticProvider, 'no diagnosticProvider');
    assert.strictEqual(s.init.capabilities.diagnosticProvider.interFileDependencies, false);
  });

  it('returns the diagnostics from textDocument/diagnostic', async () => {
    const items = await pullDiagnostics(s.client, s.uri);
    assert.ok(items.length > 0, 'no diagnostics');
    checkWellFormed(s.seed.text, items);
    assert.deepStrictEqual(actualDiagnostics(items), expectedDiagnostics(s.seed.text));
  });

  it('returns the diagnostics of the new text after a change', async () => {
    const ui = s.seed.ref.cruft.find((c) => c.kind === 'ui-label');
    assert.ok(ui, 'the reference has no ui-label line');
    const text = withoutLine(s.seed.text, ui.line);
    s.client.change(s.uri, 4, text);
    const items = await pullDiagnostics(s.client, s.uri);
    checkWellFormed(text, items);
    assert.deepStrictEqual(actualDiagnostics(items), expectedDiagnostics(text));
  });

  it('returns an empty report for a document that is not open', async () => {
    const items = await pullDiagnostics(s.client, 'file:///galley-test/not-open.article');
    assert.deepStrictEqual(items, []);
  });
});
