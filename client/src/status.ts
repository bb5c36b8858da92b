// The language status item of article files: stories, findings and analysis time,
// or why a file was not analysed.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

import { STATUS_NOTIFICATION, StatusParams } from '../../server/src/protocol';

export class ArticleStatus implements vscode.Disposable {
  readonly #item: vscode.LanguageStatusItem;
  readonly #byUri = new Map<string, StatusParams>();
  readonly #subs: vscode.Disposable[] = [];

  constructor() {
    this.#item = vscode.languages.createLanguageStatusItem('galley.status', { language: 'article' });
    this.#item.name = 'Galley';
    this.#item.text = '$(loading~spin) Galley';
    this.#item.command = { command: 'galley.showOutput', title: 'Show Output' };
    this.#subs.push(vscode.window.onDidChangeActiveTextEditor(() => this.#render()));
  }

  attach(client: LanguageClient): void {
    this.#subs.push(
      client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
        this.#byUri.set(p.uri, p);
        this.#render();
      }),
    );
  }

  /** The last status the server reported for a document. */
  statusOf(uri: string): StatusParams | undefined {
    return this.#byUri.get(uri);
  }

  #render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const p = doc && this.#byUri.get(doc.uri.toString());
    if (!p) return;
    if (p.skipped) {
      this.#item.text = '$(circle-slash) Galley: not analysed';
      this.#item.detail = p.skipped;
      this.#item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    const s = p.stories === 1 ? '1 story' : `${p.stories} stories`;
    const f = p.findings === 1 ? '1 finding' : `${p.findings} findings`;
    this.#item.text = `$(book) ${s}, ${f}`;
    this.#item.detail = `analysed in ${p.elapsedMs} ms`;
    this.#item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.#item.dispose();
    this.#subs.forEach((s) => s.dispose());
  }
}
