// Bundles the extension (client), the language server and the tests with esbuild.
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const builds = [
  // The client runs in VS Code's extension host: `vscode` is provided there.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server is self-contained so that `node dist/server.js --stdio` works anywhere.
  // (also the `galley-language-server` bin, hence the hashbang)
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // big documents are analysed on a thread of their own (server/src/analyser.ts)
  { ...common, entryPoints: ['server/src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // the command line (`galley` bin) and its worker threads
  { ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['cli/src/worker.ts'], outfile: 'dist/cliWorker.js' },
];
if (!production) {
  rmSync('out', { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: testEntries('test').filter((f) => !f.includes('/fixtures/')),
    outdir: 'out/test',
    outbase: 'test',
    // test dependencies (mocha, vscode-textmate…) are loaded from node_modules; `vscode` from the host
    packages: 'external',
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
