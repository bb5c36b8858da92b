import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, countLines, galleyDiagnostics, liveDocument, lines, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

describe('command Galley: Clean Article', () => {
  after(() => revertAndClose(workspaceUri('seed.article')));

  it('removes every ui-label line and keeps every headline', async () => {
    const doc = await openSeedArticle();
    const flagged = await waitFor('ui-label diagnostics', () => {
      const d = galleyDiagnostics(doc.uri, 'ui-label');
      return d.length ? d : undefined;
    });
    // for each flagged text: how many lines with that text must remain afterwards
    const expectedLeft = new Map<string, number>();
    for (const d of flagged) {
      const t = doc.lineAt(d.range.start.line).text.trim();
      expectedLeft.set(t, (expectedLeft.get(t) ?? countLines(doc, t)) - 1);
    }
    const textBefore = doc.getText();

    // the command cleans the active editor's article
    await vscode.window.showTextDocument(doc, { preview: false });
    const applied = await vscode.commands.executeCommand<number>('galley.cleanArticle');
    assert.ok(applied > 0, `Clean Article applied ${applied} edits`);

    const cleaned = await waitFor('the document to be cleaned', () => {
      const d = liveDocument(doc.uri);
      return d && d.getText() !== textBefore && [...expectedLeft].every(([t, n]) => countLines(d, t) === n) ? d : undefined;
    });
    const after = lines(cleaned).map((l) => l.trim());
    for (const h of SEED.headlines) assert.ok(after.some((l) => l.startsWith(h)), `headline kept: ${h}`);
    for (const c of SEED.crossheads) assert.ok(after.includes(c), `crosshead kept: ${c}`);
    await waitFor('no ui-label diagnostics left', () => galleyDiagnostics(doc.uri, 'ui-label').length === 0);
  });
});
