// The annotation commands: write CriticMarkup (Annotate Selection, Add Note), clean as
// suggestions (the server's source.galley.suggestions action: the fix-all's edits
// written as {-- --} and {~~ ~> ~~}), and export the annotations (the server's
// galley/exportAnnotations, written next to the article).

import * as vscode from 'vscode';
import {
  EXPORT_ANNOTATIONS_REQUEST, ExportAnnotationsParams, ExportAnnotationsResult,
} from '../../server/src/protocol';
import type { CommandHost } from './commands';

const SUGGEST_KIND = 'source.galley.suggestions';

function articleEditor(what: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'article') {
    void vscode.window.showInformationMessage(`Galley: open an article to ${what}.`);
    return undefined;
  }
  return editor;
}

/** Wraps the selection in a highlight followed by an empty note, and puts the cursor in
 * the note. Markup never crosses a line break: a selection over several lines becomes
 * one highlight per line, the note after the last. With no selection, the word under
 * the cursor is highlighted. */
async function annotateSelection(): Promise<boolean> {
  const editor = articleEditor('annotate');
  if (!editor) return false;
  const doc = editor.document;
  let sel: vscode.Range = editor.selection;
  if (sel.isEmpty) sel = doc.getWordRangeAtPosition(sel.start) ?? sel;
  const pieces: vscode.Range[] = [];
  for (let l = sel.start.line; l <= sel.end.line; l++) {
    const line = doc.lineAt(l);
    const start = l === sel.start.line ? sel.start : line.range.start;
    const end = l === sel.end.line ? sel.end : line.range.end;
    if (!start.isEqual(end) && doc.getText(new vscode.Range(start, end)).trim()) pieces.push(new vscode.Range(start, end));
  }
  const last = pieces[pieces.length - 1];
  const noteAt = last ? last.end : sel.end;
  const ok = await editor.edit((b) => {
    for (const r of pieces) {
      b.insert(r.start, '{==');
      b.insert(r.end, r === last ? '==}{>>' : '==}');
    }
    if (!last) b.insert(noteAt, '{>>');
    b.insert(noteAt, '<<}');
  });
  if (!ok) return false;
  // the cursor between {>> and <<}: the note's line holds one piece at most, so before
  // the note come its "{==" and "==}{>>" (or "{>>" alone)
  const pos = noteAt.translate(0, last ? 9 : 3);
  editor.selection = new vscode.Selection(pos, pos);
  return true;
}

/** Inserts a standalone note at the cursor (after the selection, if any). */
async function addNote(): Promise<boolean> {
  const editor = articleEditor('add a note');
  if (!editor) return false;
  const at = editor.selection.end;
  const ok = await editor.edit((b) => b.insert(at, '{>><<}'));
  if (!ok) return false;
  const pos = at.translate(0, 3);
  editor.selection = new vscode.Selection(pos, pos);
  return true;
}

/** Applies the server's suggestions edit; returns how many changes were marked. */
async function cleanAsSuggestions(host: CommandHost): Promise<number> {
  const editor = articleEditor('clean');
  if (!editor) return 0;
  await host.ensureClient();
  const doc = editor.document;
  const full = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, full, SUGGEST_KIND);
  const edit = actions?.find((a) => a.kind?.value === SUGGEST_KIND && a.edit)?.edit;
  if (!edit) {
    void vscode.window.setStatusBarMessage('Galley: nothing to clean', 3000);
    return 0;
  }
  const n = edit.get(doc.uri).length;
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was rejected (the document changed meanwhile?)');
  return n;
}

export interface ExportedFiles {
  markdown: vscode.Uri;
  json: vscode.Uri;
}

/** Writes `<article>.annotations.md` and `.json` beside a file on disk (untitled and
 * virtual documents get untitled ones), and opens the digest. */
async function exportAnnotations(host: CommandHost): Promise<ExportedFiles | undefined> {
  const editor = articleEditor('export its annotations');
  if (!editor) return undefined;
  const client = await host.ensureClient();
  const doc = editor.document;
  const base = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
  const params: ExportAnnotationsParams = { uri: doc.uri.toString(), link: base };
  const r = await client.sendRequest<ExportAnnotationsResult | null>(EXPORT_ANNOTATIONS_REQUEST, params);
  if (!r) return undefined;
  const json = JSON.stringify(r.json, null, 2) + '\n';
  if (doc.uri.scheme !== 'file') {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
    await vscode.workspace.openTextDocument({ language: 'json', content: json });
    await vscode.window.showTextDocument(md, { viewColumn: vscode.ViewColumn.Beside });
    return { markdown: md.uri, json: md.uri };
  }
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const stem = base.replace(/\.[^.]*$/, '');
  const files = { markdown: vscode.Uri.joinPath(dir, `${stem}.annotations.md`), json: vscode.Uri.joinPath(dir, `${stem}.annotations.json`) };
  await vscode.workspace.fs.writeFile(files.markdown, Buffer.from(r.markdown, 'utf8'));
  await vscode.workspace.fs.writeFile(files.json, Buffer.from(json, 'utf8'));
  await vscode.window.showTextDocument(files.markdown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return files;
}

export function registerAnnotationCommands(host: CommandHost): vscode.Disposable {
  const report = (what: string) => (e: unknown) => {
    void vscode.window.showErrorMessage(`Galley: could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('galley.annotateSelection', annotateSelection),
    vscode.commands.registerCommand('galley.addNote', addNote),
    vscode.commands.registerCommand('galley.cleanAsSuggestions', () => cleanAsSuggestions(host).catch(report('clean the article'))),
    vscode.commands.registerCommand('galley.exportAnnotations', () => exportAnnotations(host).catch(report('export the annotations'))),
  );
}
