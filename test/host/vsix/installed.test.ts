// The packaged extension (`npm run package` → galley.vsix), installed with
// `--install-extension` into a fresh extensions folder: it is the Galley the host loads,
// it activates on the seed, and its bundled server answers (outline, diagnostics).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, SEED, galleyDiagnostics, openSeedArticle, waitFor } from '../suite/util';

describe('packaged extension (.vsix)', () => {
  it('is installed from the .vsix into the fresh extensions folder, not loaded from the repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const dir = process.env.GALLEY_TEST_EXTENSIONS_DIR;
    assert.ok(dir, 'run.mjs did not say where it installed the .vsix');
    assert.ok(ext.extensionPath.startsWith(path.resolve(dir) + path.sep), `${ext.extensionPath} is not under ${dir}`);
  });

  it('activates on the seed and its bundled server outlines it and reports cruft', async () => {
    const doc = await openSeedArticle();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
    const symbols = await waitFor('document symbols from the packaged server', async () => {
      const r = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return r && r.length ? r : undefined;
    });
    assert.strictEqual(symbols[0].name, SEED.headlines[0]);
    assert.strictEqual(symbols.length, SEED.headlines.length);
    const labels = await waitFor('the ui-label diagnostic on the seed', () => {
      const ds = galleyDiagnostics(doc.uri, 'ui-label');
      return ds.some((d) => d.range.start.line === SEED.uiLabelLine) ? ds : undefined;
    });
    assert.ok(labels.length > 0);
  });
});
