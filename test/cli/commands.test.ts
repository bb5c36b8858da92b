// The command line's commands on copies of the dev corpus: report formats and exit
// codes, files/folders/globs, unreadable files reported while the run goes on, the same
// results on one thread and on several, and cleaning: a diff that applies, writing in
// place with a backup, to another folder, never twice.
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';
import { corpusCopy, devPages, runCli } from './helpers';

const LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) \[([a-z-]+)\] (.+)$/;

describe('command line: galley check', function () {
  this.timeout(120_000);
  const pages = devPages().slice(0, 24);
  let ws: { root: string; site: string };
  let json: { files: { path: string; diagnostics?: any[]; error?: string; skipped?: string }[]; summary: any };

  before(() => {
    ws = corpusCopy(pages);
    // a .txt in the folder that is no scrape: plain text, as in the editor
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'not-articles', 'man', 'usr__share__man__man1__arch.1.gz.txt'), join(ws.site, 'zz-manual.txt'));
    const r = runCli(['check', 'site', '--format', 'json'], { cwd: ws.root });
    assert.strictEqual(r.code, 1, r.stderr);
    json = JSON.parse(r.stdout);
  });
  after(() => rmSync(ws.root, { recursive: true, force: true }));

  it('takes a folder’s scrapes and leaves its other .txt files alone', () => {
    assert.deepStrictEqual(json.files.map((f) => f.path), pages.map((p) => `site/${p}`));
    assert.strictEqual(json.summary.skipped, 1);
    const named = runCli(['check', 'site/zz-manual.txt', '--format', 'json'], { cwd: ws.root });
    assert.strictEqual(JSON.parse(named.stdout).files.length, 1, 'a file named on the command line is always checked');
  });

  it('prints file:line:col, severity, kind and message, one line a finding, and a summary', () => {
    const r = runCli(['check', 'site'], { cwd: ws.root });
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    const total = json.files.reduce((n, f) => n + (f.diagnostics?.length ?? 0), 0);
    assert.strictEqual(lines.length, total);
    const first = json.files.find((f) => f.diagnostics?.length)!;
    const d = first.diagnostics![0];
    assert.strictEqual(lines[0], `${first.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severityName} [${d.code}] ${d.message}`);
    for (const l of lines) assert.match(l, LINE);
    assert.match(summary, new RegExp(`^${total} problems \\(.*\\) in ${pages.length} files, 1 skipped$`));
  });

  it('exits 1 at or above --fail-on, 0 below it', () => {
    const severities = new Set(json.files.flatMap((f) => (f.diagnostics ?? []).map((d) => d.severityName)));
    assert.ok(severities.has('warning') && !severities.has('error'), [...severities].join());
    assert.strictEqual(runCli(['check', 'site', '--fail-on', 'warning'], { cwd: ws.root }).code, 1);
    assert.strictEqual(runCli(['check', 'site', '--fail-on', 'error'], { cwd: ws.root }).code, 0);
    assert.strictEqual(runCli(['check', 'site', '--fail-on', 'never'], { cwd: ws.root }).code, 0);
    assert.strictEqual(runCli(['check', 'site', '--fail-on', 'sometimes'], { cwd: ws.root }).code, 2);
  });

  it('writes SARIF 2.1.0 with one result per diagnostic', () => {
    const sarif = JSON.parse(runCli(['check', 'site', '--format', 'sarif'], { cwd: ws.root }).stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    const results = sarif.runs[0].results;
    const diags = json.files.flatMap((f) => (f.diagnostics ?? []).map((d) => ({ f, d })));
    assert.strictEqual(results.length, diags.length);
    for (let i = 0; i < results.length; i++) {
      const { f, d } = diags[i];
      const loc = results[i].locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uri, f.path);
      assert.deepStrictEqual(loc.region, { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
      assert.strictEqual(results[i].ruleId, d.code);
      assert.strictEqual(results[i].level, d.severity === 2 ? 'warning' : d.severity === 1 ? 'error' : 'note');
      assert.strictEqual(sarif.runs[0].tool.driver.rules[results[i].ruleIndex].id, d.code);
    }
  });

  it('expands globs', () => {
    const r = runCli(['check', 'site/aeb-*.txt', '--format', 'json'], { cwd: ws.root });
    const names = JSON.parse(r.stdout).files.map((f: any) => f.path);
    assert.deepStrictEqual(names, pages.filter((p) => p.startsWith('aeb-')).map((p) => `site/${p}`));
    assert.ok(names.length > 1);
  });

  it('reports files it cannot read and goes on with the others', () => {
    symlinkSync('loop.article', join(ws.root, 'loop.article'));
    const r = runCli(['check', 'missing.txt', 'loop.article', `site/${pages[0]}`, '--format', 'json'], { cwd: ws.root });
    const files = JSON.parse(r.stdout).files;
    assert.match(files[0].error, /ENOENT/);
    assert.match(files[1].error, /ELOOP/);
    assert.ok(files[2].diagnostics.length > 0);
    assert.match(r.stderr, /missing\.txt: ENOENT/);
    assert.strictEqual(r.code, 1, 'findings decide the exit code');
    assert.strictEqual(runCli(['check', 'missing.txt'], { cwd: ws.root }).code, 2, 'nothing read');
  });

  it('draws a progress bar on a terminal, cleared before each line of the report', function () {
    // `script` gives the command a terminal (util-linux, on every Debian)
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${join(repoRoot, 'dist', 'cli.js')}" check site --fail-on never`, '/dev/null'], { cwd: ws.root, encoding: 'utf8' });
    if (r.error) this.skip();
    const screen = r.stdout;
    assert.match(screen, /checking \[[#.]{30}\] \d+\/\d+/, 'no progress bar');
    // every report line starts on a clean line: after a newline, or after the bar was erased
    for (const m of screen.matchAll(/site\/[^:\r\n]+:\d+:\d+: /g)) {
      const before = screen.slice(Math.max(0, m.index! - 4), m.index);
      assert.ok(/\n$|\r\x1b\[K$/.test(before), `a report line drawn over the bar: ${JSON.stringify(before)}`);
    }
  });

  it('gives the same report on one thread and on several, with no progress bar when piped', () => {
    const one = runCli(['check', 'site', '--format', 'json', '--jobs', '1'], { cwd: ws.root });
    const three = runCli(['check', 'site', '--format', 'json', '--jobs', '3'], { cwd: ws.root });
    assert.strictEqual(three.stdout, one.stdout);
    assert.strictEqual(JSON.stringify(JSON.parse(one.stdout)), JSON.stringify(json));
    assert.ok(!/\r/.test(one.stderr + three.stderr), 'progress output on a pipe');
  });
});

describe('command line: galley clean', function () {
  this.timeout(120_000);
  const pages = devPages().slice(0, 16);
  let ws: { root: string; site: string };
  let cleanedDir: string;

  before(() => {
    ws = corpusCopy(pages);
    cleanedDir = join(ws.root, 'cleaned');
    const r = runCli(['clean', 'site', '--out', 'cleaned'], { cwd: ws.root });
    assert.strictEqual(r.code, 0, r.stderr);
  });
  after(() => rmSync(ws.root, { recursive: true, force: true }));

  it('--out writes every file cleaned, the originals untouched', () => {
    assert.deepStrictEqual(readdirSync(cleanedDir).sort(), pages);
    let changed = 0;
    for (const p of pages) {
      const before = readFileSync(join(ws.site, p), 'utf8');
      const after = readFileSync(join(cleanedDir, p), 'utf8');
      assert.ok(after.length <= before.length + 16, p);
      if (after !== before) changed++;
    }
    assert.ok(changed > pages.length / 2, `${changed} pages changed`);
    assert.strictEqual(readFileSync(join(ws.site, pages[0]), 'utf8'), readFileSync(join(repoRoot, 'test', 'fixtures', 'scrapes-dev', pages[0]), 'utf8'));
  });

  it('without --write prints a unified diff that patches the originals into the cleaned files', () => {
    const r = runCli(['clean', 'site'], { cwd: ws.root });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- a\/site\//);
    const copy = join(ws.root, 'patched');
    mkdirSync(join(copy, 'site'), { recursive: true });
    for (const p of pages) copyFileSync(join(ws.site, p), join(copy, 'site', p));
    writeFileSync(join(ws.root, 'clean.diff'), r.stdout);
    const apply = spawnSync('git', ['apply', '-p1', join(ws.root, 'clean.diff')], { cwd: copy, encoding: 'utf8' });
    assert.strictEqual(apply.status, 0, apply.stderr);
    for (const p of pages) assert.strictEqual(readFileSync(join(copy, 'site', p), 'utf8'), readFileSync(join(cleanedDir, p), 'utf8'), p);
  });

  it('--write cleans in place, keeps the original as FILE.bak, and a second run changes nothing', () => {
    const name = pages.find((p) => readFileSync(join(cleanedDir, p), 'utf8') !== readFileSync(join(ws.site, p), 'utf8'))!;
    const file = join(ws.root, 'one', name);
    mkdirSync(join(ws.root, 'one'));
    const original = readFileSync(join(ws.site, name), 'utf8');
    writeFileSync(file, original);
    const first = runCli(['clean', file, '--write', '--no-index']);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stderr, /cleaned .* \(\d+ edits?\), original in .*\.bak/);
    assert.strictEqual(readFileSync(`${file}.bak`, 'utf8'), original);
    const cleaned = readFileSync(file, 'utf8');
    assert.notStrictEqual(cleaned, original);
    const second = runCli(['clean', file, '--write', '--no-index']);
    assert.strictEqual(readFileSync(file, 'utf8'), cleaned, 'cleaning a cleaned file changed it');
    assert.match(second.stderr, /0 of 1 files cleaned/);
    assert.ok(!existsSync(`${file}.bak.1`), 'a backup made for no change');
    assert.strictEqual(runCli(['clean', file]).stdout, '', 'a diff for a clean file');
    // --no-backup, and a backup never overwritten
    writeFileSync(file, original);
    runCli(['clean', file, '--write', '--no-index', '--no-backup']);
    assert.ok(!existsSync(`${file}.bak.1`));
    writeFileSync(file, original);
    runCli(['clean', file, '--write', '--no-index']);
    assert.strictEqual(readFileSync(`${file}.bak.1`, 'utf8'), original);
    assert.strictEqual(readFileSync(`${file}.bak`, 'utf8'), original);
  });

  it('refuses to write over the inputs unless told to with --write', () => {
    const r = runCli(['clean', 'site', '--out', 'site'], { cwd: ws.root });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /would overwrite/);
    assert.strictEqual(runCli(['clean', 'site', '--write', '--out', 'x'], { cwd: ws.root }).code, 2);
  });
});

describe('command line: folder by folder', function () {
  this.timeout(120_000);
  let ws: { root: string; site: string };

  before(() => {
    // site/: 12 pages; site/more/: 10 others; tiny/NN/: one page each
    const pages = devPages();
    ws = corpusCopy(pages.slice(0, 12));
    mkdirSync(join(ws.site, 'more'));
    for (const p of pages.slice(12, 22)) copyFileSync(join(repoRoot, 'test', 'fixtures', 'scrapes-dev', p), join(ws.site, 'more', p));
    for (const [i, p] of pages.slice(22, 40).entries()) {
      mkdirSync(join(ws.root, 'tiny', String(i).padStart(2, '0')), { recursive: true });
      copyFileSync(join(repoRoot, 'test', 'fixtures', 'scrapes-dev', p), join(ws.root, 'tiny', String(i).padStart(2, '0'), p));
    }
  });
  after(() => rmSync(ws.root, { recursive: true, force: true }));

  it('counts each folder’s evidence on its own, whatever else the run holds', () => {
    const all = JSON.parse(runCli(['check', '.', '--format', 'json', '--jobs', '3'], { cwd: ws.root }).stdout).files;
    const alone = ['site', 'site/more', ...Array.from({ length: 18 }, (_, i) => `tiny/${String(i).padStart(2, '0')}`)].flatMap(
      (d) => JSON.parse(runCli(['check', d, '--format', 'json', '--jobs', '1'], { cwd: ws.root }).stdout).files.filter((f: any) => f.path.split('/').length === d.split('/').length + 1),
    );
    assert.strictEqual(all.length, 40);
    assert.deepStrictEqual(
      all.map((f: any) => f.path),
      alone.map((f: any) => f.path),
      'a folder’s files come before its subfolders’',
    );
    assert.deepStrictEqual(all, alone);
    const evidence = (f: any) => f.diagnostics.some((d: any) => /scrapes in this folder/.test(d.message));
    assert.ok(all.filter((f: any) => f.path.startsWith('tiny/')).every((f: any) => !evidence(f)), 'a folder of one has no evidence');
  });
});
