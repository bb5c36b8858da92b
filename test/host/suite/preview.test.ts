// Galley: Preview Cleaned Article and Galley: Apply Cleaned Article: a diff of the
// article against its cleaned text, applied only to the version it was made for.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, countLines, liveDocument, galleyDiagnostics, lines, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

interface PreviewResult {
  preview: vscode.Uri;
  fixes: number;
}

const NOTE = 'Editor’s note: this paragraph was added to the article after the preview was made, and it stays in the cleaned text.';

function previewTabs(preview?: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'galley-preview' && (!preview || t.input.modified.toString() === preview.toString()));
}

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

async function previewText(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('command Galley: Preview Cleaned Article', () => {
  const uri = workspaceUri('seed.article');
  let first: PreviewResult | undefined;
  after(async () => {
    await vscode.window.tabGroups.close(previewTabs());
    await revertAndClose(uri);
  });

  it('opens a diff of the article (left) against its cleaned text (right), and changes nothing', async () => {
    const doc = await openSeedArticle();
    await waitFor('ui-label diagnostics', () => galleyDiagnostics(doc.uri, 'ui-label').length > 0);
    const before = doc.getText();
    assert.ok(countLines(doc, SEED.uiLabelText) > 0);

    first = await vscode.commands.executeCommand<PreviewResult>('galley.previewClean');
    assert.ok(first && first.fixes > 0, `no preview: ${JSON.stringify(first)}`);
    const diff = await waitFor('the preview diff to be the active editor', () => {
      const d = activeDiff();
      return d?.modified.toString() === first!.preview.toString() ? d : undefined;
    });
    assert.strictEqual(diff.original.toString(), doc.uri.toString());
    assert.strictEqual(diff.modified.scheme, 'galley-preview');
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, `seed.article ↔ cleaned (${first.fixes} fixes)`);

    const right = await vscode.workspace.openTextDocument(diff.modified);
    assert.strictEqual(countLines(right, SEED.uiLabelText), 0, 'the right side still has "Keep ReadingShow less"');
    const kept = lines(right).map((l) => l.trim());
    for (const h of SEED.headlines) assert.ok(kept.some((l) => l.startsWith(h)), `headline lost: ${h}`);
    for (const c of SEED.crossheads) assert.ok(kept.includes(c), `crosshead lost: ${c}`);
    assert.ok(right.lineCount < doc.lineCount, 'the right side is not shorter');

    const now = liveDocument(doc.uri)!;
    assert.strictEqual(now.getText(), before, 'the preview changed the article');
    assert.ok(!now.isDirty);
  });

  it('Apply on a preview of an older version changes nothing and shows a new preview', async () => {
    assert.ok(first, 'no preview from the test before');
    const doc = liveDocument(uri)!;
    assert.ok(await vscode.workspace.applyEdit(insertAtTop(doc.uri, NOTE + '\n\n')));
    const edited = liveDocument(uri)!.getText();

    const applied = await vscode.commands.executeCommand<boolean>('galley.applyClean', first.preview);
    assert.strictEqual(applied, false);
    assert.strictEqual(liveDocument(uri)!.getText(), edited, 'the old edits were applied to the new text');
    const text = await waitFor('the preview to show the new version', async () => {
      const t = await previewText(first!.preview);
      return t.startsWith(NOTE) ? t : undefined;
    });
    assert.strictEqual(text.split('\n').filter((l) => l.trim() === SEED.uiLabelText).length, 0);
    await waitFor('the new preview to be the active editor', () => activeDiff()?.modified.toString() === first!.preview.toString());
  });

  it('Apply Cleaned Article applies the previewed text to the article and closes the diff', async () => {
    assert.ok(first, 'no preview from the tests before');
    const cleaned = await previewText(first.preview);
    assert.ok(cleaned.startsWith(NOTE));
    const applied = await vscode.commands.executeCommand<boolean>('galley.applyClean', first.preview);
    assert.strictEqual(applied, true);
    const doc = liveDocument(uri)!;
    assert.strictEqual(doc.getText(), cleaned);
    assert.ok(doc.isDirty, 'not a change to the open document');
    await waitFor('the preview diff to close', () => previewTabs(first!.preview).length === 0);
  });

  it('says there is nothing to clean instead of opening an empty diff', async () => {
    const doc = await openSeedArticle();
    assert.strictEqual(countLines(doc, SEED.uiLabelText), 0, 'the article is not clean');
    const again = await vscode.commands.executeCommand<PreviewResult | undefined>('galley.previewClean', doc.uri);
    assert.strictEqual(again, undefined);
    assert.deepStrictEqual(previewTabs().map((t) => t.label), []);
  });
});

function insertAtTop(uri: vscode.Uri, text: string): vscode.WorkspaceEdit {
  const e = new vscode.WorkspaceEdit();
  e.insert(uri, new vscode.Position(0, 0), text);
  return e;
}
