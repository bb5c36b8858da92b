#!/usr/bin/env node
// Speed work must not change what Galley says. This dumps the full model (blocks,
// roles, stories, people, findings with fixes, fix-all edits) and the LSP answers built
// from it (outline, folding, diagnostics) for every fixture text, mutated and CRLF
// variants, pages read with site-chrome evidence, and the 10 MB corpus; then either
// saves that as the baseline or compares against it, text by text.
//
//   node bench/same-output.mjs --save   # once, before a change
//   node bench/same-output.mjs          # after each change: exit 1 on any difference
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGalley, repo } from './build.mjs';
import { corpusText, devPages, mutate, rng, seed } from './corpus.mjs';

const save = process.argv.includes('--save');
const dir = join(repo, 'bench', '.build', 'same-output');
const baselineFile = join(dir, 'baseline.ndjson');
const g = await loadGalley();
const allKinds = new Set(g.FINDING_KINDS);

function filesUnder(d) {
  return readdirSync(d)
    .sort()
    .flatMap((f) => {
      const p = join(d, f);
      if (statSync(p).isDirectory()) return filesUnder(p);
      return f.endsWith('.txt') ? [p] : [];
    });
}

/** [name, text, options] for every text the check reads. */
function* texts() {
  yield ['seed', seed];
  yield ['seed CRLF', seed.replace(/\n/g, '\r\n')];
  for (const [name, text] of devPages) yield [name, text];
  for (const f of filesUnder(join(repo, 'test', 'fixtures', 'other-languages'))) yield [f, readFileSync(f, 'utf8')];
  for (const f of filesUnder(join(repo, 'test', 'fixtures', 'not-articles'))) yield [f, readFileSync(f, 'utf8')];
  const random = rng(11);
  for (const [name, text] of devPages) yield [`${name} mutated`, mutate(text, random)];
  for (const [name, text] of devPages.slice(0, 10)) yield [`${name} CRLF`, text.replace(/\n/g, '\r\n')];
  for (const [name, text] of devPages.slice(0, 10)) yield [`${name} CR`, text.replace(/\n/g, '\r')];
  yield ['seed, some kinds disabled', seed, { disabledKinds: new Set(g.FINDING_KINDS.filter((_, i) => i % 2)) }];
  // site chrome: a folder of six distinct variants of a page, read with the folder's evidence
  const chrome = rng(7);
  for (const [name, text] of devPages.slice(0, 20)) {
    const idx = new g.SiteChromeIndex();
    const variants = Array.from({ length: 6 }, () => mutate(text, chrome));
    variants.forEach((v, i) => idx.set(`/site/${i}`, '/site', v));
    yield [`${name} with site chrome`, variants[0], { siteChrome: (line) => idx.evidence('/site', line) }];
  }
  yield ['corpus 10 MB', corpusText(10_000_000)];
}

function dump(name, text, options) {
  const { elapsedMs, text: _t, ...model } = g.analyzeArticle(text, options);
  const fixAll = g.fixAllEdits(text, g.lineTable(text), model.findings, allKinds);
  const doc = g.TextDocument.create('file:///same/page.article', 'article', 1, text);
  const full = { ...model, text, elapsedMs: 0 };
  const lsp = {
    symbols: g.documentSymbols(doc, full),
    folding: g.foldingRanges(full),
    diagnostics: g.toDiagnostics(doc, full, g.DEFAULT_SETTINGS),
  };
  return JSON.stringify({ name, model, fixAll, lsp });
}

const lines = [];
for (const [name, text, options] of texts()) lines.push(dump(name, text, options));

if (save) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(baselineFile, lines.join('\n') + '\n');
  console.log(`baseline saved: ${lines.length} texts → ${baselineFile}`);
} else {
  const before = readFileSync(baselineFile, 'utf8').split('\n').slice(0, -1);
  let differ = 0;
  if (before.length !== lines.length) console.log(`text count differs: ${before.length} before, ${lines.length} now`);
  for (let i = 0; i < Math.min(before.length, lines.length); i++) {
    if (before[i] === lines[i]) continue;
    differ++;
    const a = before[i];
    const b = lines[i];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    console.log(`DIFFERS: ${JSON.parse(b).name} at char ${at}\n  before …${a.slice(Math.max(0, at - 120), at + 120)}\n  now    …${b.slice(Math.max(0, at - 120), at + 120)}`);
    if (differ >= 5) break;
  }
  if (differ || before.length !== lines.length) process.exit(1);
  console.log(`same output: ${lines.length} texts identical`);
}
