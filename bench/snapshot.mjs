#!/usr/bin/env node
// Dumps Galley's full model (blocks with roles, stories, people, findings with their
// fixes, and the fix-all edits) for every dev-corpus page, the seed, the 10 MB corpus
// concatenation and a few pages read with site-chrome evidence, one JSON line per
// text. Optimisations must leave it byte-identical:
//
//   node bench/snapshot.mjs /tmp/before.ndjson   # before a change
//   node bench/snapshot.mjs /tmp/after.ndjson    # after it
//   cmp /tmp/before.ndjson /tmp/after.ndjson
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { loadGalley } from './build.mjs';
import { corpusText, devPages, mutate, rng, seed } from './corpus.mjs';

const out = process.argv[2] ?? '/tmp/galley-snapshot.ndjson';
const g = await loadGalley();
const allKinds = new Set(g.FINDING_KINDS);
const file = createWriteStream(out);
const hash = createHash('sha256');

function dump(name, text, options) {
  const { elapsedMs, text: _t, ...model } = g.analyzeArticle(text, options);
  const fixAll = g.fixAllEdits(text, g.lineTable(text), model.findings, allKinds);
  const line = JSON.stringify({ name, model, fixAll }) + '\n';
  hash.update(line);
  return new Promise((resolve) => (file.write(line) ? resolve() : file.once('drain', resolve)));
}

await dump('seed', seed);
for (const [name, text] of devPages) await dump(name, text);
// site chrome: a folder of six distinct variants of a page, read with the folder's evidence
const random = rng(7);
for (const [name, text] of devPages.slice(0, 20)) {
  const idx = new g.SiteChromeIndex();
  const variants = Array.from({ length: 6 }, () => mutate(text, random));
  variants.forEach((v, i) => idx.set(`/site/${i}`, '/site', v));
  await dump(`${name} with site chrome`, variants[0], { siteChrome: (line) => idx.evidence('/site', line) });
}
await dump('corpus 10 MB', corpusText(10_000_000));
file.end();
await new Promise((r) => file.on('finish', r));
console.log(`${out}: sha256 ${hash.digest('hex')}`);
