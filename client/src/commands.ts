// The palette commands: check the article now (galley.run), clean the article (the same edits as source.fixAll.galley),
// preview the cleaned article (preview.ts), restart the server, show its output; and
// the commands of the server's "Ignore …" code actions (ignore.ts).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_NOTIFICATION, CheckParams } from '../../server/src/protocol';
import { registerAnnotationCommands } from './annotations';
import { registerIgnoreCommands } from './ignore';
import { registerPreview } from './preview';

export interface CommandHost {
  client(): LanguageClient | undefined;
  ensureClient(): Promise<LanguageClient>;
  restart(): Promise<void>;
  output: vscode.LogOutputChannel;
}

const FIX_ALL = 'source.fixAll.galley';

/** The server's source.fixAll.galley edit for the document as it is now (so with the
 * settings and galley.ignore applied), or undefined when there is nothing to fix. The
 * one source of the cleaning edits, for Clean Article and its preview. */
export async function fixAllEdit(host: CommandHost, doc: vscode.TextDocument): Promise<vscode.WorkspaceEdit | undefined> {
  await host.ensureClient();
  const full = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, full, FIX_ALL);
  return actions?.find((a) => a.kind?.value === FIX_ALL && a.edit)?.edit;
}

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
  const edit = await fixAllEdit(host, doc);
  if (!edit) {
    void vscode.window.setStatusBarMessage('Galley: nothing to clean', 3000);
    return 0;
  }
  const n = edit.get(doc.uri).length;
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) throw new Error('the edit was rejected (the document changed meanwhile?)');
  return n;
}

/** Asks the server to check the active article now, whatever galley.run says. */
async function checkDocument(host: CommandHost): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'article') {
    void vscode.window.showInformationMessage('Galley: open an article to check.');
    return;
  }
  const client = await host.ensureClient();
  const params: CheckParams = { uri: doc.uri.toString() };
  await client.sendNotification(CHECK_NOTIFICATION, params);
}

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('galley.checkDocument', () => checkDocument(host)),
    vscode.commands.registerCommand('galley.cleanArticle', (uri?: vscode.Uri) =>
      cleanArticle(host, uri instanceof vscode.Uri ? uri : undefined).catch((e) => {
        void vscode.window.showErrorMessage(`Galley: could not clean the article: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      }),
    ),
    vscode.commands.registerCommand('galley.restartServer', () => host.restart()),
    vscode.commands.registerCommand('galley.showOutput', () => host.output.show(true)),
    registerPreview(host),
    registerIgnoreCommands(),
    registerAnnotationCommands(host),
  );
}
