#!/usr/bin/env node
// `npm run eval`: scores Galley's cruft findings and headline outline on a labelled
// scrape corpus (default: test/fixtures/scrapes-dev). Metric definitions: the header of
// scripts/eval-lib.mjs and test/fixtures/scrapes-dev/README.md.
//
//   npm run eval [-- CORPUS_DIR] [options]
//
// Modes:
//   (default)        in process: server/src/article is bundled with esbuild and run on
//                    every page; diagnostics are what the server would send with default
//                    settings. Fast (about a second).
//   --server         end to end over stdio: server/src/server.ts is bundled (as
//                    scripts/build.mjs bundles dist/server.js) and driven like an editor.
//   --server-cmd CMD the same against any server command, run through the shell,
//                    e.g. --server-cmd "node dist/server.js --stdio".
// In server mode the in-process model is run too and the two are compared page by page.
//
// Options:
//   --json FILE        write totals and per-page results as JSON
//   --show PAGE_ID     print one page line by line: line | label | flag | story | kinds | text
//                      (--from N --to M: a line range; --width N: cut lines at N chars, 0 = never)
//   --worst N          the N pages with the most body chars flagged and the N with the most cruft missed
//   --only ID,ID  --limit N   score a subset
//   --no-sites         leave out the per-site table
//   --suggest-floor    print a floor.json a little looser than this run
//   --check-floor      exit 1 when the run is below test/eval/floor.json
//   --diagnostics pull|push|auto   (server mode; default auto = pull when the server offers it)
//   --timeout-ms N     per-page wait in server mode (default 15000)
//   --verbose          server stderr and per-page progress

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lib from './eval-lib.mjs';
import { runServer } from './eval-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = join(ROOT, 'test', 'fixtures', 'scrapes-dev');
const FLOOR_FILE = join(ROOT, 'test', 'eval', 'floor.json');

// ------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const o = { positional: [], sites: true, timeoutMs: 15000, diagnostics: 'auto', width: 160 };
  const takes = {
    '--json': 'json', '--show': 'show', '--worst': 'worst', '--only': 'only', '--limit': 'limit', '--from': 'from',
    '--to': 'to', '--width': 'width', '--server-cmd': 'serverCmd', '--diagnostics': 'diagnostics', '--timeout-ms': 'timeoutMs',
  };
  const flags = {
    '--server': 'server', '--verbose': 'verbose', '--suggest-floor': 'suggestFloor', '--check-floor': 'checkFloor',
    '--help': 'help', '-h': 'help',
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { value = a.slice(eq + 1); a = a.slice(0, eq); }
    if (a === '--no-sites') o.sites = false;
    else if (flags[a]) o[flags[a]] = true;
    else if (takes[a]) {
      value ??= argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      o[takes[a]] = value;
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a} (see --help)`);
    else o.positional.push(a);
  }
  for (const k of ['worst', 'limit', 'from', 'to', 'width', 'timeoutMs']) if (o[k] !== undefined) o[k] = Number(o[k]);
  if (o.serverCmd) o.server = true;
  if (!['auto', 'pull', 'push'].includes(o.diagnostics)) throw new Error('--diagnostics is auto, pull or push');
  return o;
}

function usage() {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const lines = [];
  for (const l of text.slice(1)) {
    if (!l.startsWith('//')) break;
    lines.push(l.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------ builds

const tmp = mkdtempSync(join(tmpdir(), 'galley-eval-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

async function bundle(entry, outName) {
  const esbuild = await import('esbuild');
  const outfile = join(tmp, outName);
  // the options of scripts/build.mjs, so the server bundle is what dist/server.js would be
  await esbuild.build({
    entryPoints: [join(ROOT, entry)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18',
    sourcemap: 'inline', sourcesContent: false, logLevel: 'warning', absWorkingDir: ROOT,
  });
  const code = readFileSync(outfile, 'utf8').replace(/\/\/# sourceMappingURL=.*\s*$/, '');
  return { outfile, id: createHash('sha256').update(code).digest('hex').slice(0, 12) };
}

async function loadModel() {
  const b = await bundle('server/src/article/index.ts', 'model.cjs');
  const model = createRequire(import.meta.url)(b.outfile);
  return { model, buildId: b.id };
}

// ------------------------------------------------------------------ output helpers

const pct = (x, digits = 1) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(digits)}%`);
const ms = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(headers, rows, align) {
  const w = headers.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => (align[i] === 'l' ? pad(c, w[i]) : lpad(c, w[i]))).join('  ').trimEnd();
  return [fmt(headers), fmt(w.map((n) => '-'.repeat(n))), ...rows.map(fmt)].join('\n');
}

