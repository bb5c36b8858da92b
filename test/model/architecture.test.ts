// The map's first invariant (ARCHITECTURE.md): server/src/article/ is pure. It imports
// neither VS Code nor the LSP libraries nor anything outside its folder beyond Node's
// own modules, so the same model runs in the server, the command line and the tests.
import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

describe('architecture: the model is pure', () => {
  it('no file of server/src/article imports vscode, an LSP library or code outside its folder', () => {
    const dir = join(repoRoot, 'server', 'src', 'article');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 10, `only ${files.length} files`);
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        const local = spec.startsWith('./');
        const node = spec.startsWith('node:');
        if (!local && !node) bad.push(`${f}: ${spec}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });
});
