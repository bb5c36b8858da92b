#!/usr/bin/env node
// Runs the extension-host tests (out/test/host/suite/index.js, built by `npm run build`)
// inside a real VS Code, with this folder's extension loaded as a development extension.
//
// Two hosts, one suite:
//   electron     VS Code desktop 1.139.1 downloaded by @vscode/test-electron (needs
//                update.code.visualstudio.com); on Linux without a display under xvfb-run.
//   code-server  the same VS Code 1.139.1 as server + web workbench (npm code-server,
//                installed on demand into the cache by install-code-server.mjs), rendered
//                by headless Debian chromium and driven with playwright-core. Needs only
//                the npm registry (+ apt packages, see install-code-server.mjs).
//   auto         (default) electron if VS Code is already downloaded or can be downloaded
//                now (a short, bounded attempt; skipped when CI=true and nothing is cached),
//                else code-server.
//
// usage: node test/host/run.mjs [--host auto|electron|code-server] [--grep PATTERN]
//                               [--timeout SEC] [--keep] [--verbose] [--vsix FILE]
//
// --vsix FILE installs the packaged extension (`npm run package`) into the run's fresh
// extensions folder with `--install-extension`, and runs test/host/vsix/ instead of the
// suite, with an empty probe as the development extension: the Galley under test is
// the packaged one.
// env:   GALLEY_TEST_HOST, GALLEY_TEST_GREP, GALLEY_TEST_TIMEOUT (default 300),
//        GALLEY_VSCODE_CACHE (default ~/.cache/galley/vscode-host), CI
//
// The last line printed is always `ext-host: N passed, N failed`; the exit code is 0 only
// if every selected test passed. A run that cannot start, crashes, or hits the watchdog
// exits non-zero and counts as one more failure. The workspace (test/host/workspace) is
// copied to a temporary directory first, and that directory is removed afterwards together
// with the user data, logs and every process the run started.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HostSetupError, VSCODE_VERSION, cacheDir, ensureCodeServerHost, onPath } from './install-code-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..'); // the extension (package.json)
let SUITE = path.join(ROOT, 'out', 'test', 'host', 'suite', 'index.js');
// the development extension: this folder, or (--vsix) an empty probe beside the installed .vsix
let DEV_PATH = ROOT;
const WORKSPACE = path.join(HERE, 'workspace');
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ electron child
// The electron host runs in a child process of this script (in its own process group, under
// xvfb-run when there is no display), so that the watchdog can end VS Code and everything
// it started at once. The child only calls runTests().
if (process.argv[2] === '--electron-child') {
  const cfg = JSON.parse(process.env.GALLEY_ELECTRON_CHILD || '{}');
  delete process.env.GALLEY_ELECTRON_CHILD; // runTests passes process.env on to VS Code
  const { runTests } = require('@vscode/test-electron');
  try {
    await runTests(cfg);
    process.exit(0);
  } catch (e) {
    process.stderr.write(`[ext-host] VS Code exited: ${e?.message ?? e}\n`);
    process.exit(typeof e?.code === 'number' && e.code !== 0 ? e.code : 1);
  }
}

const { values: opt } = util.parseArgs({
  options: {
    host: { type: 'string', default: process.env.GALLEY_TEST_HOST || 'auto' },
    grep: { type: 'string', short: 'g', default: process.env.GALLEY_TEST_GREP || '' },
    timeout: { type: 'string', default: process.env.GALLEY_TEST_TIMEOUT || '300' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    vsix: { type: 'string', default: '' },
  },
  strict: true,
});
if (opt.help) {
  process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 25).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}

if (opt.vsix) {
  opt.vsix = path.resolve(opt.vsix);
  if (!fs.existsSync(opt.vsix)) {
    process.stderr.write(`${opt.vsix} not found: run \`npm run package\` first\next-host: 0 passed, 1 failed\n`);
    process.exit(1);
  }
  SUITE = path.join(ROOT, 'out', 'test', 'host', 'vsix', 'index.js');
  DEV_PATH = path.join(HERE, 'vsix', 'probe');
}

const T0 = Date.now();
const log = (...a) => process.stderr.write(`[ext-host ${((Date.now() - T0) / 1000).toFixed(1)}s] ${util.format(...a)}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ run state + cleanup
const SYSTEM_TMP = os.tmpdir();
let runDir; // everything the run writes (except the cache) lives here
let resultFile;
const groups = new Set(); // process-group ids we spawned (detached)
let browser; // playwright BrowserContext
let finished = false;

async function killGroup(pgid) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(); i++) await sleep(100);
  if (alive()) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

async function cleanup() {
  if (browser) {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    browser = undefined;
  }
  for (const g of groups) await killGroup(g);
  groups.clear();
  if (runDir) {
    if (opt.keep) log(`kept ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  }
}

