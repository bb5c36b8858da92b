// Scoring of Galley's cruft findings and headline outline on a labelled scrape corpus
// (test/fixtures/scrapes-dev and any folder in the same format). Shared by the
// `npm run eval` command line (scripts/eval.mjs) and the regression floor of
// `npm test` (test/eval/floor.test.ts). No dependencies, and nothing here knows how
// the model is built: callers hand in the model (or diagnostics from a server).
//
// Metric definitions (test/fixtures/scrapes-dev/README.md, "Metrics"), all counted in
// UTF-16 code units of the labelled spans, summed over the pages:
//   - a character is flagged when a counted diagnostic's range covers it; counted are
//     diagnostics whose code is a REMOVING kind (FIX_MODE 'remove' in
//     server/src/article/types.ts), whatever their severity: link-residue (mark),
//     spacing and encoding (repair) never count;
//   - body false-flag rate = flagged body chars / body chars; pages with any body char
//     flagged; pages with a `title` char flagged (of the pages with a `title` span);
//   - cruft recall = flagged boiler_out + boiler_in + boiler_snip chars / their chars;
//     precision = flagged cruft / (flagged cruft + flagged body); F1 of the two;
//   - line figures: a line holding body chars is a body line, flagged if any of its
//     body chars is; else a line holding cruft chars is a cruft line, counted as found
//     when at least half of its cruft chars are flagged;
//   - macro figures: the mean over pages of the page's own rate (pages where the rate
//     is undefined are left out);
//   - headline outline: on pages with labelled title line(s) (`title_lines`, else
//     `title_line`), a hit when a top-level symbol (a story) has its selection range
//     on one of those lines; stories per page = number of top-level symbols;
//   - quantiles (median, p95) are nearest-rank: the ceil(q·n)-th smallest value.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export const CRUFT_CLASSES = ['boiler_out', 'boiler_in', 'boiler_snip'];
/** Classes reported apart (lower confidence labels); they enter no headline figure. */
export const REPORTED_CLASSES = ['boiler_inline', 'boiler_hdr', 'byline'];
/** The server's defaults (server/src/settings.ts) that change what gets diagnosed. */
export const SERVER_DEFAULTS = { maxNumberOfProblems: 1000, maxFileSize: 5_000_000 };

// ------------------------------------------------------------------ corpus

/** Pages of a corpus folder: the labels.jsonl records plus `text`, `lines`, `path`. */
export function loadCorpus(dir, { only, limit } = {}) {
  const labels = join(dir, 'labels.jsonl');
  if (!existsSync(labels)) throw new Error(`no labels.jsonl in ${dir}: not a labelled corpus folder`);
  let pages = [];
  for (const raw of readFileSync(labels, 'utf8').split('\n')) {
    if (raw.trim()) pages.push(JSON.parse(raw));
  }
  if (only) {
    const ids = new Set((Array.isArray(only) ? only : String(only).split(',')).map((s) => s.trim()).filter(Boolean));
    const missing = [...ids].filter((id) => !pages.some((p) => p.id === id));
    if (missing.length) throw new Error(`no page ${missing.join(', ')} in ${dir}`);
    pages = pages.filter((p) => ids.has(p.id));
  }
  if (limit) pages = pages.slice(0, Number(limit));
  for (const p of pages) {
    p.path = resolve(dir, p.file);
    p.text = readFileSync(p.path, 'utf8');
    if (p.sha256) {
      const digest = createHash('sha256').update(p.text, 'utf8').digest('hex');
      if (digest !== p.sha256) throw new Error(`${p.path}: text is not the one that was labelled (sha256 differs)`);
    }
    p.lines = p.text.split(/\r\n|\r|\n/); // LSP's line breaks
    p.titleLines = titleLinesOf(p);
  }
  return pages;
}

export function titleLinesOf(page) {
  if (Array.isArray(page.title_lines) && page.title_lines.length) return page.title_lines;
  if (page.title_line !== undefined && page.title_line !== null) return [page.title_line];
  return [];
}

