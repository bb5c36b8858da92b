// In-process figures: Galley's model against the bare scan (the limit), against the
// peer (vscode-markdown-languageservice), and its cost growth with size. Every call
// reads a fresh document version on both sides; rounds alternate the two sides so that
// both see the same machine, and ratios are medians of per-round ratios.
import { loadGalley } from './build.mjs';
import { corpusText, devCorpus, markdownSeed, repeat, seed } from './corpus.mjs';
import { createPeer } from './peer.mjs';
import { bareScan } from './scan.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const now = () => performance.now();

/** Runs `sides` (name → async fn) in alternating order for `rounds` rounds after one
 * warm-up call each; returns each side's times and the per-round ratio a/b. */
async function sideBySide(rounds, a, b) {
  await a();
  await b();
  const ta = [];
  const tb = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [[b, tb], [a, ta]] : [[a, ta], [b, tb]];
    for (const [fn, out] of order) {
      const t0 = now();
      await fn();
      out.push(now() - t0);
    }
  }
  return { a: median(ta), b: median(tb), ratio: median(ta.map((t, i) => t / tb[i])) };
}

export async function modelFigures({ quick = false } = {}) {
  const g = await loadGalley();
  const rows = [];
  let version = 0;
  const uri = 'file:///bench/page.article';
  const cache = new g.ModelCache(() => Infinity);
  /** What the server does for a new version: the model (once per version), then the
   * outline, folding and diagnostics from it. */
  const galleyFeatures = async (text) => {
    const doc = g.TextDocument.create(uri, 'article', ++version, text);
    const model = (await cache.get(doc)).model;
    return g.documentSymbols(doc, model).length + g.foldingRanges(model).length + g.toDiagnostics(doc, model, g.DEFAULT_SETTINGS).length;
  };

  // ---- against the limit: the model on 10 MB vs a bare 12-regex line scan
  const big = corpusText(10_000_000);
  const mb = big.length / 1e6;
  // a fresh text per call (a varying last character) so that nothing can be reused
  let k = 0;
  const limit = await sideBySide(quick ? 3 : 5, () => g.analyzeArticle(big + (k++ % 2 ? ' ' : '\n')), () => bareScan(big + (k++ % 2 ? ' ' : '\n')));
  rows.push({
    section: 'limit',
    figure: `model on the dev corpus ×${(big.length / devCorpus.length).toFixed(1)} (${mb.toFixed(1)} MB) / bare 12-regex line scan`,
    value: limit.ratio,
    unit: '×',
    detail: `${limit.a.toFixed(0)} ms (${(mb / (limit.a / 1000)).toFixed(1)} MB/s) vs ${limit.b.toFixed(0)} ms (${(mb / (limit.b / 1000)).toFixed(0)} MB/s)`,
    target: '≤ 4',
    pass: limit.ratio <= 4,
  });

  // ---- against the peer: symbols + folding + diagnostics on the seed ×1, ×10, ×100
  const peer = createPeer();
  const mdSeed = markdownSeed();
  for (const [times, rounds] of [[1, 60], [10, 20], [100, quick ? 5 : 9]]) {
    const text = repeat(seed, times);
    const mdText = repeat(mdSeed, times);
    const r = await sideBySide(rounds, () => galleyFeatures(text), () => peer.all(mdText));
    rows.push({
      section: 'peer',
      figure: `symbols + folding + diagnostics, seed ×${times} (${(text.length / 1e3).toFixed(0)} KB): Galley / markdown service`,
      value: r.ratio,
      unit: '×',
      detail: `${r.a.toFixed(2)} ms vs ${r.b.toFixed(2)} ms`,
      target: '≤ 1.0',
      pass: r.ratio <= 1,
    });
  }

  // ---- cost growth: time per MB from 10 KB to 10 MB
  const sizes = [10e3, 100e3, 1e6, 10e6];
  const perMb = {};
  for (const size of sizes) {
    const text = corpusText(size);
    const rounds = size <= 100e3 ? 30 : size <= 1e6 ? 7 : quick ? 3 : 5;
    const ts = [];
    for (let r = 0; r <= rounds; r++) {
      const t0 = now();
      g.analyzeArticle(text + (r % 2 ? ' ' : '\n'));
      if (r) ts.push(now() - t0);
    }
    const t = median(ts);
    perMb[size] = t / (text.length / 1e6);
    rows.push({ section: 'growth', figure: `model, corpus ${fmtSize(text.length)}`, value: t, unit: 'ms', detail: `${perMb[size].toFixed(0)} ms/MB`, target: '', pass: undefined });
  }
  const growth = perMb[10e6] / perMb[100e3];
  rows.push({ section: 'growth', figure: 'time per MB at 10 MB / at 100 KB (corpus)', value: growth, unit: '×', detail: '', target: '≤ 1.5', pass: growth <= 1.5 });

  // one paragraph over and over: duplicates, echoes and people must stay linear
  const paragraph = seed.split('\n').filter((l) => l.length > 300)[0];
  const rep = {};
  for (const size of [100e3, 10e6]) {
    const text = (paragraph + '\n\n').repeat(Math.ceil(size / (paragraph.length + 2)));
    const ts = [];
    const rounds = size <= 100e3 ? 20 : quick ? 2 : 3;
    for (let r = 0; r <= rounds; r++) {
      const t0 = now();
      g.analyzeArticle(text + (r % 2 ? ' ' : '\n'));
      if (r) ts.push(now() - t0);
    }
    rep[size] = median(ts) / (text.length / 1e6);
  }
  const repGrowth = rep[10e6] / rep[100e3];
  rows.push({
    section: 'growth',
    figure: 'time per MB at 10 MB / at 100 KB (one paragraph repeated)',
    value: repGrowth,
    unit: '×',
    detail: `${rep[100e3].toFixed(0)} → ${rep[10e6].toFixed(0)} ms/MB`,
    target: '≤ 1.5',
    pass: repGrowth <= 1.5,
  });
  return rows;
}

export function fmtSize(chars) {
  if (chars >= 0.95e6) return `${(chars / 1e6).toFixed(chars >= 1e7 ? 0 : 1)} MB`;
  return `${Math.round(chars / 1e3)} KB`;
}
