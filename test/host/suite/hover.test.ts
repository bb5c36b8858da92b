import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, hoverText, openSeedArticle, waitFor } from './util';

describe('hover', () => {
  it('shows the author card for "Veronica Irwin"', async () => {
    const doc = await openSeedArticle();
    assert.strictEqual(doc.lineAt(SEED.authorLine).text.trim(), SEED.author);
    const pos = new vscode.Position(SEED.authorLine, 3);
    const text = await waitFor('a hover mentioning @vronirwin', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return t.includes('@vronirwin') ? t : undefined;
    });
    assert.ok(text.includes('San Francisco-based reporter at Protocol covering fintech'), `hover text: ${text}`);
  });
});
