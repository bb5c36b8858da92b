import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, openSeedArticle, waitFor } from './util';

// The seed: "…," Friedman said. (line 27, 1-based) and its introduction on line 19:
// "said Eli Friedman, a sociologist at Cornell University who studies labor, …"
describe('people', () => {
  it('hovers a surname to the full card and goes to where the person is introduced', async () => {
    const doc = await openSeedArticle();
    const line = 26;
    const col = doc.lineAt(line).text.indexOf('Friedman said');
    assert.ok(col >= 0, doc.lineAt(line).text);
    const pos = new vscode.Position(line, col + 3);
    const text = await waitFor('the card of Eli Friedman', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return t.includes('Eli Friedman') ? t : undefined;
    });
    assert.ok(text.includes('sociologist at Cornell University'), `hover text: ${text}`);
    const defs = await waitFor('a definition', async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
      return d && d.length ? d : undefined;
    });
    const d = defs[0];
    const range = 'targetRange' in d ? d.targetRange : d.range;
    assert.strictEqual(range.start.line, 18);
    assert.strictEqual(doc.getText(range), 'Eli Friedman');
  });

  it('goes from a short form to its spelling-out', async () => {
    const doc = await openSeedArticle();
    const col = doc.lineAt(24).text.indexOf('ACFTU');
    const defs = await waitFor('a definition of ACFTU', async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(24, col + 1));
      return d && d.length ? d : undefined;
    });
    const d = defs[0];
    const range = 'targetRange' in d ? d.targetRange : d.range;
    assert.strictEqual(doc.getText(range), 'All-China Federation of Trade Unions');
  });
});