function report(title, agg, { timeLabel, countedKinds, otherKinds }) {
  const out = [`== ${title}`];
  out.push(`counted kinds (FIX_MODE 'remove'): ${countedKinds.join(', ')}; not counted: ${otherKinds.join(', ')}; every severity counts`);
  out.push(`pages: ${agg.pages}`);
  out.push(`body false-flag rate (chars):    ${pct(agg.bodyFalseFlagRate, 2)}  (${agg.bodyFlaggedChars} of ${agg.bodyChars} body chars flagged; macro ${pct(agg.macroBodyFalseFlagRate, 2)})`);
  out.push(`pages with any body flagged:     ${agg.pagesWithBodyFlagged} of ${agg.pagesWithBody}`);
  out.push(`pages with the headline flagged: ${agg.pagesWithTitleFlagged} of ${agg.pagesWithTitle}`);
  out.push(`cruft recall (chars):            ${pct(agg.cruftRecall)}  (${agg.cruftFlaggedChars} of ${agg.cruftChars}; macro ${pct(agg.macroCruftRecall)})`);
  out.push(`precision: ${pct(agg.precision)}   F1: ${pct(agg.f1)}`);
  const l = agg.lines;
  out.push(`lines: body lines with any flag ${pct(l.bodyLineFalseFlagRate)} (${l.bodyLinesFlagged}/${l.bodyLines}); cruft lines >=50% flagged ${pct(l.cruftLineRecall)} (${l.cruftLinesFlagged}/${l.cruftLines})`);
  out.push('per class flagged: ' + Object.entries(agg.perClass).map(([c, v]) => `${c} ${pct(v.flaggedRate)} of ${v.chars}`).join('; '));
  const kinds = Object.entries(agg.byKind).sort((a, b) => b[1].cruft - a[1].cruft);
  if (kinds.length) {
    out.push('per kind (chars flagged by the kind alone): ' + kinds.map(([k, v]) => `${k} cruft ${v.cruft}, body ${v.body}${v.body ? ` (${v.pagesBody} pages)` : ''}${v.title ? `, title ${v.title}` : ''}`).join('; '));
  }
  if (agg.headline) {
    const h = agg.headline;
    out.push(`headline outlined (a story's title line is a labelled title line): ${h.hits}/${h.pages} (ground-truth titles ${h.groundTruth.hits}/${h.groundTruth.pages}, derived ${h.derived.hits}/${h.derived.pages}); stories per page: median ${h.storiesMedian}, max ${h.storiesMax}`);
  }
  if (agg.time) out.push(`${timeLabel}: median ${ms(agg.time.median)}, p95 ${ms(agg.time.p95)}, max ${ms(agg.time.max)}${agg.timeouts ? `; pages timed out: ${agg.timeouts}` : ''}`);
  if (agg.errors) out.push(`errors on ${agg.errors} pages (see --json)`);
  if (agg.emptyRanges) out.push(`note: ${agg.emptyRanges} zero-width diagnostic ranges (they flag nothing)`);
  return out.join('\n');
}

function sourceTable(results) {
  const groups = [...lib.groupBy(results, (r) => lib.sourceOf(r.page))].sort((a, b) => a[0].localeCompare(b[0]));
  const cols = [...groups.map(([k, rs]) => [k, lib.aggregate(rs)]), ['all', lib.aggregate(results)]];
  const row = (name, f) => [name, ...cols.map(([, a]) => f(a))];
  const rows = [
    row('pages', (a) => a.pages),
    row('body false-flag rate', (a) => pct(a.bodyFalseFlagRate, 2)),
    row('pages with body flagged', (a) => `${a.pagesWithBodyFlagged}/${a.pagesWithBody}`),
    row('pages with headline flagged', (a) => `${a.pagesWithTitleFlagged}/${a.pagesWithTitle}`),
    row('cruft recall', (a) => pct(a.cruftRecall)),
    row('precision', (a) => pct(a.precision)),
    row('F1', (a) => pct(a.f1)),
    row('headline outlined', (a) => (a.headline ? `${a.headline.hits}/${a.headline.pages}` : 'n/a')),
    row('stories per page (median/max)', (a) => (a.headline ? `${a.headline.storiesMedian}/${a.headline.storiesMax}` : 'n/a')),
  ];
  return '-- by source (aeb = article-extraction-benchmark, traf = trafilatura; the model has no fitted weights,\n'
    + '   so this is "tune on one, score on the other" with nothing tuned: the two benchmarks side by side)\n'
    + table(['', ...cols.map(([k]) => k)], rows, ['l', ...cols.map(() => 'r')]);
}

