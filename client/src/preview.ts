// Galley: Preview Cleaned Article. A diff of the article (left, the live document)
// against the article with every fix-all edit applied (right, a read-only virtual
// document of the `galley-preview` scheme), so the page's cruft can be judged as a
// whole before anything changes; Galley: Apply Cleaned Article (in the preview's title
// bar) then applies those very edits, if the article is still the version they were
// made for. The edits are the server's source.fixAll.galley action, as for Clean
// Article: one source of truth, with the settings and galley.ignore applied.

import * as vscode from 'vscode';
import { CommandHost, fixAllEdit } from './commands';

export const PREVIEW_SCHEME = 'galley-preview';
/** Context key: the active editor is a preview's diff (for its Apply button). */
const ACTIVE_KEY = 'galley.previewActive';

interface Preview {
  /** The article. */
  original: vscode.Uri;
  /** The virtual document holding the cleaned text. */
  uri: vscode.Uri;
  /** The version of the article the edits were made for. */
  version: number;
  edit: vscode.WorkspaceEdit;
  text: string;
  fixes: number;
}

export interface PreviewResult {
  preview: vscode.Uri;
  fixes: number;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || 'article';
}

/** One preview document per article: showing a new preview replaces the old text. The
 * name ends in .article so that the right side is highlighted as an article. */
function previewUriFor(original: vscode.Uri): vscode.Uri {
  const name = basename(original);
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: '/' + (name.endsWith('.article') ? name : `${name}.article`), query: original.toString() });
}

/** Applies non-overlapping text edits to the document's text. */
function applied(doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = doc.getText();
  const sorted = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('the cleaning edits overlap');
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

class Previews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** By the article's URI. */
  readonly #byOriginal = new Map<string, Preview>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  readonly #subs: vscode.Disposable[] = [];

  constructor(private readonly host: CommandHost) {
    const update = () => void vscode.commands.executeCommand('setContext', ACTIVE_KEY, this.#activeTab() !== undefined);
    this.#subs.push(
      this.#changed,
      vscode.window.tabGroups.onDidChangeTabs(update),
      vscode.window.tabGroups.onDidChangeTabGroups(update),
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PREVIEW_SCHEME) this.#byOriginal.delete(d.uri.query);
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.#byOriginal.get(uri.query)?.text ?? '';
  }

  /** The preview shown in the active tab, if it is one. */
  #activeTab(): Preview | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputTextDiff) || input.modified.scheme !== PREVIEW_SCHEME) return undefined;
    return this.#byOriginal.get(input.modified.query);
  }

  /** The preview a command is about: its argument (the preview's URI or the article's,
   * as the title bar passes it), else the active tab. */
  #find(arg: unknown): Preview | undefined {
    if (arg instanceof vscode.Uri) return this.#byOriginal.get(arg.scheme === PREVIEW_SCHEME ? arg.query : arg.toString());
    return this.#activeTab();
  }

  async preview(arg: unknown): Promise<PreviewResult | undefined> {
    let uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (uri?.scheme === PREVIEW_SCHEME) uri = vscode.Uri.parse(uri.query, true);
    const doc = uri && (await vscode.workspace.openTextDocument(uri));
    if (!doc) {
      void vscode.window.showInformationMessage('Galley: open an article to preview its cleaning.');
      return undefined;
    }
    if (doc.languageId !== 'article') {
      void vscode.window.showInformationMessage('Galley: this file is not in Article mode.');
      return undefined;
    }
    const name = basename(doc.uri);
    // the edits must belong to the version they are shown with: ask again if it moved on
    let version: number;
    let edit: vscode.WorkspaceEdit | undefined;
    let attempts = 0;
    do {
      version = doc.version;
      edit = await fixAllEdit(this.host, doc);
    } while (doc.version !== version && ++attempts < 5);
    if (doc.version !== version) throw new Error('the article keeps changing');
    const edits = edit?.get(doc.uri) ?? [];
    const text = edits.length ? applied(doc, edits) : doc.getText();
    if (!edit || text === doc.getText()) {
      void vscode.window.showInformationMessage(`Galley: nothing to clean in ${name}.`);
      return undefined;
    }
    const p: Preview = { original: doc.uri, uri: previewUriFor(doc.uri), version, edit, text, fixes: edits.length };
    this.#byOriginal.set(doc.uri.toString(), p);
    this.#changed.fire(p.uri);
    const fixes = p.fixes === 1 ? '1 fix' : `${p.fixes} fixes`;
    await vscode.commands.executeCommand('vscode.diff', doc.uri, p.uri, `${name} ↔ cleaned (${fixes})`, { preview: false });
    return { preview: p.uri, fixes: p.fixes };
  }

  /** Applies the previewed edits; true if they were applied. */
  async apply(arg: unknown): Promise<boolean> {
    const p = this.#find(arg);
    if (!p) {
      void vscode.window.showInformationMessage('Galley: no cleaned preview to apply; run Galley: Preview Cleaned Article first.');
      return false;
    }
    const doc = await vscode.workspace.openTextDocument(p.original);
    if (doc.version !== p.version) {
      void vscode.window.showInformationMessage(`Galley: ${basename(p.original)} changed since the preview; here is a new one.`);
      await this.preview(p.original);
      return false;
    }
    if (!(await vscode.workspace.applyEdit(p.edit))) throw new Error('the edit was rejected');
    this.#byOriginal.delete(p.original.toString());
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === p.uri.toString());
    await vscode.window.tabGroups.close(tabs);
    await vscode.window.showTextDocument(doc, { preview: false });
    return true;
  }

  dispose(): void {
    this.#subs.forEach((s) => s.dispose());
  }
}

export function registerPreview(host: CommandHost): vscode.Disposable {
  const previews = new Previews(host);
  const fail = (what: string) => (e: unknown) => {
    void vscode.window.showErrorMessage(`Galley: could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  };
  return vscode.Disposable.from(
    previews,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.commands.registerCommand('galley.previewClean', (uri?: unknown) => previews.preview(uri).catch(fail('preview the cleaned article'))),
    vscode.commands.registerCommand('galley.applyClean', (uri?: unknown) => previews.apply(uri).catch(fail('apply the cleaned article'))),
  );
}
