// Reading VS Code's settings files for the command line: comments, trailing commas,
// flat and nested keys, the nearest .vscode/settings.json.
import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { galleySection, SettingsResolver, stripJsonc } from '../../cli/src/config';

describe('command line: settings files', () => {
  it('reads JSON with comments and trailing commas, leaving strings alone', () => {
    const text = `{
      // a comment, "with quotes"
      "a": "http://x/* not a comment */", /* block */
      "b": [1, 2,],
      "c": "a, ]",
    }`;
    assert.deepStrictEqual(JSON.parse(stripJsonc(text)), { a: 'http://x/* not a comment */', b: [1, 2], c: 'a, ]' });
  });

  it('gathers the galley section from flat and nested keys', () => {
    assert.deepStrictEqual(
      galleySection({ 'galley.rules.ui-label': 'off', 'galley.fixAll.kinds': ['spacing'], galley: { maxFileSize: 10 }, 'editor.wordWrap': 'on' }),
      { rules: { 'ui-label': 'off' }, fixAll: { kinds: ['spacing'] }, maxFileSize: 10 },
    );
  });

  it('takes the nearest .vscode/settings.json above a folder, and defaults without one', () => {
    const root = mkdtempSync(join(tmpdir(), 'galley-config-'));
    try {
      mkdirSync(join(root, 'a', 'b', '.vscode'), { recursive: true });
      mkdirSync(join(root, '.vscode'));
      writeFileSync(join(root, '.vscode', 'settings.json'), '{ "galley.rules.spacing": "error" }');
      writeFileSync(join(root, 'a', 'b', '.vscode', 'settings.json'), '{ "galley.rules.spacing": "off", "galley.maxNumberOfProblems": 7 }');
      const r = new SettingsResolver();
      assert.strictEqual(r.forDir(join(root, 'a')).settings.rules.spacing, 'error');
      assert.strictEqual(r.forDir(join(root, 'a', 'b')).settings.rules.spacing, 'off');
      assert.strictEqual(r.forDir(join(root, 'a', 'b')).settings.maxNumberOfProblems, 7);
      const fixed = new SettingsResolver(join(root, '.vscode', 'settings.json'));
      assert.strictEqual(fixed.forDir(join(root, 'a', 'b')).settings.rules.spacing, 'error', '--config wins');
      assert.strictEqual(new SettingsResolver().forDir(tmpdir()).settings.rules.spacing, 'warning');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