function siteSection(results) {
  const s = lib.siteReport(results);
  const rows = [...s.rows].sort((a, b) => b.own.cruftChars - a.own.cruftChars || a.site.localeCompare(b.site)).map((r) => [
    r.site, r.source, r.pages, r.own.bodyChars, pct(r.own.bodyFalseFlagRate, 2), `${r.own.pagesWithBodyFlagged}/${r.own.pagesWithBody}`,
    pct(r.shareOfBodyFlagged), r.own.cruftChars, pct(r.own.cruftRecall), pct(r.shareOfCruft), pct(r.shareOfCruftFlagged),
    `${r.own.pagesWithTitleFlagged}/${r.own.pagesWithTitle}`, r.own.headline ? `${r.own.headline.hits}/${r.own.headline.pages}` : '-',
  ]);
  const out = ['-- by site (sorted by cruft chars; "share" = the site\'s part of the corpus total)'];
  out.push(table(
    ['site', 'src', 'pages', 'body', 'body FF', 'pg FF', 'share FF', 'cruft', 'recall', 'share cruft', 'share found', 'title FF', 'headline'],
    rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ));
  const lo = s.leaveOneOut;
  const range = (e, f) => (e ? `${f(e.min)} (without ${e.minSite}) .. ${f(e.max)} (without ${e.maxSite})` : 'n/a');
  out.push('-- leave-one-site-out (the corpus scored without each site in turn)');
  out.push(`body false-flag rate ${range(lo.bodyFalseFlagRate, (x) => pct(x, 2))}`);
  out.push(`pages with body flagged ${range(lo.pagesWithBodyFlagged, String)}`);
  out.push(`cruft recall ${range(lo.cruftRecall, pct)}`);
  out.push(`F1 ${range(lo.f1, pct)}`);
  const top = (key) => [...s.rows].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0))[0];
  const tb = top('shareOfBodyFlagged'); const tc = top('shareOfCruftFlagged');
  out.push(`largest single-site share: of flagged body chars ${pct(tb.shareOfBodyFlagged)} (${tb.site}), of flagged cruft chars ${pct(tc.shareOfCruftFlagged)} (${tc.site})`);
  return out.join('\n');
}

function kindsOf(r) {
  return Object.entries(r.byKind).filter(([, v]) => v.body > 0).map(([k, v]) => `${k} ${v.body}`).join(', ');
}

function worstSection(results, n) {
  const out = [];
  const byBody = results.filter((r) => r.score.bodyFlagged > 0).sort((a, b) => b.score.bodyFlagged - a.score.bodyFlagged).slice(0, n);
  out.push(`-- ${byBody.length} pages with the most body chars flagged`);
  out.push(table(['page', 'site', 'body flagged', 'of body', 'rate', 'title', 'by kind'], byBody.map((r) => [
    r.page.id, r.page.site, r.score.bodyFlagged, r.score.body, pct(r.score.bodyFlagged / r.score.body), r.score.titleFlagged ? 'FLAGGED' : '', kindsOf(r),
  ]), ['l', 'l', 'r', 'r', 'r', 'l', 'l']));
  const missed = (r) => r.score.cruft - r.score.cruftFlagged;
  const byMiss = results.filter((r) => missed(r) > 0).sort((a, b) => missed(b) - missed(a)).slice(0, n);
  out.push(`-- ${byMiss.length} pages with the most cruft missed`);
  out.push(table(['page', 'site', 'cruft missed', 'of cruft', 'recall'], byMiss.map((r) => [
    r.page.id, r.page.site, missed(r), r.score.cruft, pct(r.score.cruftFlagged / r.score.cruft),
  ]), ['l', 'l', 'r', 'r', 'r']));
  const titled = results.filter((r) => r.score.titleFlagged);
  out.push(`-- ${titled.length} pages with the headline flagged: ${titled.map((r) => `${r.page.id} (${Object.entries(r.byKind).filter(([, v]) => v.title > 0).map(([k]) => k).join(', ')})`).join('; ') || 'none'}`);
  const lost = results.filter((r) => r.headline && !r.headline.hit);
  out.push(`-- ${lost.length} pages whose headline is not outlined (labelled title line → story title lines): ${lost.map((r) => `${r.page.id} ${JSON.stringify(r.page.titleLines)}→${JSON.stringify(r.storyLines)}`).join('; ') || 'none'}`);
  return out.join('\n');
}

