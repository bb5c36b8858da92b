// Entry point of the packaged-extension test (run.mjs --vsix FILE): VS Code runs it with
// the .vsix installed into a fresh extensions folder and only an empty probe
// (test/host/vsix/probe) as the development extension, so the Galley it sees is the
// packaged one.
import { runTests } from '../suite/index';

export function run(): Promise<void> {
  return runTests(__dirname, 'Galley extension-host tests (packaged .vsix)');
}
