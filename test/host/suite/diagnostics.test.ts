import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, codeOf, countLines, galleyDiagnostics, liveDocument, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

const onUiLabelLine = (d: vscode.Diagnostic) => codeOf(d) === 'ui-label' && d.range.start.line === SEED.uiLabelLine;

describe('diagnostics and quick fix', () => {
  after(() => revertAndClose(workspaceUri('seed.article')));

  it('reports a "ui-label" diagnostic (source "galley") on "Keep ReadingShow less"', async () => {
    const doc = await openSeedArticle();
    assert.strictEqual(doc.lineAt(SEED.uiLabelLine).text.trim(), SEED.uiLabelText);
    const diag = await waitFor('a galley ui-label diagnostic on line 63', () => galleyDiagnostics(doc.uri).find(onUiLabelLine));
    assert.strictEqual(diag.source, 'galley');
  });

  it('offers a preferred quick fix that removes that line', async () => {
    const doc = await openSeedArticle();
    const diag = await waitFor('the ui-label diagnostic on line 63', () => galleyDiagnostics(doc.uri).find(onUiLabelLine));
    const uiLabelsBefore = galleyDiagnostics(doc.uri, 'ui-label').length;
    const linesBefore = doc.lineCount;
    const textBefore = countLines(doc, SEED.uiLabelText);

    const fix = await waitFor('a preferred quick fix with an edit', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        diag.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions?.find((a) => a.isPreferred && a.edit);
    });
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit succeeded');

    const after = liveDocument(doc.uri) ?? doc;
    assert.notStrictEqual(after.lineAt(SEED.uiLabelLine).text.trim(), SEED.uiLabelText, 'line 63 is gone');
    assert.strictEqual(countLines(after, SEED.uiLabelText), textBefore - 1, 'exactly one "Keep ReadingShow less" removed');
    assert.strictEqual(after.lineCount, linesBefore - 1, 'exactly one line removed');
    assert.strictEqual(after.lineAt(SEED.uiLabelLine).text.trim(), SEED.author, 'the following line moved up');
    await waitFor(
      `the ui-label diagnostics to drop from ${uiLabelsBefore} to ${uiLabelsBefore - 1}`,
      () => galleyDiagnostics(doc.uri, 'ui-label').length === uiLabelsBefore - 1,
    );
  });
});
