import * as assert from 'assert';
import * as vscode from 'vscode';
import { galleyDiagnostics, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

// galley.run "onType" (the default) in the real editor: the finding on the line being
// typed on waits until the typing pauses, the others stay.
describe('typing (galley.run onType)', () => {
  after(() => revertAndClose(workspaceUri('seed.article')));

  it('holds back the finding on the line being typed on, and shows it again after the pause', async () => {
    const doc = await openSeedArticle();
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const before = await waitFor('ui-label diagnostics', () => {
      const d = galleyDiagnostics(doc.uri, 'ui-label');
      return d.length ? d : undefined;
    });
    const line = before[0].range.start.line;
    const all = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'galley').length;
    const onLine = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'galley' && d.range.start.line <= line && d.range.end.line >= line);

    const end = doc.lineAt(line).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, ' ')));
    await waitFor('the finding on the typed line to be held back', () => onLine().length === 0, 5_000);
    const others = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'galley').length;
    assert.ok(others >= all - 1 && others > 0, `the other findings stay (${others} of ${all})`);
    await waitFor('the held finding after the pause', () => onLine().length > 0, 10_000);
  });
});
