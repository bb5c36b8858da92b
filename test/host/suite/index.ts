// Entry point of the extension-host tests (extensionTestsPath). Both hosts load it:
// VS Code desktop via @vscode/test-electron and VS Code's server + web workbench
// (code-server) via test/host/run.mjs. Same contract as @vscode/test-electron:
// `run(): Promise<void>`, rejected when a test failed.
//
// Env (set by run.mjs, reaching the extension host in both hosts):
//   GALLEY_TEST_GREP    mocha grep (a regular expression) over "describe it" titles
//   GALLEY_TEST_RESULT  file to write {passed, failed, …} into, updated after every test,
//                       so the runner can count even when the host dies mid-run
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

interface Result {
  host: string;
  vscodeVersion: string;
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  done: boolean;
}

export function run(): Promise<void> {
  return runTests(__dirname, 'Galley extension-host tests');
}

/** Runs the `*.test.js` files of a folder (this suite's, or test/host/vsix/'s). */
export function runTests(here: string, title: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.GALLEY_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  for (const f of fs.readdirSync(here).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(here, f));

  const result: Result = {
    host: process.env.GALLEY_TEST_HOST ?? 'unknown',
    vscodeVersion: vscode.version,
    passed: 0,
    failed: 0,
    pending: 0,
    failures: [],
    done: false,
  };
  const resultFile = process.env.GALLEY_TEST_RESULT;
  const save = () => {
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  };
  save();

  return new Promise((resolve, reject) => {
    // run.mjs starts echoing the host's log at this line (code-server mixes in the workbench's log)
    console.log(`${title} in VS Code ${vscode.version} (${result.host})${grep ? `, grep /${grep}/` : ''}`);
    const runner = mocha.run((failures) => {
      result.done = true;
      save();
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => {
      result.passed++;
      save();
    });
    runner.on('fail', (test, err: Error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: String(err?.message ?? err).split('\n')[0] });
      save();
    });
    runner.on('pending', () => {
      result.pending++;
      save();
    });
  });
}