// ------------------------------------------------------------------ model → LSP-shaped results

/** Offsets where lines start, with LSP's line breaks (\r\n, \r, \n). */
export function lineStartsOf(text) {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m; (m = re.exec(text));) starts.push(m.index + m[0].length);
  return starts;
}

/** An offset as an LSP position (UTF-16 columns), as TextDocument.positionAt gives it. */
export function positionAt(starts, textLength, offset) {
  const o = Math.max(0, Math.min(offset, textLength));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: o - starts[lo] };
}

/** Whether a diagnostic code takes part in the flag figures: removing kinds only. */
export function isCounted(code, fixMode) {
  return fixMode[String(code)] === 'remove';
}

/**
 * Analyses one page in process and returns what the language server would send with
 * its default settings: diagnostics ({range, code, sure}) for the first
 * maxNumberOfProblems findings of every kind, and the top-level symbols' selection
 * lines (one per story, on its titleSpan). Nothing when the text exceeds maxFileSize.
 */
export function analysePage(model, text, settings = SERVER_DEFAULTS) {
  if (text.length > settings.maxFileSize) return { diagnostics: [], storyLines: [], ms: 0, skipped: true };
  const t0 = performance.now();
  const m = model.analyzeArticle(text);
  const ms = performance.now() - t0;
  const starts = lineStartsOf(text);
  const at = (o) => positionAt(starts, text.length, o);
  const diagnostics = m.findings.slice(0, settings.maxNumberOfProblems).map((f) => ({
    range: { start: at(f.span.start), end: at(f.span.end) }, code: f.kind, sure: f.sure,
  }));
  const storyLines = m.stories.map((s) => at(s.titleSpan.start).line);
  const titleLineMismatch = m.stories.filter((s, i) => s.titleLine !== storyLines[i]).length;
  return { diagnostics, storyLines, ms, modelMs: m.elapsedMs, stories: m.stories, titleLineMismatch };
}

// ------------------------------------------------------------------ flags

/** Flagged columns per line: Map line -> sorted disjoint [start, end) intervals. */
export function flagsFromRanges(ranges, lines) {
  const raw = new Map();
  const add = (line, a, b) => {
    if (b <= a) return;
    let list = raw.get(line);
    if (!list) raw.set(line, (list = []));
    list.push([a, b]);
  };
  let emptyRanges = 0;
  for (const r of ranges) {
    if (!r?.start || !r?.end) continue;
    const sl = r.start.line;
    if (sl >= lines.length) continue;
    let el = r.end.line;
    let ec = r.end.character;
    if (el >= lines.length) { el = lines.length - 1; ec = lines[el].length; }
    const sc = Math.min(r.start.character, lines[sl].length);
    ec = Math.min(ec, lines[el].length);
    if (sl === el) {
      if (ec <= sc) emptyRanges++;
      add(sl, sc, ec);
      continue;
    }
    add(sl, sc, lines[sl].length);
    for (let l = sl + 1; l < el; l++) add(l, 0, lines[l].length);
    add(el, 0, ec);
  }
  const flags = new Map();
  for (const [line, list] of raw) {
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const merged = [];
    for (const [a, b] of list) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    flags.set(line, merged);
  }
  return { flags, emptyRanges };
}

/** How many columns of [a, b) the intervals cover. */
export function covered(intervals, a, b) {
  if (!intervals) return 0;
  let n = 0;
  for (const [x, y] of intervals) {
    if (x >= b) break;
    if (y > a) n += Math.min(b, y) - Math.max(a, x);
  }
  return n;
}

// ------------------------------------------------------------------ one page

const cruftClass = (cls) => CRUFT_CLASSES.includes(cls);