function readResult() {
  try {
    return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Prints the summary and exits. `hostCode`: exit code reported by the host (0 = run()
 * resolved), or a string describing why the run did not complete.
 */
async function finish(hostCode, exitCode) {
  if (finished) return;
  finished = true;
  const r = resultFile ? readResult() : undefined;
  let passed = r?.passed ?? 0;
  let failed = r?.failed ?? 0;
  let ok = hostCode === 0 && r?.done === true && failed === 0;
  if (typeof hostCode === 'string') {
    log(`ERROR: ${hostCode}`);
    failed += 1; // the aborted run
  } else if (hostCode === 0 && !r?.done) {
    log('ERROR: the host exited without the suite reporting its end');
    failed += 1;
    ok = false;
  } else if (hostCode !== 0 && failed === 0) {
    log(`ERROR: the host exited with code ${hostCode}`);
    failed += 1;
  }
  if (ok && passed + failed === 0) {
    log(`ERROR: no test matched${opt.grep ? ` --grep ${opt.grep}` : ''}`);
    ok = false;
  }
  for (const f of r?.failures ?? []) log(`failed: ${f.title}: ${f.error}`);
  await cleanup();
  process.stdout.write(`ext-host: ${passed} passed, ${failed} failed\n`);
  process.exit(ok ? 0 : (exitCode ?? 1));
}

// The watchdog covers the run itself, started once the host is installed (a cold install
// of code-server takes minutes and ends by itself).
function startWatchdog() {
  const sec = Number(opt.timeout);
  const timer = setTimeout(() => {
    finish(`watchdog: no result after ${sec}s (--timeout / GALLEY_TEST_TIMEOUT)`, 124).then(() => {}, () => process.exit(124));
  }, sec * 1000);
  timer.unref();
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(`interrupted (${sig})`, 130));

// ------------------------------------------------------------------ common preparation
function prepare(hostName) {
  if (!fs.existsSync(SUITE)) throw new HostSetupError(`${path.relative(process.cwd(), SUITE)} not found: run \`npm run build\` first`);
  startWatchdog();
  runDir = fs.mkdtempSync(path.join(SYSTEM_TMP, 'galley-ext-host-'));
  // node (playwright's artifacts), VS Code (ipc sockets, compile cache) and Chromium put
  // temp files into TMPDIR: keep them inside the run directory
  const tmp = path.join(runDir, 'tmp');
  fs.mkdirSync(tmp);
  process.env.TMPDIR = tmp;
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(WORKSPACE, workspace, { recursive: true });
  const userData = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'files.autoSave': 'off', // the web workbench defaults to afterDelay; tests never write to disk
        'workbench.startupEditor': 'none',
        'workbench.enableExperiments': false,
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  const extensions = path.join(runDir, 'extensions');
  fs.mkdirSync(extensions);
  resultFile = path.join(runDir, 'result.json');
  const testEnv = {
    GALLEY_TEST_HOST: hostName,
    GALLEY_TEST_EXTENSIONS_DIR: extensions,
    GALLEY_TEST_RESULT: resultFile,
    ...(opt.grep ? { GALLEY_TEST_GREP: opt.grep } : {}),
  };
  return { workspace, userData, extensions, tmp, testEnv };
}

/** process.env without variables of an enclosing VS Code / Electron (e.g. when run from VS Code's terminal). */
function hostEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || /^npm_/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

// ------------------------------------------------------------------ electron
const electronCache = () => path.join(cacheDir(), 'electron');

function electronCached() {
  const platform = process.platform === 'linux' ? (process.arch === 'arm64' ? 'linux-arm64' : process.arch === 'arm' ? 'linux-armhf' : 'linux-x64')
    : process.platform === 'darwin' ? (process.arch === 'arm64' ? 'darwin-arm64' : 'darwin')
      : process.arch === 'arm64' ? 'win32-arm64-archive' : 'win32-x64-archive';
  return fs.existsSync(path.join(electronCache(), `vscode-${platform}-${VSCODE_VERSION}`, 'is-complete'));
}

/**
 * Downloads (or finds) VS Code VSCODE_VERSION with @vscode/test-electron. Bounded: gives up
 * if the download has not started within `startTimeoutMs` (unreachable or blackholed
 * network); once bytes flow, test-electron's own idle timeout applies.
 * @returns the executable path, or throws
 */
async function downloadElectron(startTimeoutMs) {
  const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
  let started = false;
  let lastPct = -10;
  const reporter = {
    report(r) {
      if (r.stage === 'foundMatchingInstall' || r.stage === 'newInstallComplete') started = true;
      if (r.stage === 'downloading') {
        started = true;
        const pct = r.totalBytes ? Math.floor((100 * r.bytesSoFar) / r.totalBytes) : 0;
        if (pct >= lastPct + 10) {
          lastPct = pct;
          log(`downloading VS Code ${VSCODE_VERSION}: ${pct}%`);
        }
      }
      if (r.stage === 'retrying') log(`download failed (${r.error?.message}), retry ${r.attempt}/${r.totalAttempts}`);
    },
    error(e) {
      log(`download error: ${e?.message ?? e}`);
    },
  };
  const download = downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: electronCache(), reporter, timeout: 15_000 });
  let timer;
  const bounded = new Promise((_, reject) => {
    const check = () => (started ? undefined : reject(new Error(`no download within ${startTimeoutMs / 1000}s`)));
    timer = setTimeout(check, startTimeoutMs);
  });
  try {
    return await Promise.race([download, bounded]);
  } finally {
    clearTimeout(timer);
    download.catch(() => {}); // abandoned on timeout
  }
}

