import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { galleyDiagnostics, galleyExtension, waitFor, workspaceUri } from './util';

describe('untitled buffers', () => {
  let doc: vscode.TextDocument | undefined;
  after(async () => {
    if (doc) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('switches a pasted scrape to Article mode and analyses the unsaved text', async () => {
    galleyExtension();
    doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    const scrape = fs.readFileSync(workspaceUri('seed-scrape.txt').fsPath, 'utf8');
    // a paste is one edit of the whole text
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), scrape)));
    const uri = doc.uri;
    await waitFor('the untitled buffer to switch to "article"', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'article');
    const diags = await waitFor('Galley diagnostics on the unsaved buffer', () => {
      const d = galleyDiagnostics(uri);
      return d.length > 0 ? d : undefined;
    });
    assert.ok(diags.some((d) => d.code === 'ui-label'), 'the "Keep ReadingShow less" lines are flagged');
    doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? doc;
  });
});
