// The palette commands: clean the article (the same edits as source.fixAll.galley),
// restart the server, show its output; and the commands of the server's "Ignore …"
// code actions (ignore.ts).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerIgnoreCommands } from './ignore';

export interface CommandHost {
  client(): LanguageClient | undefined;
  ensureClient(): Promise<LanguageClient>;
  restart(): Promise<void>;
  output: vscode.LogOutputChannel;
}

const FIX_ALL = 'source.fixAll.galley';

/** Applies Galley's fix-all to a document; returns how many edits were applied. */
async function cleanArticle(host: CommandHost, uri?: vscode.Uri): Promise<number> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('Galley: open an article to clean.');
    return 0;
  }
  if (doc.languageId !== 'article') {
    void vscode.window.showInformationMessage('Galley: this file is not in Article mode.');
    return 0;
  }
  await host.ensureClient();
  const full = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, full, FIX_ALL);
  const fix = actions?.find((a) => a.kind?.value === FIX_ALL && a.edit);
  if (!fix?.edit) {
    void vscode.window.setStatusBarMessage('Galley: nothing to clean', 3000);
    return 0;
  }
  const n = fix.edit.get(doc.uri).length;
  const ok = await vscode.workspace.applyEdit(fix.edit);
  if (!ok) throw new Error('the edit was rejected (the document changed meanwhile?)');
  return n;
}

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('galley.cleanArticle', (uri?: vscode.Uri) =>
      cleanArticle(host, uri instanceof vscode.Uri ? uri : undefined).catch((e) => {
        void vscode.window.showErrorMessage(`Galley: could not clean the article: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      }),
    ),
    vscode.commands.registerCommand('galley.restartServer', () => host.restart()),
    vscode.commands.registerCommand('galley.showOutput', () => host.output.show(true)),
    registerIgnoreCommands(),
  );
}
