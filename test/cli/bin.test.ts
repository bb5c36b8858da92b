// The package's two commands: `galley` (the command line) and `galley-language-server`
// (the server every editor runs), as npm installs them from package.json's `bin`.
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';
import { LspClient, pushCapabilities } from '../lsp/client';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('command line: the package’s bins', function () {
  this.timeout(60_000);

  it('runs `npx galley` from this folder', () => {
    const r = spawnSync('npx', ['--no-install', 'galley', '--version'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout.trim(), `galley ${pkg.version}`);
  });

  it('declares galley-language-server as the server VS Code runs, executable as it is', async () => {
    assert.strictEqual(pkg.bin['galley-language-server'], './dist/server.js');
    assert.ok(readFileSync(join(repoRoot, 'dist', 'server.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
    // the file the bin names answers initialize over stdio
    const client = new LspClient();
    try {
      const init = await client.initialize(pushCapabilities());
      assert.strictEqual(init.serverInfo?.name, 'galley');
    } finally {
      await client.kill();
    }
  });
});