/** Labelled and flagged chars per class on one page, and its line figures. */
export function scorePage(page, flags) {
  const total = {};
  const flagged = {};
  const perLine = new Map();
  for (const [line, a, b, cls] of page.spans) {
    const c = covered(flags.get(line), a, b);
    total[cls] = (total[cls] ?? 0) + (b - a);
    flagged[cls] = (flagged[cls] ?? 0) + c;
    if (cls === 'body' || cruftClass(cls)) {
      let e = perLine.get(line);
      if (!e) perLine.set(line, (e = { body: 0, bodyFlagged: 0, cruft: 0, cruftFlagged: 0 }));
      if (cls === 'body') { e.body += b - a; e.bodyFlagged += c; } else { e.cruft += b - a; e.cruftFlagged += c; }
    }
  }
  const lines = { bodyLines: 0, bodyLinesFlagged: 0, cruftLines: 0, cruftLinesFlagged: 0 };
  for (const e of perLine.values()) {
    if (e.body > 0) {
      lines.bodyLines++;
      if (e.bodyFlagged > 0) lines.bodyLinesFlagged++;
    } else if (e.cruft > 0) {
      lines.cruftLines++;
      if (2 * e.cruftFlagged >= e.cruft) lines.cruftLinesFlagged++;
    }
  }
  const sumCruft = (o) => CRUFT_CLASSES.reduce((s, c) => s + (o[c] ?? 0), 0);
  return {
    total, flagged, lines,
    body: total.body ?? 0, bodyFlagged: flagged.body ?? 0,
    cruft: sumCruft(total), cruftFlagged: sumCruft(flagged),
    titleFlagged: (flagged.title ?? 0) > 0,
  };
}

/** Body and cruft chars flagged by each kind alone (kinds overlap, so these need not add up). */
export function scoreByKind(page, diagnostics, fixMode) {
  const byKind = {};
  const codes = [...new Set(diagnostics.map((d) => String(d.code)))].filter((c) => isCounted(c, fixMode));
  for (const code of codes) {
    const { flags } = flagsFromRanges(diagnostics.filter((d) => String(d.code) === code).map((d) => d.range), page.lines);
    const s = scorePage(page, flags);
    byKind[code] = { body: s.bodyFlagged, cruft: s.cruftFlagged, title: s.flagged.title ?? 0 };
  }
  return byKind;
}

/**
 * The result of one page from what a server sent (or analysePage produced):
 * `diagnostics` [{range, code}], `storyLines` (selection line of each top-level
 * symbol, or null when symbols were not asked for), `ms` (analysis or latency time).
 */
export function pageResult(page, { diagnostics, storyLines, ms = null, timedOut = false, error }, fixMode) {
  const counted = diagnostics.filter((d) => isCounted(d.code, fixMode));
  const { flags, emptyRanges } = flagsFromRanges(counted.map((d) => d.range), page.lines);
  const score = scorePage(page, flags);
  let headline = null;
  if (storyLines && page.titleLines.length) {
    headline = { hit: page.titleLines.some((l) => storyLines.includes(l)), stories: storyLines.length };
  }
  return {
    page, flags, score, headline, ms, timedOut, error,
    diagnostics, counted: counted.length, emptyRanges,
    byKind: scoreByKind(page, diagnostics, fixMode), storyLines,
  };
}

/** In-process evaluation: the model ({analyzeArticle, FIX_MODE}) on every page. */
export function evaluateInProcess(pages, model, settings = SERVER_DEFAULTS) {
  return pages.map((page) => {
    const a = analysePage(model, page.text, settings);
    const r = pageResult(page, a, model.FIX_MODE);
    r.titleLineMismatch = a.titleLineMismatch ?? 0;
    return r;
  });
}

// ------------------------------------------------------------------ aggregation

const ratio = (a, b) => (b > 0 ? a / b : null);

/** Nearest-rank quantile. */
export function quantile(values, q) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

