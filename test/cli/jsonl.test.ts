// `galley clean --jsonl`, the map step for distributed engines: the dev corpus streamed
// through it as records (with a `site` key grouping the evidence, as a folder does)
// comes out cleaned exactly as `galley clean --out` cleans the folder's files, with the
// findings `galley check` reports; a bad record is answered with an error and the
// stream goes on.
import * as assert from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusCopy, devPages, runCli } from './helpers';

describe('command line: galley clean --jsonl', function () {
  this.timeout(180_000);
  const pages = devPages();
  let ws: { root: string; site: string };
  let records: Record<string, any>[];
  let check: Map<string, unknown[]>;

  before(() => {
    ws = corpusCopy(pages);
    const out = runCli(['clean', 'site', '--out', 'cleaned'], { cwd: ws.root });
    assert.strictEqual(out.code, 0, out.stderr);
    check = new Map(JSON.parse(runCli(['check', 'site', '--format', 'json'], { cwd: ws.root }).stdout).files.map((f: any) => [f.path.replace(/^site\//, ''), f.diagnostics]));
    const input =
      pages.map((p) => JSON.stringify({ id: p, site: 'example.com', body: readFileSync(join(ws.site, p), 'utf8') })).join('\n') +
      '\n{"id": "broken", "body": \n' +
      JSON.stringify({ id: 'no-text', site: 'example.com' }) +
      '\n';
    const r = runCli(['clean', '--jsonl', '--field', 'body'], { cwd: ws.root, input });
    assert.strictEqual(r.code, 0, r.stderr);
    records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  });
  after(() => rmSync(ws.root, { recursive: true, force: true }));

  it('answers every record, in order', () => {
    assert.deepStrictEqual(records.map((r) => r.id), [...pages, undefined, 'no-text']);
  });

  it('cleans each record exactly as galley clean cleans the file, and adds its findings', () => {
    let evidence = 0;
    for (const [i, p] of pages.entries()) {
      const r = records[i];
      assert.strictEqual(r.body, readFileSync(join(ws.site, p), 'utf8'), 'the record keeps its text');
      assert.strictEqual(r.cleaned, readFileSync(join(ws.root, 'cleaned', p), 'utf8'), p);
      assert.deepStrictEqual(r.findings.map(({ severityName, ...d }: any) => d), (check.get(p) as any[]).map(({ severityName, ...d }: any) => d), p);
      evidence += r.findings.filter((d: any) => /scrapes in this folder/.test(d.message)).length;
    }
    assert.ok(evidence > 0, 'no finding from the site’s evidence');
  });

  it('answers records it cannot read with an error', () => {
    assert.match(records[pages.length].error, /line \d+: not JSON/);
    assert.match(records[pages.length + 1].error, /no string field "body"/);
  });

  it('groups evidence by site: records of no site have none', () => {
    const input = pages.slice(0, 30).map((p) => JSON.stringify({ text: readFileSync(join(ws.site, p), 'utf8') })).join('\n');
    const alone = runCli(['clean', '--jsonl'], { cwd: ws.root, input }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(alone.length, 30);
    assert.ok(alone.every((r) => r.findings.every((d: any) => !/scrapes in this folder/.test(d.message))));
  });
});
