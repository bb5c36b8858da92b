// Running the built command line (dist/cli.js) from the tests, and temporary folders of
// corpus pages for it to work on.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';

export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const devDir = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
export const seedDir = join(repoRoot, 'test', 'fixtures', 'seed');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} does not exist: build first (npm run build)`);
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...options.env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The dev corpus pages (.txt), sorted. */
export function devPages(): string[] {
  return readdirSync(devDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** A temporary folder; `site/` holds a copy of the dev corpus pages named (all by default). */
export function corpusCopy(names: readonly string[] = devPages()): { root: string; site: string } {
  const root = mkdtempSync(join(tmpdir(), 'galley-cli-'));
  const site = join(root, 'site');
  mkdirSync(site);
  for (const n of names) copyFileSync(join(devDir, n), join(site, n));
  return { root, site };
}