/** Installs the .vsix (--vsix) with a host's own command line; throws if it fails. */
function installVsix(cmd, args, extensions) {
  log(`installing ${path.basename(opt.vsix)} into ${extensions}`);
  const r = spawnSync(cmd, [...args, '--install-extension', opt.vsix, '--extensions-dir', extensions, '--force'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: hostEnv({ XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), XDG_DATA_HOME: path.join(runDir, 'xdg-data'), XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'), EXTENSIONS_GALLERY: '{}' }),
  });
  const installed = fs.existsSync(extensions) && fs.readdirSync(extensions).some((d) => d.startsWith('galley.galley-'));
  if (r.status !== 0 || !installed) throw new HostSetupError(`--install-extension ${opt.vsix} failed (${r.error?.message ?? r.status}): ${(r.stdout + r.stderr).slice(-1500)}`);
}

async function runElectron(vscodeExecutablePath) {
  const p = prepare('electron');
  if (opt.vsix) {
    const { resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    installVsix(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir')), `--user-data-dir=${p.userData}`], p.extensions);
  }
  const cfg = {
    version: VSCODE_VERSION,
    vscodeExecutablePath,
    extensionDevelopmentPath: DEV_PATH,
    extensionTestsPath: SUITE,
    extensionTestsEnv: p.testEnv,
    launchArgs: [
      p.workspace,
      `--user-data-dir=${p.userData}`,
      `--extensions-dir=${p.extensions}`,
      '--disable-telemetry',
    ],
  };
  let cmd = process.execPath;
  let args = [fileURLToPath(import.meta.url), '--electron-child'];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const xvfb = onPath('xvfb-run');
    if (xvfb) {
      args = ['-a', cmd, ...args];
      cmd = xvfb;
    } else log('warning: no DISPLAY and no xvfb-run (apt-get install xvfb): VS Code may fail to start');
  }
  log(`starting VS Code ${VSCODE_VERSION} (electron)`);
  const child = spawn(cmd, args, {
    detached: true, // own process group: VS Code, its extension host and the language server die with it
    stdio: ['ignore', 'inherit', 'inherit'],
    env: hostEnv({
      GALLEY_ELECTRON_CHILD: JSON.stringify(cfg),
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
      TMPDIR: p.tmp,
    }),
  });
  groups.add(child.pid);
  const code = await new Promise((resolve) => {
    child.on('error', (e) => resolve(`cannot start VS Code: ${e.message}`));
    child.on('exit', (c, sig) => resolve(sig ? `VS Code was killed by ${sig}` : c));
  });
  await finish(code);
}

// ------------------------------------------------------------------ code-server
async function startCodeServer(host, p) {
  const args = [
    host.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', p.userData,
    '--extensions-dir', p.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // lets the workbench accept extensionDevelopmentPath / extensionTestsPath from the URL
    // payload (a built workbench ignores them otherwise) and exposes window.driver
    '--vscode-option', 'enable-smoke-test-driver',
    p.workspace,
  ];
  const env = hostEnv({
    ...p.testEnv,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), // code-server's config.yaml
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'), // @vscode/deviceid writes Microsoft/DeveloperTools/deviceid here
    TMPDIR: p.tmp, // vscode-ipc-*.sock, node's compile cache
    EXTENSIONS_GALLERY: '{}', // no marketplace queries
  });
  const server = spawn(host.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.add(server.pid);
  const serverLog = fs.createWriteStream(path.join(runDir, 'server.log'));
  const port = await new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d) => {
      serverLog.write(d);
      if (opt.verbose) process.stderr.write(d);
      buf += d.toString();
      const m = buf.match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('exit', (c) => reject(new Error(`code-server exited during startup (${c}):\n${buf.slice(-2000)}`)));
  });
  return { server, port };
}

