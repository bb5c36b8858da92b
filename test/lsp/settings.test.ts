// Settings read through workspace/configuration: a rule switched off or raised to error,
// at start and after workspace/didChangeConfiguration.
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeArticle } from '../../server/src/article';
import { loadSeed } from '../model/helpers';
import { LspClient, pushCapabilities } from './client';
import { codeActionsFor, diagnosticKey, editsFor, applyLspEdits, pullDiagnostics, SeedSession, startSeedSession, wholeDocument } from './util';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const { text: seedText, ref } = loadSeed();

/** How many findings of a kind (sure, unsure or both) the model makes on the seed. */
function modelCount(kind: string, sure?: boolean): number {
  return analyzeArticle(seedText).findings.filter((f) => f.kind === kind && (sure === undefined || f.sure === sure)).length;
}

function countByCode(ds: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[String(d.code)] = (out[String(d.code)] ?? 0) + 1;
  return out;
}

describe('lsp: settings from workspace/configuration', () => {
  describe('galley.rules.ui-label: "off"', () => {
    let s: SeedSession;
    let pushed: Diagnostic[];
    before(async () => {
      s = await startSeedSession({ pull: false, settings: { galley: { rules: { 'ui-label': 'off' } } } });
      pushed = (await s.client.diagnosticsPushed(s.uri, 1)).diagnostics;
    });
    after(async () => {
      await s?.client.kill();
    });

    it("asks the client for the 'galley' section of the document", () => {
      const asks = s.client.serverRequests.filter((r) => r.method === 'workspace/configuration');
      assert.ok(
        asks.some((r) => r.params.items.some((i: { section?: string; scopeUri?: string }) => i.section === 'galley' && i.scopeUri === s.uri)),
        JSON.stringify(asks.map((r) => r.params)),
      );
    });

    it('publishes no ui-label diagnostics, and the other kinds as before', () => {
      assert.ok(modelCount('ui-label') > 0, 'the model finds no ui-label on the seed: nothing to switch off');
      const counts = countByCode(pushed);
      assert.strictEqual(counts['ui-label'], undefined);
      const others: Record<string, number> = {};
      for (const f of analyzeArticle(seedText).findings) if (f.kind !== 'ui-label') others[f.kind] = (others[f.kind] ?? 0) + 1;
      assert.deepStrictEqual(counts, others);
    });

    it('leaves the ui-label lines alone in source.fixAll.galley', async () => {
      const actions = await codeActionsFor(s.client, s.uri, wholeDocument(seedText), [], ['source.fixAll.galley']);
      assert.strictEqual(actions.length, 1);
      const after = applyLspEdits(seedText, editsFor(actions[0].edit, s.uri).edits);
      const uiTexts = new Set(ref.cruft.filter((c) => c.kind === 'ui-label').map((c) => seedText.split('\n')[c.line - 1]));
      const inAfter = after.split('\n').filter((l) => uiTexts.has(l)).length;
      assert.strictEqual(inAfter, ref.cruft.filter((c) => c.kind === 'ui-label').length);
    });
  });

  describe('galley.rules.ui-label: "error"', () => {
    let s: SeedSession;
    before(async () => {
      s = await startSeedSession({ pull: true, settings: { galley: { rules: { 'ui-label': 'error' } } } });
    });
    after(async () => {
      await s?.client.kill();
    });

    it('reports the sure ui-label findings as errors, the rest unchanged', async () => {
      const items = await pullDiagnostics(s.client, s.uri);
      const ui = items.filter((d) => d.code === 'ui-label');
      assert.ok(ui.length > 0, 'no ui-label diagnostics');
      assert.strictEqual(ui.length, modelCount('ui-label'));
      assert.strictEqual(ui.filter((d) => d.severity === ERROR).length, modelCount('ui-label', true), 'sure findings are not errors');
      assert.strictEqual(ui.filter((d) => d.severity === INFORMATION).length, modelCount('ui-label', false), 'unsure findings are not capped at information');
      const credit = items.filter((d) => d.code === 'image-credit');
      assert.ok(credit.length > 0 && credit.every((d) => d.severity === WARNING), 'image-credit is no longer a warning');
    });
  });

  describe('a change of configuration', () => {
    it('re-reads the settings of a pull client and asks it to refresh', async () => {
      const s = await startSeedSession({ pull: true });
      try {
        const before = (await pullDiagnostics(s.client, s.uri)).filter((d) => d.code === 'ui-label');
        assert.ok(before.length > 0 && before.every((d) => d.severity === WARNING));
        s.client.settings = { galley: { rules: { 'ui-label': 'error' } } };
        const from = s.client.seq;
        s.client.notify('workspace/didChangeConfiguration', { settings: null });
        await s.client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'workspace/diagnostic/refresh', from);
        const after = (await pullDiagnostics(s.client, s.uri)).filter((d) => d.code === 'ui-label');
        assert.deepStrictEqual(after.map(diagnosticKey), before.map(diagnosticKey));
        assert.ok(after.every((d) => d.severity === ERROR), JSON.stringify(after.map((d) => d.severity)));
      } finally {
        await s.client.kill();
      }
    });

    it('re-publishes to a push client with the new settings', async () => {
      const s = await startSeedSession({ pull: false });
      try {
        const first = await s.client.diagnosticsPushed(s.uri, 1);
        assert.ok(first.diagnostics.some((d) => d.code === 'ui-label'));
        s.client.settings = { galley: { rules: { 'ui-label': 'off' } } };
        const from = s.client.seq;
        s.client.notify('workspace/didChangeConfiguration', { settings: null });
        const again = await s.client.diagnosticsPushed(s.uri, 1, from);
        assert.deepStrictEqual(again.diagnostics.filter((d) => d.code === 'ui-label'), []);
        assert.strictEqual(again.diagnostics.length, first.diagnostics.filter((d) => d.code !== 'ui-label').length);
      } finally {
        await s.client.kill();
      }
    });
  });
});

describe('lsp: registering for configuration changes', () => {
  async function registrations(dynamic: boolean): Promise<string[]> {
    const caps = pushCapabilities() as { workspace: Record<string, unknown> };
    caps.workspace.didChangeConfiguration = { dynamicRegistration: dynamic };
    const client = new LspClient({ settings: { galley: {} } });
    try {
      await client.initialize(caps);
      // the server answers a request only after it handled `initialized`
      await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///none.article' } }).catch(() => undefined);
      return client.serverRequests.filter((r) => r.method === 'client/registerCapability').flatMap((r) => r.params.registrations.map((g: { method: string }) => g.method));
    } finally {
      await client.kill();
    }
  }

  it('registers workspace/didChangeConfiguration with clients that register it dynamically', async () => {
    assert.ok((await registrations(true)).includes('workspace/didChangeConfiguration'));
  });

  it('does not with clients that do not (Emacs’ eglot warns about it)', async () => {
    assert.ok(!(await registrations(false)).includes('workspace/didChangeConfiguration'));
  });
});
