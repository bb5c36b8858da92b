// The language status item of article files: stories, findings and analysis time,
// or why a file was not analysed.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

import { OPEN_SETTING_NOTIFICATION, OpenSettingParams, STATUS_NOTIFICATION, StatusParams } from '../../server/src/protocol';

const SHOW_OUTPUT = { command: 'galley.showOutput', title: 'Show Output' };
const OPEN_MAX_SIZE = { command: 'workbench.action.openSettings', arguments: ['galley.maxFileSize'], title: 'Open Setting' };

export class ArticleStatus implements vscode.Disposable {
  readonly #item: vscode.LanguageStatusItem;
  readonly #byUri = new Map<string, StatusParams>();
  readonly #subs: vscode.Disposable[] = [];

  constructor() {
    this.#item = vscode.languages.createLanguageStatusItem('galley.status', { language: 'article' });
    this.#item.name = 'Galley';
    this.#item.text = '$(loading~spin) Galley';
    this.#item.command = SHOW_OUTPUT;
    this.#subs.push(vscode.window.onDidChangeActiveTextEditor(() => this.#render()));
  }

  attach(client: LanguageClient): void {
    this.#subs.push(
      client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
        this.#byUri.set(p.uri, p);
        this.#render();
      }),
      // the user chose "Open Setting" in the server's message about a file not analysed
      client.onNotification(OPEN_SETTING_NOTIFICATION, (p: OpenSettingParams) => {
        void vscode.commands.executeCommand('workbench.action.openSettings', p.setting);
      }),
    );
  }

  /** What the item shows now (for tests). */
  get shown(): { text: string; detail?: string } {
    return { text: this.#item.text, detail: this.#item.detail };
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
      this.#item.text = `$(circle-slash) not analysed: ${p.skipped}`;
      this.#item.detail = undefined;
      this.#item.command = OPEN_MAX_SIZE;
      this.#item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    this.#item.command = SHOW_OUTPUT;
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
