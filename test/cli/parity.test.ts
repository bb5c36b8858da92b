// The command line reports exactly what the editor shows: `galley check --format json`
// against the language server's diagnostics over stdio, for the same files and the same
// settings (a workspace's .vscode/settings.json for the command line, the same values as
// the client's configuration for the server), with the folder's site-chrome evidence on
// both sides; and `galley outline --format json` against the server's document symbols.
import * as assert from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../server/src/article';
import { LspClient, pullCapabilities } from '../lsp/client';
import { pullDiagnostics } from '../lsp/util';
import { corpusCopy, devPages, runCli, seedDir } from './helpers';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

interface Comparable {
  range: unknown;
  severity: number;
  code: string;
  source: string;
  message: string;
}

const comparable = (d: Comparable): Comparable => ({ range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message });

describe('command line: the same diagnostics as the language server', function () {
  this.timeout(120_000);
  const pages = devPages();
  // a spread of pages, plus the settings' own targets below
  const compared = pages.filter((_, i) => i % 8 === 0);
  let ws: { root: string; site: string };
  let ignored: string;
  let cli: Map<string, Comparable[]>;
  let client: LspClient;

  before(async () => {
    ws = corpusCopy(pages);
    // one finding of a compared page is ignored by fingerprint (as the quick fix writes it)
    const victim = analyzeArticle(readFileSync(join(ws.site, compared[1]), 'utf8')).findings.find((f) => f.sure)!;
    ignored = victim.fingerprint;
    mkdirSync(join(ws.root, '.vscode'));
    // VS Code's form: flat keys, comments, a trailing comma
    writeFileSync(
      join(ws.root, '.vscode', 'settings.json'),
      `{
  // what this workspace wants
  "galley.rules.ui-label": "error",
  "galley.rules.spacing": "hint",
  "galley.rules.encoding": "off",
  "galley.ignore": [${JSON.stringify(ignored.toUpperCase())}],
  "editor.wordWrap": "on",
}
`,
    );
    const run = runCli(['check', 'site', '--format', 'json'], { cwd: ws.root });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics?: Comparable[] }[] };
    cli = new Map(report.files.map((f) => [f.path.replace(/^site\//, ''), (f.diagnostics ?? []).map(comparable)]));

    client = new LspClient({
      settings: { galley: { rules: { 'ui-label': 'error', spacing: 'hint', encoding: 'off' }, ignore: [ignored.toUpperCase()] } },
    });
    await client.initialize(pullCapabilities(), undefined, [pathToFileURL(ws.root).href]);
    await client.waitFor((n) => n.method === 'window/logMessage' && /^Galley: indexed /.test(n.params?.message), 'the "indexed" log message', 0, 60_000);
  });

  after(async () => {
    await client?.kill();
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  it('checks every page of the folder', () => {
    assert.strictEqual(cli.size, pages.length);
  });

  it('reports for each page exactly the server’s diagnostics: ranges, severities, kinds, messages, order', async () => {
    let withEvidence = 0;
    const severities = new Set<number>();
    for (const name of compared) {
      const uri = pathToFileURL(join(ws.site, name)).href;
      client.open(uri, readFileSync(join(ws.site, name), 'utf8'), 1, 'plaintext');
      const server = (await pullDiagnostics(client, uri)).map((d) => comparable(d as unknown as Comparable));
      assert.deepStrictEqual(cli.get(name), server, name);
      withEvidence += server.filter((d) => /scrapes in this folder/.test(d.message)).length;
      for (const d of server) severities.add(d.severity);
      client.close(uri);
    }
    // the comparison covered the folder's evidence and the settings
    assert.ok(withEvidence > 0, 'no compared diagnostic carried site-chrome evidence');
    assert.ok(severities.has(SEVERITY.error) && severities.has(SEVERITY.hint), `severities seen: ${[...severities]}`);
  });

  it('applies the settings file: kinds off, severities, ignored fingerprints', () => {
    const all = [...cli.values()].flat();
    assert.ok(!all.some((d) => d.code === 'encoding'), 'encoding is off');
    assert.ok(all.filter((d) => d.code === 'ui-label').every((d) => d.severity === SEVERITY.error || d.severity === SEVERITY.information));
    assert.ok(all.filter((d) => d.code === 'spacing').every((d) => d.severity === SEVERITY.hint));
    const shownDefault = runCli(['check', join(ws.site, compared[1]), '--format', 'json', '--config', join(seedDir, '..', 'not-there.json')]);
    assert.strictEqual(shownDefault.code, 2, 'a missing --config file is an error');
    const fp = (d: { fingerprint: string }) => d.fingerprint;
    const page = JSON.parse(runCli(['check', join(ws.site, compared[1]), '--format', 'json'], { cwd: ws.site }).stdout).files[0].diagnostics;
    assert.ok(!page.map(fp).includes(ignored), 'the ignored finding is reported');
  });

  it('prints the outline as the server’s document symbols', async () => {
    const seed = join(seedDir, '000_c293627eab9434ab.txt');
    const run = runCli(['outline', seed, '--format', 'json']);
    assert.strictEqual(run.code, 0, run.stderr);
    const uri = pathToFileURL(seed).href;
    client.open(uri, readFileSync(seed, 'utf8'));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 3);
    assert.deepStrictEqual(JSON.parse(run.stdout), symbols);
  });
});
