#!/usr/bin/env node
// `npm test`: build, type-check, unit + LSP + grammar + command-line + Neovim tests
// (mocha), then the extension-host tests in a real VS Code, then the packaged .vsix
// installed into that VS Code. Every stage runs even if an earlier one
// failed, and the last line sums them up: `N passed, N failed`.
//
//   node scripts/test.mjs [--no-host]      --no-host skips the VS Code stage
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const withHost = !args.includes('--no-host') && process.env.GALLEY_SKIP_HOST_TESTS !== '1';

/** Runs a command, echoing its output, and returns { code, output }. */
function run(cmd, argv) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream, to) => stream.on('data', (d) => {
      output += d;
      to.write(d);
    });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (e) => resolve({ code: 1, output: String(e) }));
  });
}

const stages = [];
let passed = 0;
let failed = 0;

function banner(name) {
  process.stdout.write(`\n=== ${name}\n`);
}

banner('build');
const build = await run('node', ['scripts/build.mjs']);
stages.push(['build', build.code === 0]);
if (build.code !== 0) failed++;

banner('type check');
const tsc = await run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit']);
stages.push(['type check', tsc.code === 0]);
if (tsc.code !== 0) failed++;

if (build.code === 0) {
  banner('unit, LSP and grammar tests (mocha)');
  const mocha = await run('npx', ['--no-install', 'mocha']);
  const p = /(\d+) passing/.exec(mocha.output);
  const f = /(\d+) failing/.exec(mocha.output);
  passed += p ? Number(p[1]) : 0;
  failed += f ? Number(f[1]) : 0;
  if (mocha.code !== 0 && !f) failed++; // crashed before reporting
  stages.push(['mocha', mocha.code === 0]);

  if (withHost) {
    /** One run of test/host/run.mjs, counted from its `ext-host: N passed, N failed` line. */
    const hostStage = async (name, argv) => {
      const host = await run('node', ['test/host/run.mjs', ...argv]);
      const m = /ext-host: (\d+) passed, (\d+) failed/.exec(host.output);
      if (m) {
        passed += Number(m[1]);
        failed += Number(m[2]);
      } else if (host.code !== 0) failed++;
      stages.push([name, host.code === 0]);
    };
    banner('extension-host tests (real VS Code)');
    await hostStage('extension host', []);

    // the packaged extension: built with vsce, installed into a fresh extensions folder
    banner('packaged extension (npm run package, installed into a real VS Code)');
    const pack = await run('npm', ['run', 'package']);
    if (pack.code === 0) await hostStage('packaged extension', ['--vsix', 'galley.vsix']);
    else {
      failed++;
      stages.push(['packaged extension', false]);
    }
  }
}

process.stdout.write('\n' + stages.map(([n, ok]) => `${ok ? '✔' : '✘'} ${n}`).join('   ') + '\n');
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && stages.every(([, ok]) => ok) ? 0 : 1);