// `--show`: line | label code | flag (# all labelled text flagged, + partly, . only
// unlabelled text, blank none) | story (T = a story's title line) | kinds | text
function showPage(r, { from = 0, to = Infinity, width = 160 }, fixMode) {
  const { page, flags } = r;
  const spans = new Map();
  for (const [l, a, b, cls] of page.spans) {
    if (!spans.has(l)) spans.set(l, []);
    spans.get(l).push([a, b, cls]);
  }
  const kinds = new Map();
  for (const d of r.diagnostics) {
    for (let l = d.range.start.line; l <= d.range.end.line; l++) {
      if (l === d.range.end.line && d.range.end.character === 0 && l > d.range.start.line) continue;
      if (!kinds.has(l)) kinds.set(l, new Set());
      kinds.get(l).add(lib.isCounted(d.code, fixMode) ? String(d.code) : `(${d.code})`);
    }
  }
  const storyLines = new Set(r.storyLines ?? []);
  const out = [];
  out.push(`# ${page.id}  ${page.site}  ${page.url ?? ''}`);
  out.push(`# title: ${page.title ?? '(none)'}  lines ${JSON.stringify(page.titleLines)} (${page.title_source ?? 'no source'}); stories on lines ${JSON.stringify(r.storyLines)}`);
  out.push(`# body ${r.score.bodyFlagged}/${r.score.body} chars flagged; cruft ${r.score.cruftFlagged}/${r.score.cruft}; headline ${r.score.titleFlagged ? 'FLAGGED' : 'not flagged'}`);
  out.push('# line | label | flag (# all labelled text flagged, + partly, . only unlabelled text) | T story title | kinds ((k) = not counted) | text, ⟦flagged⟧ where partly');
  const kindW = Math.max(4, ...[...kinds.values()].map((s) => [...s].join(',').length));
  for (let i = Math.max(0, from); i < Math.min(page.lines.length, to + 1); i++) {
    const code = page.line_labels?.[i] ?? '?';
    const iv = flags.get(i);
    const ks = kinds.get(i);
    if (code === '.' && !iv && !ks && !page.lines[i].trim()) continue;
    let mark = ' ';
    if (iv) {
      const units = spans.get(i) ?? [[0, page.lines[i].length]];
      const tot = units.reduce((s, [a, b]) => s + b - a, 0);
      const cov = units.reduce((s, [a, b]) => s + lib.covered(iv, a, b), 0);
      mark = cov === 0 ? '.' : cov >= tot ? '#' : '+';
    }
    let text = page.lines[i];
    const whole = iv && iv.length === 1 && iv[0][0] <= text.search(/\S|$/) && iv[0][1] >= text.trimEnd().length;
    if (iv && !whole) {
      let t = ''; let at = 0;
      for (const [a, b] of iv) { t += text.slice(at, a) + '⟦' + text.slice(a, b) + '⟧'; at = b; }
      text = t + text.slice(at);
    }
    if (width > 0 && text.length > width) text = text.slice(0, width - 1) + '…';
    out.push(`${lpad(i, 5)} ${code} ${mark} ${storyLines.has(i) ? 'T' : ' '} ${pad(ks ? [...ks].join(',') : '', kindW)} | ${text}`);
  }
  return out.join('\n');
}

// ------------------------------------------------------------------ main