const mean = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export function aggregate(results) {
  let bodyChars = 0; let bodyFlagged = 0; let cruftChars = 0; let cruftFlagged = 0;
  const classes = {};
  const lines = { bodyLines: 0, bodyLinesFlagged: 0, cruftLines: 0, cruftLinesFlagged: 0 };
  const byKind = {};
  for (const r of results) {
    const s = r.score;
    bodyChars += s.body; bodyFlagged += s.bodyFlagged; cruftChars += s.cruft; cruftFlagged += s.cruftFlagged;
    for (const [cls, n] of Object.entries(s.total)) {
      const c = (classes[cls] ??= { chars: 0, flagged: 0 });
      c.chars += n; c.flagged += s.flagged[cls] ?? 0;
    }
    for (const k of Object.keys(lines)) lines[k] += s.lines[k];
    for (const [kind, v] of Object.entries(r.byKind ?? {})) {
      const e = (byKind[kind] ??= { body: 0, cruft: 0, title: 0, pagesBody: 0 });
      e.body += v.body; e.cruft += v.cruft; e.title += v.title; if (v.body > 0) e.pagesBody++;
    }
  }
  const precision = ratio(cruftFlagged, cruftFlagged + bodyFlagged);
  const cruftRecall = ratio(cruftFlagged, cruftChars);
  const f1 = precision && cruftRecall ? (2 * precision * cruftRecall) / (precision + cruftRecall) : 0;
  const perClass = {};
  for (const cls of ['body', 'title', ...CRUFT_CLASSES, ...REPORTED_CLASSES]) {
    if (classes[cls]?.chars) perClass[cls] = { ...classes[cls], flaggedRate: classes[cls].flagged / classes[cls].chars };
  }
  const withBody = results.filter((r) => r.score.body > 0);
  const withTitle = results.filter((r) => (r.score.total.title ?? 0) > 0);
  const timed = results.map((r) => r.ms).filter((x) => typeof x === 'number');
  const hl = results.filter((r) => r.headline);
  const hlOf = (sel) => ({ pages: sel.length, hits: sel.filter((r) => r.headline.hit).length });
  return {
    pages: results.length,
    bodyChars, bodyFlaggedChars: bodyFlagged, bodyFalseFlagRate: ratio(bodyFlagged, bodyChars),
    pagesWithBody: withBody.length, pagesWithBodyFlagged: withBody.filter((r) => r.score.bodyFlagged > 0).length,
    pagesWithTitle: withTitle.length, pagesWithTitleFlagged: withTitle.filter((r) => r.score.titleFlagged).length,
    cruftChars, cruftFlaggedChars: cruftFlagged, cruftRecall, precision, f1,
    macroBodyFalseFlagRate: mean(results.map((r) => ratio(r.score.bodyFlagged, r.score.body))),
    macroCruftRecall: mean(results.map((r) => ratio(r.score.cruftFlagged, r.score.cruft))),
    lines: {
      ...lines,
      bodyLineFalseFlagRate: ratio(lines.bodyLinesFlagged, lines.bodyLines),
      cruftLineRecall: ratio(lines.cruftLinesFlagged, lines.cruftLines),
    },
    perClass,
    byKind,
    headline: hl.length ? {
      ...hlOf(hl),
      groundTruth: hlOf(hl.filter((r) => r.page.title_source === 'ground-truth')),
      derived: hlOf(hl.filter((r) => String(r.page.title_source ?? '').startsWith('derived'))),
      storiesMedian: quantile(hl.map((r) => r.headline.stories), 0.5),
      storiesMax: Math.max(...hl.map((r) => r.headline.stories)),
    } : null,
    time: timed.length ? { median: quantile(timed, 0.5), p95: quantile(timed, 0.95), max: Math.max(...timed) } : null,
    timeouts: results.filter((r) => r.timedOut).length,
    errors: results.filter((r) => r.error).length,
    emptyRanges: results.reduce((a, r) => a + (r.emptyRanges ?? 0), 0),
  };
}

