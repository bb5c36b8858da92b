// The "Ignore …" quick fixes end to end: the server's action carries a command, the
// client runs it and writes the workspace settings (.vscode/settings.json), the server
// hears the change and the diagnostics go.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, codeOf, galleyDiagnostics, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

const IGNORE = 'quickfix.galley.ignore';

async function ignoreAction(doc: vscode.TextDocument, range: vscode.Range, command: string): Promise<vscode.CodeAction> {
  return waitFor(`a ${command} action`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, IGNORE);
    return actions?.find((a) => a.command?.command === command);
  });
}

async function run(action: vscode.CodeAction): Promise<unknown> {
  return vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
}

async function workspaceSettingsFile(): Promise<Record<string, unknown>> {
  const bytes = await vscode.workspace.fs.readFile(workspaceUri('.vscode/settings.json'));
  return JSON.parse(new TextDecoder().decode(bytes));
}

describe('ignoring findings from a quick fix', () => {
  const uri = workspaceUri('seed.article');
  const galley = () => vscode.workspace.getConfiguration('galley', uri);
  after(async () => {
    await galley().update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    await galley().update('rules.image-credit', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndClose(uri);
  });

  it('"Ignore this ui-label in the workspace" writes galley.ignore to .vscode/settings.json and the diagnostic goes', async () => {
    const doc = await openSeedArticle();
    const text = (d: vscode.Diagnostic) => doc.lineAt(d.range.start.line).text.trim();
    const diag = await waitFor('the ui-label diagnostic on "Keep ReadingShow less"', () =>
      galleyDiagnostics(doc.uri, 'ui-label').find((d) => d.range.start.line === SEED.uiLabelLine),
    );
    const others = galleyDiagnostics(doc.uri, 'ui-label').filter((d) => text(d) !== SEED.uiLabelText);
    assert.ok(others.length > 0, 'no other ui-label to tell apart');
    assert.strictEqual(galley().inspect<string[]>('ignore')?.workspaceValue, undefined, 'galley.ignore is already set');

    const action = await ignoreAction(doc, diag.range, 'galley.ignoreFinding');
    assert.strictEqual(action.kind?.value, IGNORE);
    assert.ok(!action.isPreferred, 'the ignore action is preferred');
    assert.strictEqual(action.edit, undefined);
    assert.match(action.title, /^Ignore this ui-label in the workspace/);
    await run(action);

    const fingerprint = 'ui-label:keep readingshow less';
    const info = galley().inspect<string[]>('ignore');
    assert.deepStrictEqual(info?.workspaceValue, [fingerprint]);
    assert.strictEqual(info?.globalValue, undefined, 'written to the user settings');
    assert.deepStrictEqual((await workspaceSettingsFile())['galley.ignore'], [fingerprint]);

    await waitFor('the "Keep ReadingShow less" diagnostics to go, the other ui-labels to stay', () => {
      const ui = galleyDiagnostics(doc.uri, 'ui-label');
      return ui.length > 0 && ui.every((d) => text(d) !== SEED.uiLabelText);
    });
    assert.deepStrictEqual(galleyDiagnostics(doc.uri, 'ui-label').map(text), others.map(text));
  });

  it('"Ignore all image-credit findings in the workspace" sets galley.rules.image-credit to "off" there', async () => {
    const doc = await openSeedArticle();
    const diag = await waitFor('an image-credit diagnostic', () => galleyDiagnostics(doc.uri, 'image-credit')[0]);
    const action = await ignoreAction(doc, diag.range, 'galley.ignoreKind');
    assert.strictEqual(action.title, 'Ignore all image-credit findings in the workspace');
    await run(action);

    assert.strictEqual(galley().inspect<string>('rules.image-credit')?.workspaceValue, 'off');
    assert.strictEqual((await workspaceSettingsFile())['galley.rules.image-credit'], 'off');
    await waitFor('no image-credit diagnostics, the other kinds still there', () => {
      const all = galleyDiagnostics(doc.uri);
      return all.length > 0 && all.every((d) => codeOf(d) !== 'image-credit');
    });
  });
});
