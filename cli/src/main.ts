#!/usr/bin/env node
// `galley`: the command line. The same model, settings filter, diagnostics and fix-all
// as the language server (server/src/), over files, folders and record streams.
//
//   galley check PATH… [--format text|json|sarif] [--fail-on SEVERITY]
//   galley clean PATH… [--write [--no-backup] | --out DIR]
//   galley clean --jsonl [--field text] [--site-field site]
//   galley outline FILE [--format text|json]
// common: [--config FILE] [--jobs N] [--no-progress]

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, SettingsResolver } from './config';
import { expandInputs, Input } from './inputs';
import { cleanJsonl } from './jsonl';
import { outlineText } from './outline';
import { Format, reporter, SEVERITY_NAME, SEVERITY_NUMBER, Summary } from './output';
import { createPool } from './pool';
import { Progress } from './progress';
import { runFiles, RunStats } from './run';
import { Output, Result, runTask } from './work';

const USAGE = `Usage:
  galley check PATH… [--format text|json|sarif] [--fail-on error|warning|information|hint|never]
  galley clean PATH… [--write [--no-backup] | --out DIR]
  galley clean --jsonl [--field NAME] [--site-field NAME]   (records on stdin, one JSON object a line)
  galley outline FILE [--format text|json]

PATH: files, folders (their *.article files and the *.txt files that read like a scrape), globs.
Options:
  --config FILE   settings file (VS Code's settings.json form); default: the nearest .vscode/settings.json
  --jobs N        worker threads (default: all cores, ${availableParallelism()} here)
  --no-progress   no progress bar (there is none when stderr is not a terminal)
  --no-index      no site-chrome evidence across a folder's scrapes
Exit code: 0; 1 when check finds problems at or above --fail-on (default: warning); 2 on usage
errors and files that could not be read.
`;

class UsageError extends Error {}

/** The package's version, from the package.json above dist/. */
function version(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

interface Args {
  command: string;
  paths: string[];
  flags: Map<string, string | true>;
}

const VALUED = new Set(['--format', '--fail-on', '--config', '--jobs', '--out', '--field', '--site-field']);
const BOOLEAN = new Set(['--write', '--no-backup', '--jsonl', '--no-progress', '--no-index', '--help', '--version']);

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string | true>();
  const paths: string[] = [];
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (VALUED.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        flags.set(name, v);
      } else if (BOOLEAN.has(name)) flags.set(name, true);
      else throw new UsageError(`unknown option ${name}`);
    } else if (a === '-h') flags.set('--help', true);
    else if (!command) command = a;
    else paths.push(a);
  }
  return { command, paths, flags };
}