export function groupBy(results, keyOf) {
  const groups = new Map();
  for (const r of results) {
    const k = keyOf(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  return groups;
}

/** Short name of a page's source benchmark: its id prefix (aeb, traf). */
export const sourceOf = (page) => page.id.split('-')[0];

/**
 * Leave-one-site-out: the figures of the corpus without each site in turn, so that a
 * reader sees whether one site carries the result. Returns the per-site rows sorted
 * by site, and the range of the leave-one-out figures.
 */
export function siteReport(results) {
  const bySite = groupBy(results, (r) => r.page.site ?? r.page.id);
  const all = aggregate(results);
  const rows = [];
  for (const [site, rs] of bySite) {
    const own = aggregate(rs);
    const rest = aggregate(results.filter((r) => !rs.includes(r)));
    rows.push({
      site, source: sourceOf(rs[0].page), pages: rs.length, own, without: rest,
      shareOfBodyFlagged: ratio(own.bodyFlaggedChars, all.bodyFlaggedChars),
      shareOfCruftFlagged: ratio(own.cruftFlaggedChars, all.cruftFlaggedChars),
      shareOfCruft: ratio(own.cruftChars, all.cruftChars),
    });
  }
  rows.sort((a, b) => a.site.localeCompare(b.site));
  const range = (f) => {
    const v = rows.map((r) => ({ site: r.site, x: f(r.without) })).filter((e) => e.x !== null);
    if (!v.length) return null;
    v.sort((a, b) => a.x - b.x);
    return { min: v[0].x, minSite: v[0].site, max: v[v.length - 1].x, maxSite: v[v.length - 1].site };
  };
  return {
    rows,
    leaveOneOut: {
      bodyFalseFlagRate: range((a) => a.bodyFalseFlagRate),
      cruftRecall: range((a) => a.cruftRecall),
      f1: range((a) => a.f1),
      pagesWithBodyFlagged: range((a) => a.pagesWithBodyFlagged),
    },
  };
}

// ------------------------------------------------------------------ regression floor

/** Fields of test/eval/floor.json and the aggregate figure each one bounds. */
export const FLOOR_FIELDS = {
  maxBodyFalseFlagRate: { figure: (a) => a.bodyFalseFlagRate ?? 0, max: true },
  maxPagesWithBodyFlagged: { figure: (a) => a.pagesWithBodyFlagged, max: true },
  maxPagesWithTitleFlagged: { figure: (a) => a.pagesWithTitleFlagged, max: true },
  minCruftRecall: { figure: (a) => a.cruftRecall ?? 0, max: false },
  minF1: { figure: (a) => a.f1 ?? 0, max: false },
  minHeadlineHits: { figure: (a) => a.headline?.hits ?? 0, max: false },
};

/** [{field, bound, value, ok}] for every floor field present in `floor`. */
export function checkFloor(agg, floor) {
  const out = [];
  for (const [field, spec] of Object.entries(FLOOR_FIELDS)) {
    if (typeof floor[field] !== 'number') continue;
    const value = spec.figure(agg);
    out.push({ field, bound: floor[field], value, ok: spec.max ? value <= floor[field] : value >= floor[field] });
  }
  return out;
}

/** A floor a little looser than `agg`: room for noise, not for a real regression. */
export function suggestFloor(agg) {
  const up = (x, step) => Math.ceil((x + 1e-12) / step) * step;
  const down = (x, step) => Math.max(0, Math.floor((x - 1e-12) / step) * step);
  const r4 = (x) => Math.round(x * 1e4) / 1e4;
  return {
    maxBodyFalseFlagRate: r4(up((agg.bodyFalseFlagRate ?? 0) * 1.25 + 0.0005, 0.0005)),
    maxPagesWithBodyFlagged: agg.pagesWithBodyFlagged + 2,
    maxPagesWithTitleFlagged: agg.pagesWithTitleFlagged + 1,
    minCruftRecall: r4(down((agg.cruftRecall ?? 0) - 0.01, 0.005)),
    minF1: r4(down((agg.f1 ?? 0) - 0.01, 0.005)),
    minHeadlineHits: Math.max(0, (agg.headline?.hits ?? 0) - 2),
  };
}
