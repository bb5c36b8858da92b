#!/usr/bin/env node
// `npm run sample`: opens the sample scrape in VS Code with Galley loaded as a
// development extension.
//   - with VS Code's `code` command on PATH: a new VS Code window;
//   - without it: VS Code in the browser (code-server from npm, installed on demand
//     into the same cache as the extension-host tests), served on 127.0.0.1; open the
//     printed address. Ctrl-C stops it.
//   node scripts/sample.mjs [FILE] [--port N] [--browser]   (--browser: use code-server even if `code` exists)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServerHost, onPath } from '../test/host/install-code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const file = path.resolve(args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--port') ?? path.join(ROOT, 'sample', 'protocol-section-page.txt'));
if (!fs.existsSync(file)) {
  console.error(`no such file: ${file}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first (npm run sample does).');
  process.exit(2);
}
const folder = path.dirname(file);

const code = !flag('--browser') && onPath('code');
if (code) {
  console.log(`Opening ${path.relative(ROOT, file)} in VS Code with Galley loaded (extension development host)…`);
  const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder, file], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
} else {
  const host = await ensureCodeServerHost();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-sample-'));
  const port = Number(value('--port', '8080'));
  const server = spawn(
    host.node,
    [
      host.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', path.join(data, 'user-data'), '--extensions-dir', path.join(data, 'extensions'),
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
      // lets the workbench load a development extension from the URL (as F5 in VS Code does)
      '--vscode-option', 'enable-smoke-test-driver',
      folder,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, XDG_CONFIG_HOME: path.join(data, 'config'), XDG_DATA_HOME: path.join(data, 'data'), EXTENSIONS_GALLERY: '{}' } },
  );
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fs.rmSync(data, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let shown = false;
  const onData = (d) => {
    const m = /HTTP server listening on (http:\/\/[^\s]+)/.exec(String(d));
    if (!m || shown) return;
    shown = true;
    const base = m[1].replace(/\/$/, '');
    const remote = (f) => `vscode-remote://127.0.0.1:${port}${f.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['openFile', remote(file)], ['skipWelcome', 'true']];
    console.log(`\nVS Code ${host.vscodeVersion} with Galley, serving ${path.relative(ROOT, file)}. Open:\n\n  ${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}\n\nCtrl-C to stop.`);
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  server.on('exit', (c) => {
    console.error(`code-server exited (${c})`);
    fs.rmSync(data, { recursive: true, force: true });
    process.exit(c ?? 1);
  });
}