function str(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function oneOf<T extends string>(args: Args, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(args, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function jobsOf(args: Args): number {
  const v = str(args, '--jobs');
  if (v === undefined) return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs must be a whole number ≥ 1');
  return n;
}

const out = (s: string) => void process.stdout.write(s);
const warn = (s: string) => void process.stderr.write(s);
const shown = (path: string) => relative(process.cwd(), path) || path;

/** A progress bar on stderr when it is a terminal (and not --no-progress). */
function progressFor(args: Args): Progress {
  return new Progress(!args.flags.has('--no-progress') && !!process.stderr.isTTY);
}

function reportProblem(path: string, r: Result): void {
  if (r.error) warn(`galley: ${shown(path)}: ${r.error}\n`);
  else if (r.skipped) warn(`galley: ${shown(path)}: not analysed: ${r.skipped}\n`);
}

function inputsOf(args: Args): Input[] {
  if (!args.paths.length) throw new UsageError(`galley ${args.command} needs at least one PATH`);
  const { inputs, missing } = expandInputs(args.paths);
  for (const m of missing) warn(`galley: ${m}: no such file\n`);
  return inputs;
}

async function check(args: Args): Promise<number> {
  const format = oneOf<Format>(args, '--format', ['text', 'json', 'sarif'], 'text');
  const failOn = oneOf(args, '--fail-on', ['error', 'warning', 'information', 'hint', 'never'], 'warning');
  const inputs = inputsOf(args);
  const pool = createPool(jobsOf(args));
  const progress = progressFor(args);
  const rep = reporter(format, out);
  const bySeverity: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let failing = false;
  let stats: RunStats;
  try {
    stats = await runFiles(
      inputs,
      {
        op: 'check',
        pool,
        settings: new SettingsResolver(str(args, '--config')),
        output: () => ({ kind: 'none' }),
        progress,
        evidence: !args.flags.has('--no-index'),
      },
      (input, r) => {
        progress.clear(); // the bar shares the terminal with the report
        reportProblem(input.path, r);
        for (const d of r.diagnostics ?? []) {
          bySeverity[SEVERITY_NAME[d.severity]]++;
          if (failOn !== 'never' && d.severity <= SEVERITY_NUMBER[failOn]) failing = true;
        }
        rep.file(input.path, r);
      },
    );
  } finally {
    await pool.close();
  }
  const summary: Summary = { files: stats.files, bySeverity, errors: stats.errors, skipped: stats.skipped };
  progress.clear();
  rep.end(summary);
  if (process.env.GALLEY_STATS) warn(`galley: ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB in ${(stats.ms / 1000).toFixed(2)} s: ${(stats.files / (stats.ms / 1000)).toFixed(0)} files/s, ${(stats.bytes / 1e6 / (stats.ms / 1000)).toFixed(2)} MB/s; max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; CPU ${((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6).toFixed(2)} s; main thread busy ${(100 * performance.eventLoopUtilization().utilization).toFixed(0)}%\n`);
  return failing ? 1 : stats.errors || inputs.length === 0 ? 2 : 0;
}

/** The deepest folder holding every input: --out DIR mirrors the tree below it. */
function commonBase(inputs: readonly Input[]): string {
  let base = dirname(inputs[0].path);
  for (const i of inputs) while (!(i.path + sep).startsWith(base.endsWith(sep) ? base : base + sep)) base = dirname(base);
  return base;
}

async function clean(args: Args): Promise<number> {
  const settings = new SettingsResolver(str(args, '--config'));
  if (args.flags.has('--jsonl')) {
    if (args.paths.length) throw new UsageError('galley clean --jsonl reads records from stdin and takes no PATH');
    const pool = createPool(jobsOf(args));
    try {
      const r = await cleanJsonl(process.stdin, out, {
        pool,
        settings: args.flags.has('--no-index') ? { ...settings.forDir(process.cwd()).settings, workspaceIndex: false } : settings.forDir(process.cwd()).settings,
        field: str(args, '--field') ?? 'text',
        siteField: str(args, '--site-field') ?? 'site',
      });
      if (r.errors) warn(`galley: ${r.errors} of ${r.records} records not cleaned (see their "error")\n`);
      return 0;
    } finally {
      await pool.close();
    }
  }
  const write = args.flags.has('--write');
  const outDir = str(args, '--out');
  if (write && outDir) throw new UsageError('--write and --out exclude each other');
  if (args.flags.has('--no-backup') && !write) throw new UsageError('--no-backup goes with --write');
  const inputs = inputsOf(args);
  let output: (i: Input) => Output = () => ({ kind: 'diff' });
  if (write) output = () => ({ kind: 'write', backup: !args.flags.has('--no-backup') });
  else if (outDir && inputs.length) {
    const base = commonBase(inputs);
    const dest = resolve(outDir);
    const targets = new Map(inputs.map((i) => [i.path, join(dest, relative(base, i.path))]));
    for (const [from, to] of targets) if (from === to) throw new UsageError(`--out ${outDir} would overwrite ${shown(from)}: use --write to clean in place`);
    output = (i) => ({ kind: 'out', path: targets.get(i.path)! });
  }
  const pool = createPool(jobsOf(args));
  const progress = progressFor(args);
  let changed = 0;
  let edits = 0;
  let stats: RunStats;
  try {
    stats = await runFiles(
      inputs,
      { op: 'clean', pool, settings, output, progress, evidence: !args.flags.has('--no-index') },
      (input, r) => {
        progress.clear(); // the bar shares the terminal with diffs and messages
        reportProblem(input.path, r);
        if (r.edits) {
          changed++;
          edits += r.edits;
        }
        if (r.diff) out(r.diff.replaceAll(`a/${input.path}`, `a/${shown(input.path)}`).replaceAll(`b/${input.path}`, `b/${shown(input.path)}`));
        if (write && r.written) warn(`galley: cleaned ${shown(input.path)} (${r.edits} edit${r.edits === 1 ? '' : 's'})${r.backup ? `, original in ${shown(r.backup)}` : ''}\n`);
      },
    );
  } finally {
    await pool.close();
  }
  const verb = write ? 'cleaned' : outDir ? `written to ${outDir}` : 'would change';
  warn(`galley: ${changed} of ${stats.files} files ${write || !outDir ? verb : `need cleaning; all ${verb}`} (${edits} edits)${stats.errors ? `, ${stats.errors} unreadable` : ''}\n`);
  return stats.errors ? 2 : 0;
}

async function outline(args: Args): Promise<number> {
  const format = oneOf(args, '--format', ['text', 'json'], 'text');
  if (args.paths.length !== 1) throw new UsageError('galley outline takes one FILE');
  const path = resolve(args.paths[0]);
  const settings = new SettingsResolver(str(args, '--config')).forDir(dirname(path)).settings;
  const r = await runTask(
    { op: 'outline', id: 0, source: { path, name: path }, settings, requireArticle: false, evidence: false, output: { kind: 'none' } },
    async () => [],
  );
  if (r.error || r.skipped) {
    reportProblem(path, r);
    return 2;
  }
  out(format === 'json' ? JSON.stringify(r.symbols, null, 2) + '\n' : outlineText(r.symbols!));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.flags.has('--version')) {
      out(`galley ${version()}\n`);
      return 0;
    }
    if (args.flags.has('--help') || !args.command) {
      out(USAGE);
      return args.command || args.flags.has('--help') ? 0 : 2;
    }
    switch (args.command) {
      case 'check':
        return await check(args);
      case 'clean':
        return await clean(args);
      case 'outline':
        return await outline(args);
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      warn(`galley: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      warn(`galley: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// `galley check … | head`: the reader went away; stop quietly, as other tools do
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    warn(`galley: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
