import * as assert from 'assert';
import * as vscode from 'vscode';
import { galleyDiagnostics, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

describe('settings', () => {
  const galley = () => vscode.workspace.getConfiguration('galley');
  after(async () => {
    await galley().update('rules.ui-label', undefined, vscode.ConfigurationTarget.Global);
    await revertAndClose(workspaceUri('seed.article'));
  });

  it('galley.rules.<kind> sets the severity of that kind, and "off" hides it', async () => {
    const doc = await openSeedArticle();
    await waitFor('ui-label warnings', () => galleyDiagnostics(doc.uri, 'ui-label').length > 0);
    assert.ok(galleyDiagnostics(doc.uri, 'ui-label').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

    await galley().update('rules.ui-label', 'error', vscode.ConfigurationTarget.Global);
    await waitFor('ui-label errors', () => {
      const d = galleyDiagnostics(doc.uri, 'ui-label');
      return d.length > 0 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error);
    });

    const credits = galleyDiagnostics(doc.uri, 'image-credit').length;
    await galley().update('rules.ui-label', 'off', vscode.ConfigurationTarget.Global);
    await waitFor('no ui-label diagnostics', () => galleyDiagnostics(doc.uri, 'ui-label').length === 0);
    assert.strictEqual(galleyDiagnostics(doc.uri, 'image-credit').length, credits, 'other kinds are untouched');
  });
});
