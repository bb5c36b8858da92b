import * as assert from 'assert';
import * as vscode from 'vscode';
import { galleyDiagnostics, galleyExtension, openSeedArticle, revertAndClose, waitFor, workspaceUri } from './util';

interface Api {
  status: { statusOf(uri: string): { skipped?: string; findings: number } | undefined; shown: { text: string } };
}

describe('galley.maxFileSize', () => {
  const galley = () => vscode.workspace.getConfiguration('galley');
  after(async () => {
    await galley().update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    await revertAndClose(workspaceUri('seed.article'));
  });

  it('leaves a larger file unanalysed, and the language status item says why', async () => {
    const doc = await openSeedArticle();
    await waitFor('diagnostics of the seed', () => galleyDiagnostics(doc.uri).length > 0);
    const api = galleyExtension().exports as Api;
    await waitFor('a status for the seed', () => api.status.statusOf(doc.uri.toString())?.findings);

    await galley().update('maxFileSize', 1000, vscode.ConfigurationTarget.Global);
    await waitFor('the seed not analysed', () => api.status.statusOf(doc.uri.toString())?.skipped);
    assert.match(api.status.statusOf(doc.uri.toString())!.skipped!, /above galley\.maxFileSize \(1 KB\)/);
    await waitFor('no diagnostics', () => galleyDiagnostics(doc.uri).length === 0);
    assert.match(api.status.shown.text, /not analysed: the file is \d+ KB, above galley\.maxFileSize/);

    await galley().update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the seed analysed again', () => !api.status.statusOf(doc.uri.toString())?.skipped && galleyDiagnostics(doc.uri).length > 0);
    assert.match(api.status.shown.text, /stor(y|ies), \d+ findings?/);
  });
});
