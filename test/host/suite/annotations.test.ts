import * as assert from 'assert';
import * as vscode from 'vscode';
import { galleyDiagnostics, hoverText, liveDocument, openSeedArticle, revertAndClose, SEED, waitFor, workspaceUri } from './util';

// write – review – export, as a user does it: annotate a headline and type a note, clean
// the article as suggestions, accept them all, export the annotations
describe('annotations: write, review, export', () => {
  const exported: vscode.Uri[] = [];
  after(async () => {
    await revertAndClose(workspaceUri('seed.article'));
    for (const u of exported) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Annotate Selection wraps a headline in a highlight and puts the cursor in its note; hovering shows the note', async () => {
    const doc = await openSeedArticle();
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const headline = SEED.headlines[1];
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.trim() === headline);
    assert.ok(line >= 0, 'headline line');
    const start = doc.lineAt(line).firstNonWhitespaceCharacterIndex;
    editor.selection = new vscode.Selection(line, start, line, start + headline.length);
    assert.ok(await vscode.commands.executeCommand<boolean>('galley.annotateSelection'));
    await vscode.commands.executeCommand('type', { text: '#claim check the SNL quote' });
    const live = await waitFor('the note to be typed', () => {
      const d = liveDocument(doc.uri);
      return d?.lineAt(line).text.includes(`{==${headline}==}{>>#claim check the SNL quote<<}`) ? d : undefined;
    });
    const pos = new vscode.Position(line, start + 10);
    const text = await waitFor('a hover with the note', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', live.uri, pos));
      return t.includes('check the SNL quote') ? t : undefined;
    });
    assert.ok(text.includes('#claim'), text);
    // the outline still names the story by its headline, with the note under it
    const symbols = await waitFor('the outline', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', live.uri);
      return s?.some((x) => x.name === headline && x.children.some((c) => c.name.includes('#claim'))) ? s : undefined;
    });
    assert.ok(symbols.length >= SEED.headlines.length);
  });

  it('Clean Article as Suggestions marks the cruft; accepting all changes in the file leaves nothing to clean and keeps the note', async () => {
    const doc = liveDocument(workspaceUri('seed.article'))!;
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('ui-label diagnostics', () => galleyDiagnostics(doc.uri, 'ui-label').length > 0);
    const marked = await vscode.commands.executeCommand<number>('galley.cleanAsSuggestions');
    assert.ok(marked > 5, `${marked} suggestions`);
    const withMarks = await waitFor('the suggestions in the text', () => {
      const d = liveDocument(doc.uri);
      return d && d.getText().includes(`{--${SEED.uiLabelText}--}`) ? d : undefined;
    });
    // the marked cruft is the user's to review: no longer flagged
    await waitFor('no ui-label diagnostics on the marked text', () => galleyDiagnostics(doc.uri, 'ui-label').length === 0);
    const at = withMarks.positionAt(withMarks.getText().indexOf(`{--${SEED.uiLabelText}--}`) + 4);
    const actions = await waitFor('review actions', async () => {
      const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', withMarks.uri, new vscode.Range(at, at));
      return a?.some((x) => /^Accept all \d+ changes in this file/.test(x.title)) ? a : undefined;
    });
    const acceptAll = actions.find((x) => /^Accept all \d+ changes in this file/.test(x.title))!;
    assert.ok(await vscode.workspace.applyEdit(acceptAll.edit!));
    const accepted = await waitFor('the changes accepted', () => {
      const d = liveDocument(doc.uri);
      return d && !d.getText().includes('{--') && !d.getText().includes('{~~') ? d : undefined;
    });
    assert.ok(!accepted.getText().includes(SEED.uiLabelText), 'the cut line is gone');
    assert.ok(accepted.getText().includes('{>>#claim check the SNL quote<<}'), 'the note stays');
    await vscode.window.showTextDocument(accepted, { preview: false });
    assert.strictEqual(await vscode.commands.executeCommand<number>('galley.cleanArticle'), 0, 'nothing left to clean');
  });

  it('Export Annotations writes the digest and the JSON beside the article', async () => {
    const doc = liveDocument(workspaceUri('seed.article'))!;
    await vscode.window.showTextDocument(doc, { preview: false });
    const files = await vscode.commands.executeCommand<{ markdown: vscode.Uri; json: vscode.Uri }>('galley.exportAnnotations');
    assert.ok(files, 'no files');
    exported.push(files.markdown, files.json);
    const md = Buffer.from(await vscode.workspace.fs.readFile(files.markdown)).toString('utf8');
    // the highlighted headline is the quoted passage (which story the cleaned page puts it
    // in is the model's reading, tested elsewhere)
    assert.ok(md.includes(`> ${SEED.headlines[1]}`), md);
    assert.match(md, /^## /m);
    assert.ok(md.includes('#claim check the SNL quote'), md);
    assert.match(md, /\[line \d+\]\(seed\.article#L\d+\)/);
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(files.json)).toString('utf8'));
    assert.deepStrictEqual(json.annotations.map((a: { kind: string; tags: string[] }) => [a.kind, a.tags]), [['highlight', ['#claim']]]);
  });
  it('Add Note inserts a standalone note at the cursor and puts the cursor in it; the Outline lists it under its story', async () => {
    const doc = liveDocument(workspaceUri('seed.article'))!;
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.trim() === SEED.headlines[1]) + 2;
    const end = doc.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.ok(await vscode.commands.executeCommand<boolean>('galley.addNote'));
    await vscode.commands.executeCommand('type', { text: '#source ask the court' });
    const live = await waitFor('the note to be typed', () => {
      const d = liveDocument(doc.uri);
      return d?.lineAt(line).text.endsWith('{>>#source ask the court<<}') ? d : undefined;
    });
    await waitFor('the note in the Outline', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', live.uri);
      return s?.some((x) => x.children.some((c) => c.name.includes('#source ask the court'))) ? s : undefined;
    });
  });
});
