// Helpers shared by the extension-host tests. They only use the `vscode` API, so they
// behave the same in VS Code desktop (electron) and in code-server.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'galley.galley';

/** The seed scrape: 0-based lines used by several tests. */
export const SEED = {
  uiLabelLine: 63, // "Keep ReadingShow less"
  uiLabelText: 'Keep ReadingShow less',
  authorLine: 64, // "Veronica Irwin"
  author: 'Veronica Irwin',
  headlines: [
    'Chinese tech giants are forming unions. It’s not what you think.',
    'Judge Zia Faruqui is trying to teach you crypto, one ‘SNL’ reference at a time',
    'AWS CEO: The cloud isn’t just about technology',
    'We launched Protocol in February 2020', // a prefix: this story has no headline line
    'Why large enterprises struggle to find suitable platforms for MLops',
  ],
  crossheads: ['Unionization with Chinese characteristics', 'The paradox of labor protection'],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describeValue(v: unknown): string {
  if (v instanceof Error) return `error: ${v.message}`;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 300 ? s.slice(0, 300) + '…' : s;
  } catch {
    return String(v);
  }
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. The language
 * server answers asynchronously (and lags behind the UI), so tests poll instead of sleeping.
 * A probe that throws counts as "not yet"; the last value or error is put in the timeout message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what} (last: ${describeValue(last)})`);
    await sleep(intervalMs);
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: run the tests with test/host/run.mjs');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * The live TextDocument for `uri`. Changing a document's language closes and reopens
 * it in the extension host, so a TextDocument obtained earlier can go stale.
 */
export function liveDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

export async function openInEditor(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The Galley extension; fails at once when it is not loaded or not built. */
export function galleyExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (wrong extensionDevelopmentPath?)`);
  const main = path.join(ext.extensionPath, ext.packageJSON.main ?? '');
  if (!fs.existsSync(main)) throw new Error(`the extension's main ${main} does not exist: build it first (npm run build)`);
  return ext;
}

/** Opens `seed.article` (language `article` by its extension) and waits for the extension to be active. */
export async function openSeedArticle(): Promise<vscode.TextDocument> {
  const ext = galleyExtension();
  const doc = await openInEditor('seed.article');
  await waitFor('the Galley extension to activate', () => ext.isActive, 20_000);
  return liveDocument(doc.uri) ?? doc;
}

/** Drops unsaved changes (the tests never save) and closes the document's editor. */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const doc = liveDocument(uri);
  if (!doc) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the document to be reverted', () => !liveDocument(uri)?.isDirty, 10_000);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function galleyDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'galley' && (code === undefined || codeOf(d) === code));
}

export function lines(doc: vscode.TextDocument): string[] {
  return doc.getText().split(/\r?\n/);
}

export function countLines(doc: vscode.TextDocument, text: string): number {
  return lines(doc).filter((l) => l.trim() === text).length;
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      // MarkdownString, or the deprecated MarkedString: string | { language, value }
      parts.push(typeof c === 'string' ? c : c.value);
    }
  }
  return parts.join('\n---\n');
}
