import * as assert from 'assert';
import * as vscode from 'vscode';
import { galleyExtension, liveDocument, openInEditor, revertAndClose, waitFor, workspaceUri } from './util';

describe('language detection', () => {
  after(async () => {
    await revertAndClose(workspaceUri('seed-scrape.txt'));
    await revertAndClose(workspaceUri('notes.txt'));
  });

  it('switches a scrape-like .txt to "article" and leaves an ordinary .txt as plaintext', async () => {
    // notes.txt is opened first: once seed-scrape.txt (opened after it) has been switched,
    // the detector has seen notes.txt too, so its language is final
    galleyExtension();
    const notes = await openInEditor('notes.txt');
    assert.strictEqual(notes.languageId, 'plaintext');
    const scrapeUri = workspaceUri('seed-scrape.txt');
    await openInEditor('seed-scrape.txt');
    await waitFor('seed-scrape.txt to switch to language "article"', () => liveDocument(scrapeUri)?.languageId === 'article');
    assert.strictEqual(liveDocument(notes.uri)?.languageId ?? notes.languageId, 'plaintext', 'notes.txt must stay plaintext');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), scrapeUri.toString(), 'the switched file stays in the editor');
  });
});