async function runCodeServer() {
  const host = await ensureCodeServerHost({ log: (m) => log(m) });
  const p = prepare('code-server');
  if (opt.vsix) installVsix(host.node, [host.codeServerEntry, '--user-data-dir', p.userData], p.extensions);
  const { server, port } = await startCodeServer(host, p);
  log(`code-server ${host.codeServerVersion} (VS Code ${host.vscodeVersion}) on 127.0.0.1:${port}`);
  const hostDied = new Promise((resolve) => server.on('exit', (c, sig) => resolve(`code-server exited during the run (${sig ?? c})`)));

  const { chromium } = createRequire(path.join(host.playwrightCore, 'package.json'))(host.playwrightCore);
  browser = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: host.chromium,
    headless: true,
    // our own handlers end the run (and the server's process group) on signals
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's crash database and caches go under XDG dirs: keep them out of $HOME
    env: { ...hostEnv({}), XDG_CONFIG_HOME: path.join(runDir, 'chromium-config'), XDG_CACHE_HOME: path.join(runDir, 'chromium-cache'), TMPDIR: p.tmp },
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-breakpad', '--disable-crash-reporter'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  if (opt.verbose) page.on('console', (m) => log(`[workbench ${m.type()}] ${m.text().slice(0, 500)}`));

  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  // The web workbench reports extension-test output and the result through these two
  // functions when it runs extensionTestsPath (the hooks VS Code's browser integration tests use).
  // That log carries the workbench's own log too: show it only with --verbose, i.e. show
  // nothing before the suite's first line, and no workbench stack traces or chatter after it.
  let suiteStarted = false;
  const workbenchNoise = /\/static\/out\/vs\/|(Ignoring fetching|Updating) additional builtin extensions|No search provider registered|^\[AccountPolicyGate\]/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (line.startsWith('Galley extension-host tests')) suiteStarted = true; // either suite's first line
    if (!opt.verbose && (!suiteStarted || workbenchNoise.test(line))) return;
    (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code) => exitResolve(Number(code)));
  const crashed = new Promise((resolve) => {
    page.on('crash', () => resolve('the workbench page crashed'));
    browser.on('close', () => resolve('chromium closed unexpectedly'));
  });

  const authority = `127.0.0.1:${port}`;
  const remote = (f) => `vscode-remote://${authority}${f.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(DEV_PATH)],
    ['extensionTestsPath', remote(SUITE)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(p.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  log('workbench loading; running the suite in its extension host');
  const outcome = await Promise.race([exited, hostDied, crashed]);
  await finish(outcome);
}

// ------------------------------------------------------------------ host selection
async function main() {
  const want = opt.host;
  if (!(Number(opt.timeout) > 0)) throw new HostSetupError(`--timeout must be a number of seconds (got ${opt.timeout})`);
  if (!['auto', 'electron', 'code-server'].includes(want)) throw new HostSetupError(`--host / GALLEY_TEST_HOST must be auto, electron or code-server (got ${want})`);
  if (want === 'code-server') return runCodeServer();
  if (want === 'electron') {
    let exe;
    try {
      exe = await downloadElectron(60_000);
    } catch (e) {
      throw new HostSetupError(`cannot download VS Code ${VSCODE_VERSION} with @vscode/test-electron (${String(e?.message ?? e).split('\n')[0]}); without access to update.code.visualstudio.com use GALLEY_TEST_HOST=code-server (or auto)`);
    }
    return runElectron(exe);
  }

  if (process.env.CI === 'true' && !electronCached()) {
    log(`CI: VS Code ${VSCODE_VERSION} desktop is not cached; using code-server without trying to download it`);
    return runCodeServer();
  }
  let exe;
  try {
    exe = await downloadElectron(20_000);
  } catch (e) {
    log(`VS Code desktop unavailable (${String(e?.message ?? e).split('\n')[0]}); falling back to code-server`);
    return runCodeServer();
  }
  return runElectron(exe);
}

try {
  await main();
} catch (e) {
  await finish(e instanceof HostSetupError ? e.message : String(e?.stack ?? e));
}
