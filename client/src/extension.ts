// Galley's VS Code client: starts the language server when the first article is
// open, switches scrape-like .txt files to Article mode, and offers the commands and
// the status item. Everything about articles themselves is in the server.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { watchForScrapes } from './detection';
import { ArticleStatus } from './status';

export const LANGUAGE_ID = 'article';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'galley' },
    outputChannel: output,
    // the server reports problems in the output channel; don't steal focus for them
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    // the "Ignore …" actions' commands write settings: this client runs them (ignore.ts)
    // …and opens the setting the server's "not analysed" message offers (status.ts)
    initializationOptions: { clientCommands: CLIENT_COMMANDS, openSetting: true },
  };
  return new LanguageClient('galley', 'Galley', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel('Galley', { log: true });
  const status = new ArticleStatus();
  context.subscriptions.push(output, status);

  const ensureClient = (): Promise<LanguageClient> => {
    if (!starting) {
      client = createClient(context, output);
      status.attach(client);
      starting = client.start().then(() => client!);
      starting.catch((e) => output.appendLine(`Galley server failed to start: ${e instanceof Error ? e.message : String(e)}`));
    }
    return starting;
  };

  // start the server only once an article is open: plain text costs nothing
  const maybeStart = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) void ensureClient();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(maybeStart));
  vscode.workspace.textDocuments.forEach(maybeStart);

  context.subscriptions.push(watchForScrapes(LANGUAGE_ID, output));
  registerCommands(context, {
    client: () => client,
    ensureClient,
    restart: async () => {
      if (client) {
        await client.restart();
        output.appendLine('Galley server restarted.');
      } else await ensureClient();
    },
    output,
  });
  return { ensureClient, status };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
