// Switches plain-text documents that read like a scraped article to Article mode:
// saved .txt files when they open, untitled buffers when a scrape is pasted in.
// The decision is the pure model's detector, shared with the command line.

import * as vscode from 'vscode';
import { detectArticle } from '../../server/src/article/detect';

function enabled(doc: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('galley', doc.uri).get<boolean>('detectScrapes', true);
}

const HEAD = 64 * 1024;
const MIDDLE = 16 * 1024;

/** The part of a document the detector reads: its head and a slice of its middle, so a
 * multi-megabyte .txt is never copied whole just to be looked at. */
function sample(doc: vscode.TextDocument): string {
  const end = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  if (end <= HEAD + MIDDLE) return doc.getText();
  const at = (o: number) => doc.positionAt(o);
  const mid = Math.max(HEAD, Math.floor(end / 2 - MIDDLE / 2));
  return doc.getText(new vscode.Range(at(0), at(HEAD))) + '\n\n' + doc.getText(new vscode.Range(at(mid), at(mid + MIDDLE)));
}

function candidate(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'plaintext') return false;
  if (doc.uri.scheme === 'untitled') return true;
  return doc.uri.scheme === 'file' && /\.txt$/i.test(doc.uri.fsPath);
}

export function watchForScrapes(languageId: string, output: vscode.OutputChannel): vscode.Disposable {
  // documents the user switched back to plain text keep their choice
  const declined = new Set<string>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const subs: vscode.Disposable[] = [];

  const check = async (doc: vscode.TextDocument) => {
    if (!candidate(doc) || declined.has(doc.uri.toString()) || !enabled(doc)) return;
    const text = sample(doc);
    const d = detectArticle(text, { maxBytes: text.length });
    if (!d.isArticle) return;
    output.appendLine(`${doc.uri.toString(true)} reads like a scraped article (${d.reasons.join('; ')}): Article mode.`);
    await vscode.languages.setTextDocumentLanguage(doc, languageId);
  };

  // A language change closes the document and reopens it at once; a plaintext
  // reopen right after an article closed is the user leaving Article mode.
  const closedAsArticle = new Map<string, number>();
  subs.push(
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.languageId === languageId) closedAsArticle.set(doc.uri.toString(), Date.now());
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const key = doc.uri.toString();
      const at = closedAsArticle.get(key);
      closedAsArticle.delete(key);
      if (doc.languageId === 'plaintext' && at !== undefined && Date.now() - at < 1000) declined.add(key);
      void check(doc);
    }),
  );
  vscode.workspace.textDocuments.forEach((doc) => void check(doc));

  // a scrape pasted into an untitled buffer: look again once typing pauses
  subs.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (doc.uri.scheme !== 'untitled' || doc.languageId !== 'plaintext') return;
      const key = doc.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(
        key,
        setTimeout(() => {
          pending.delete(key);
          void check(doc);
        }, 400),
      );
    }),
  );
  return vscode.Disposable.from(...subs, { dispose: () => pending.forEach((t) => clearTimeout(t)) });
}
