import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, galleyExtension, openInEditor, waitFor } from './util';

describe('activation', () => {
  it('loads the galley.galley extension into the host', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
    const languages: { id: string }[] = ext.packageJSON?.contributes?.languages ?? [];
    assert.ok(languages.some((l) => l.id === 'article'), 'package.json contributes the language "article"');
  });

  it('activates when an .article file is opened', async () => {
    const ext = galleyExtension();
    const doc = await openInEditor('seed.article');
    assert.strictEqual(doc.languageId, 'article');
    try {
      await waitFor('the extension to activate (activation event onLanguage:article)', () => ext.isActive, 20_000);
    } catch (e) {
      // not active: activating by hand surfaces the error thrown by activate(), if any
      let why = '';
      await Promise.resolve(ext.activate()).then(
        () => (why = ' (ext.activate() by hand succeeded: the activation event did not fire)'),
        (err: unknown) => (why = ` (activate() fails: ${err instanceof Error ? err.message : String(err)})`),
      );
      throw new Error(`${(e as Error).message}${why}`);
    }
  });
});