function flagKey(flags) {
  return JSON.stringify([...flags].sort((a, b) => a[0] - b[0]));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) { process.stdout.write(usage()); return 0; }
  const corpusDir = o.positional[0] ? resolve(o.positional[0]) : DEFAULT_CORPUS;
  const pages = lib.loadCorpus(corpusDir, { only: o.show ?? o.only, limit: o.show ? undefined : o.limit });
  if (!pages.length) throw new Error('no pages to score');
  const corpusName = relative(process.cwd(), corpusDir) || '.';

  const { model, buildId } = await loadModel();
  const fixMode = model.FIX_MODE;
  const countedKinds = model.FINDING_KINDS.filter((k) => fixMode[k] === 'remove');
  const otherKinds = model.FINDING_KINDS.filter((k) => fixMode[k] !== 'remove');
  const inProcess = lib.evaluateInProcess(pages, model);

  let results = inProcess;
  let title = `Galley in process (model build ${buildId}) on ${corpusName}`;
  let timeLabel = 'analysis time per page (analyzeArticle, in process, first page cold)';
  let agreement = null;
  if (o.server) {
    let spec;
    if (o.serverCmd) spec = { command: o.serverCmd, shell: true, label: o.serverCmd };
    else {
      const b = await bundle('server/src/server.ts', 'server.js');
      spec = { command: process.execPath, args: [b.outfile, '--stdio'], label: `server/src/server.ts bundled now (build ${b.id})` };
    }
    const run = await runServer(pages, { ...spec, timeoutMs: o.timeoutMs, diagnostics: o.diagnostics, verbose: o.verbose });
    results = pages.map((p, i) => lib.pageResult(p, run.results[i], fixMode));
    const info = run.serverInfo ? ` (${run.serverInfo.name} ${run.serverInfo.version ?? ''})` : '';
    title = `Galley over stdio: ${spec.label}${info}, ${run.mode} diagnostics, on ${corpusName}`;
    timeLabel = 'latency didOpen → diagnostics (stdio)';
    const differ = []; const differHeadline = [];
    results.forEach((r, i) => {
      if (flagKey(r.flags) !== flagKey(inProcess[i].flags)) differ.push(r.page.id);
      if (JSON.stringify(r.storyLines) !== JSON.stringify(inProcess[i].storyLines)) differHeadline.push(r.page.id);
    });
    agreement = { differ, differHeadline, inProcessTime: lib.aggregate(inProcess).time };
  }

  if (o.show) {
    console.log(showPage(results[0], o, fixMode));
    return 0;
  }

  const agg = lib.aggregate(results);
  console.log(report(title, agg, { timeLabel, countedKinds, otherKinds }));
  if (agreement) {
    const t = agreement.inProcessTime;
    if (t) console.log(`analysis time per page (in process, same pages): median ${ms(t.median)}, p95 ${ms(t.p95)}, max ${ms(t.max)}`);
    const n = pages.length;
    console.log(`in process vs server: counted flags identical on ${n - agreement.differ.length}/${n} pages, story title lines identical on ${n - agreement.differHeadline.length}/${n}`
      + (agreement.differ.length ? `; flags differ on ${agreement.differ.slice(0, 8).join(', ')}${agreement.differ.length > 8 ? ', …' : ''}` : '')
      + (agreement.differHeadline.length ? `; stories differ on ${agreement.differHeadline.slice(0, 8).join(', ')}${agreement.differHeadline.length > 8 ? ', …' : ''}` : ''));
  }
  const mismatch = inProcess.reduce((s, r) => s + (r.titleLineMismatch ?? 0), 0);
  if (mismatch) console.log(`note: ${mismatch} stories have a titleLine other than the line of their titleSpan (the outline uses the titleSpan)`);
  console.log('');
  console.log(sourceTable(results));
  if (o.sites) { console.log(''); console.log(siteSection(results)); }
  if (o.worst) { console.log(''); console.log(worstSection(results, o.worst)); }

  let failed = false;
  const fullDev = corpusDir === DEFAULT_CORPUS && !o.only && !o.limit;
  if (fullDev && existsSync(FLOOR_FILE)) {
    const checks = lib.checkFloor(agg, JSON.parse(readFileSync(FLOOR_FILE, 'utf8')));
    const bad = checks.filter((c) => !c.ok);
    failed = bad.length > 0;
    console.log('');
    console.log(`floor (${relative(process.cwd(), FLOOR_FILE)}): ${bad.length ? 'BELOW: ' + bad.map((c) => `${c.field} ${c.bound} but ${+c.value.toFixed(5)}`).join('; ') : `ok (${checks.map((c) => `${c.field} ${c.bound}`).join(', ')})`}`);
  }
  if (o.suggestFloor) {
    console.log('');
    console.log(`suggested floor (a little looser than this run):\n${JSON.stringify(lib.suggestFloor(agg), null, 2)}`);
  }
  if (o.json) {
    writeFileSync(o.json, JSON.stringify({
      title, corpus: corpusDir, modelBuild: buildId, totals: agg,
      bySource: Object.fromEntries([...lib.groupBy(results, (r) => lib.sourceOf(r.page))].map(([k, rs]) => [k, lib.aggregate(rs)])),
      bySite: Object.fromEntries(lib.siteReport(results).rows.map((r) => [r.site, { source: r.source, pages: r.pages, ...r.own, withoutThisSite: r.without }])),
      agreement,
      pages: results.map((r) => ({
        id: r.page.id, source: r.page.source, site: r.page.site, total: r.score.total, flagged: r.score.flagged, lines: r.score.lines,
        titleFlagged: r.score.titleFlagged, titleLines: r.page.titleLines, storyLines: r.storyLines, headline: r.headline,
        diagnostics: r.diagnostics.length, countedDiagnostics: r.counted, byKind: r.byKind,
        ms: r.ms, timedOut: r.timedOut, error: r.error,
      })),
    }, null, 1) + '\n');
    console.log(`\nwrote ${o.json}`);
  }
  return o.checkFloor && failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(`eval: ${(process.argv.includes('--verbose') && e.stack) || e.message || e}`);
  process.exitCode = 2;
});
