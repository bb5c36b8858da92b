// Does this text read like a scraped web article? Decides whether a plain-text file
// is opened in Article mode. Runs on every .txt the user opens, so it only looks at a
// bounded sample (the first `maxBytes`, plus a slice from the middle of longer files)
// and is linear in it; files that are plainly not articles (binary, tables, logs,
// code) are rejected early.
//
// The evidence is the shape of the text, not its exact words:
// - a scrape keeps every block element on one line, so its paragraphs are long
//   single lines of English prose (many function words, sentence punctuation, few
//   code symbols) or, where English function words are absent, of another language's
//   prose (long, two sentences or more, mostly lower-case words). Hard-wrapped text (READMEs, licences, man pages, changelogs)
//   breaks sentences across short lines instead;
// - scrapes carry web-page chrome: menus as bullet lists ("  • Home"), pipe-separated
//   link rows, form fields "[      ]", image labels "[logo]", rules "━━━";
// - other kinds of text have shapes of their own: code (braces, semicolons, keywords,
//   `=`/`=>`), Markdown (headings, fences, `[x](y)` links, `inline code`), logs
//   (timestamps or levels at line starts), CSV/TSV (the same number of delimiters on
//   every line), licences and copyright files (dense legal vocabulary), key: value
//   metadata.
// The decision: a text is an article when it has at least three one-line prose
// paragraphs (two on a page with web chrome) and no other shape reaches its threshold;
// a shape more than half-way there costs up to two paragraphs. Thresholds were set by
// measuring test/fixtures/scrapes-dev (positives) and test/fixtures/not-articles
// (negatives); test/model/detect.test.ts prints the figures.

import { ENGLISH_STOPWORDS } from './stopwords';

export interface ArticleDetection {
  isArticle: boolean;
  /** Evidence balance: > 0 reads like an article, ≤ 0 does not. Not a probability. */
  score: number;
  /** Short human-readable evidence, most important first. */
  reasons: string[];
}

export interface DetectOptions {
  /**
   * Size of the sample read from the start of the text, in UTF-16 code units (bytes,
   * for ASCII text). Longer texts are judged on this prefix plus a quarter as much
   * from their middle. Default 64 KB.
   */
  maxBytes?: number;
}

/** The measured shape of a text sample; exported for measurement and tests. */
export interface ArticleSignals {
  /** Non-blank lines looked at. */
  lines: number;
  /** Characters in non-blank lines (trimmed). */
  chars: number;
  words: number;
  /** Lines that are whole paragraphs of English prose (long, function words, sentences). */
  proseLines: number;
  /** Characters in those lines. */
  proseChars: number;
  /** Stop-word share over all words. */
  stopRatio: number;
  /** Lines that look like program code, comments or structured config. */
  codeLines: number;
  /** Markdown and reStructuredText marks: headings, rules, fences, links, inline code, bold, tables. */
  markdown: number;
  /** Lines that start with a timestamp or a log level. */
  logLines: number;
  /** Lines of `key: value` metadata (Debian control files, e-mail headers, YAML). */
  fieldLines: number;
  /** Words from the vocabulary of licences (boilerplate words 1, topical ones ½). */
  legalWords: number;
  /** A sentence broken across two short lines: the mark of hard-wrapped text. */
  wrapBreaks: number;
  /** Lines of web-page chrome: bullet menus, pipe menus, form fields, image labels, rules. */
  chromeLines: number;
  /** Share of lines in runs of rows with the same number of one delimiter (CSV/TSV shape), 0..1. */
  tableShare: number;
  /** Which delimiter gave `tableShare`, and how many columns it makes. */
  tableDelimiter: string;
  tableColumns: number;
  /** Control characters (other than tab, CR, LF, FF) and U+FFFD, per 1000 characters. */
  junkPerMille: number;
  hasNul: boolean;
}

const DEFAULT_MAX = 64 * 1024;

// ------------------------------------------------------------------ sampling

function cutAtLineEnd(s: string): string {
  const nl = s.lastIndexOf('\n');
  return nl > s.length / 2 ? s.slice(0, nl + 1) : s;
}

function sampleOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = cutAtLineEnd(text.slice(0, max));
  const midLen = Math.floor(max / 4);
  // from the middle, not overlapping the head, starting on a line
  let from = Math.max(head.length, Math.floor(text.length / 2 - midLen / 2));
  const nl = text.indexOf('\n', from);
  if (nl >= 0 && nl < from + midLen / 2) from = nl + 1;
  if (from >= text.length) return head;
  return head + '\n\n' + cutAtLineEnd(text.slice(from, from + midLen));
}

// ------------------------------------------------------------------ characters

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
    || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
    || (c >= 0x370 && c <= 0x52f) // Greek, Cyrillic
    || (c >= 0x1e00 && c <= 0x1fff);
}
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

// characters that are common in code and rare in prose
const CODE_SYMBOLS = new Set('{}[]<>=;\\|_$#@^~`*/'.split('').map((s) => s.charCodeAt(0)));

// The vocabulary of licences and copyright notices, as stems matched at the start of
// a word. Boilerplate words that news seldom uses count fully; words a report on a
// lawsuit uses too ("liable", "copyright", "infringement") count half.
const LEGAL_BOILERPLATE = [
  'warrant', 'merchantab', 'sublicens', 'redistribut', 'hereby', 'herein', 'hereunder', 'thereof',
  'notwithstanding', 'noninfring', 'disclaim', 'indemn', 'licensor', 'licensee',
];
const LEGAL_TOPICAL = ['licens', 'licenc', 'copyright', 'liabil', 'liable', 'infring'];
function legalWeight(w: string): number {
  for (const s of LEGAL_BOILERPLATE) if (w.startsWith(s)) return 1;
  for (const s of LEGAL_TOPICAL) if (w.startsWith(s)) return 0.5;
  return 0;
}

const CODE_KEYWORD = /^(import|export|from|const|let|var|function|def|class|return|if|elif|else|for|while|switch|case|break|continue|try|catch|except|finally|throw|raise|public|private|protected|static|async|await|package|using|namespace|interface|type|enum|struct|fn|use|module|require|yield|lambda|with|assert|declare|abstract|readonly|unsigned|int|void|char|float|double|bool|boolean|string|local|end|then|do|done|fi|esac|echo|sudo|npm|npx|yarn|pip|git|cd|apt|apt-get|set|unset|alias|source)\b/;
const CODE_START = /^(\/\/|\/\*|\*\/|#!|#include|#define|#if|#end|<\/?[a-zA-Z!?][^>]*>|[}\])]|@[A-Za-z]+\(|\$ |>>> |--\s|;)/;
const CODE_END = /([;{}[(]|=>|\*\/|\):|->|\\)$/;
// a trailing comma is code when the line is not a run of words: `  foo,` `"key": 1,` `[1, 2],`
const CODE_COMMA = /^(["'`[{(]|\w+,$|[\w.]+\s*[:=]\s*\S)/;
const CODE_INSIDE = /(=>|===|!==|==|!=|&&|\|\||::|->|\+\+|\+=|-=|:=|\w\(\)|\)\s*\{|\w\.\w+\(|\w\[\w*\]|^\w[\w.]*\s*=\s*\S)/;
// Markdown / reStructuredText: headings, underlines and rules, directives
const MD_HEADING = /^(#{1,6}\s+\S|([-=~^*+#"'`])\2{2,}$|\.\. [\w-]*::|\.\. _)/;
const MD_FENCE = /^(```|~~~)/;
// links, inline code, images, bold, table rows, reST literal blocks ("Example::")
const MD_INLINE = /\]\([^)\s]+\)|`[^`\s][^`]*`|!\[|\*\*[^*\s][^*]*\*\*|\w::$|^\|.*\|$|^\|?\s*:?-{3,}:?\s*\|/g;
const MD_INLINE_CODE = /`[^`]*`/g;
const LIST_START = /^([-+*]\s|\d+[.)]\s)/;
const LOG_START = new RegExp(
  '^(\\[?\\d{4}[-/.]\\d\\d[-/.]\\d\\d[ T_]\\d\\d:\\d\\d' // 2024-03-14 08:00 / ISO
  + '|\\[?\\d\\d[-/.]\\d\\d[-/.]\\d{4}[ T]\\d\\d:\\d\\d' // 14/03/2024 08:00
  + '|[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d' // syslog
  + '|\\[?\\d\\d:\\d\\d:\\d\\d' // 08:00:01
  + '|\\[?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|SEVERE)\\b' // levels
  + '|\\{"[\\w@.-]+":.*\\}$' // JSON lines
  + ')',
);
// a timestamp a little way into the line: "update-alternatives 2024-…", `1.2.3.4 - - [14/Mar/2024:08:00:01`
const LOG_INSIDE = /^.{1,40}?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d|\[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d)/;
const FIELD = /^[A-Za-z][\w.-]{0,30}:(\s|$)/;
const URL_ONLY = /^(https?:\/\/|www\.)\S+$/;
const BULLET = /^[•◦□▪‣●○■]\s/;
const FORM_FIELD = /\[\s{3,}\]|\[[A-Za-z0-9_ -]{1,40}\s{2,}\]/;
const IMAGE_LABEL = /^\[[\p{L}\p{N}][^\]|=<>]{0,40}\]$/u;
const RULE = /^[━─═]{10,}/;
// a row of links: "Home | News | Sport", "By Jane Doe | Fox News"
const PIPE_MENU = /^[\p{L}\p{N}][^|=<>{}()[\]'"`;]{0,39}( \| [^|=<>{}()[\]'"`;]{1,40})+ ?\|?$/u;
const SENTENCE_PUNCT = /[A-Za-z0-9)"”’'%][.!?…]["”’')\]]*(\s|$)/;

// ------------------------------------------------------------------ measuring

type LineKind = 'blank' | 'prose' | 'code' | 'chrome' | 'log' | 'field' | 'other';

interface LineRec {
  kind: LineKind;
  len: number;
  words: number;
  stops: number;
  /** Words that start with a lower-case letter. */
  lowerWords: number;
  legal: number;
  letterRatio: number;
  symbolRatio: number;
  /** Commas, tabs, semicolons, pipes outside double quotes. */
  delims: number[];
  /** The first word starts with a lower-case ASCII letter. */
  firstLower: boolean;
  /** Ends like a sentence or a paragraph: . ! ? … : possibly inside quotes or brackets. */
  terminal: boolean;
  /** Of the width hard-wrapped text is wrapped at, and made of words. */
  wrapWidth: boolean;
  /** A line of words at wrap width that stops mid-sentence. */
  runsOn: boolean;
  /** Part of a run of lines with the same number of one delimiter. */
  inTable: boolean;
}

const BLANK: LineRec = {
  kind: 'blank', len: 0, words: 0, stops: 0, lowerWords: 0, legal: 0, letterRatio: 0, symbolRatio: 0, delims: [0, 0, 0, 0],
  firstLower: false, terminal: false, wrapWidth: false, runsOn: false, inTable: false,
};
const DELIMS = [',', '\t', ';', '|'];
/** Lines in a row with the same number of one delimiter that make a table. */
const TABLE_RUN = 4;
const TERMINAL = /[.!?…:]["”’'»)\]]*$/;

/** One pass over the characters of a trimmed, non-blank line. */
function measureLine(t: string): LineRec {
  let words = 0;
  let stops = 0;
  let letters = 0;
  let nonSpace = 0;
  let symbols = 0;
  let legal = 0;
  let firstLower = false;
  let lowerWords = 0;
  const delims = [0, 0, 0, 0];
  let inQuote = false;
  const m = t.length;
  let i = 0;
  while (i < m) {
    const c = t.charCodeAt(i);
    if (isLetter(c)) {
      const start = i;
      while (i < m) {
        const d = t.charCodeAt(i);
        if (isLetter(d)) { letters++; i++; continue; }
        if (isApostrophe(d) && i + 1 < m && isLetter(t.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      nonSpace += i - start;
      if (words === 0) firstLower = c >= 97 && c <= 122;
      if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) lowerWords++;
      words++;
      const w = t.slice(start, i).toLowerCase();
      if (w.length <= 12 && ENGLISH_STOPWORDS.has(w.replace(/\u2019/g, "'"))) stops++;
      else if (w.length > 5) legal += legalWeight(w);
      continue;
    }
    if (c !== 32 && c !== 9) {
      nonSpace++;
      if (CODE_SYMBOLS.has(c)) symbols++;
      if (c === 34) inQuote = !inQuote;
      else if (!inQuote) {
        if (c === 44) delims[0]++;
        else if (c === 59) delims[2]++;
        else if (c === 124) delims[3]++;
      }
    } else if (c === 9 && !inQuote) delims[1]++;
    i++;
  }
  const letterRatio = nonSpace ? letters / nonSpace : 0;
  const terminal = TERMINAL.test(t);
  const wrapWidth = t.length >= 40 && t.length <= 100 && words >= 6 && letterRatio >= 0.6;
  return {
    kind: 'other', len: t.length, words, stops, lowerWords, legal, letterRatio, symbolRatio: nonSpace ? symbols / nonSpace : 0,
    delims, firstLower, terminal, wrapWidth, runsOn: wrapWidth && !terminal, inTable: false,
  };
}

const INNER_SENTENCE_END = /[\p{Ll}\p{N})"”’'%][.!?…]["”’')\]]*\s+["“‘(]?\p{Lu}/gu;

/** A paragraph in a language other than English: English function words are absent,
 * so it is known by its length, its sentences (two at least) and its lower-case words
 * (a menu or a title is mostly capitals). */
function foreignProse(t: string, r: LineRec, stopRatio: number): boolean {
  if (stopRatio >= 0.1 || r.words < 15 || t.length < 100 || r.letterRatio < 0.75 || r.symbolRatio > 0.03) return false;
  if (r.lowerWords < r.words * 0.4 || !TERMINAL.test(t)) return false;
  return (t.match(INNER_SENTENCE_END)?.length ?? 0) >= 1;
}

/** What kind of line this is, on its own; counts the file-level signals it carries. */
function classify(t: string, r: LineRec, sig: ArticleSignals): void {
  if (MD_HEADING.test(t)) { sig.markdown++; return; }

  // web-page chrome: menus, form fields, image labels, rules, rows of links
  if ((BULLET.test(t) && r.words <= 8) || FORM_FIELD.test(t) || IMAGE_LABEL.test(t) || RULE.test(t)
    || (t.length < 160 && PIPE_MENU.test(t))) {
    r.kind = 'chrome';
    sig.chromeLines++;
    return;
  }
  if (LOG_START.test(t) || LOG_INSIDE.test(t)) { r.kind = 'log'; sig.logLines++; return; }

  const stopRatio = r.words ? r.stops / r.words : 0;
  const proseLike = (r.words >= 12 && t.length >= 60 && stopRatio >= 0.2 && r.letterRatio >= 0.7
    && r.symbolRatio <= 0.04 && SENTENCE_PUNCT.test(t)) || foreignProse(t, r, stopRatio);
  // Markdown `inline code` in a sentence does not make the sentence code
  const md = t.match(MD_INLINE);
  const c = md && t.includes('`') ? t.replace(MD_INLINE_CODE, 'x') : t;
  const codeish = CODE_START.test(c) || CODE_END.test(c) || CODE_INSIDE.test(c)
    || (c.endsWith(',') && CODE_COMMA.test(c))
    || (CODE_KEYWORD.test(c) && (r.symbolRatio > 0 || r.words <= 3)) || (c === t && r.symbolRatio > 0.12);
  if (codeish && !(proseLike && stopRatio >= 0.25 && r.symbolRatio < 0.03)) {
    r.kind = 'code';
    sig.codeLines++;
    // backticks in code are template literals or shell, not Markdown
    if (md) for (const x of md) if (x[0] !== '`') sig.markdown++;
    return;
  }
  if (md) sig.markdown += md.length;
  // `key: value`, unless the value is a paragraph ("A: I think the importance of…")
  if (FIELD.test(t) && !proseLike) { r.kind = 'field'; sig.fieldLines++; return; }
  const marker = LIST_START.test(t) || t.startsWith('>') || t.startsWith('|') || URL_ONLY.test(t);
  if (proseLike && !marker) r.kind = 'prose';
}

export function measureArticleText(text: string, opts: DetectOptions = {}): ArticleSignals {
  const max = Math.max(1024, opts.maxBytes ?? DEFAULT_MAX);
  let s = sampleOf(text, max);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  // CRLF and lone CR line ends read as LF (on the bounded sample only)
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');

  const sig: ArticleSignals = {
    lines: 0, chars: 0, words: 0, proseLines: 0, proseChars: 0, stopRatio: 0, codeLines: 0,
    markdown: 0, logLines: 0, fieldLines: 0, legalWords: 0, wrapBreaks: 0, chromeLines: 0,
    tableShare: 0, tableDelimiter: '', tableColumns: 0, junkPerMille: 0, hasNul: false,
  };

  // binary junk: look at the first 8 KB only
  let junk = 0;
  const probe = Math.min(s.length, 8192);
  for (let i = 0; i < probe; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) { sig.hasNul = true; break; }
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
  }
  sig.junkPerMille = probe ? (junk * 1000) / probe : 0;
  if (sig.hasNul || sig.junkPerMille > 20) return sig;

  // pass 1: per-line measurements
  const recs: LineRec[] = [];
  let stops = 0;
  let inFence = false;
  let inComment = false;
  let pos = 0;
  const n = s.length;
  while (pos < n) {
    let end = s.indexOf('\n', pos);
    if (end < 0) end = n;
    const t = s.slice(pos, end).trim();
    pos = end + 1;
    if (t.length === 0) { recs.push(BLANK); continue; }
    const r = measureLine(t);
    sig.lines++;
    sig.chars += t.length;
    sig.words += r.words;
    stops += r.stops;
    sig.legalWords += r.legal;

    // fenced code blocks count as code, whatever they hold
    if (MD_FENCE.test(t)) {
      inFence = !inFence;
      sig.markdown += 2;
      r.kind = 'code';
      sig.codeLines++;
    } else if (inFence) {
      r.kind = 'code';
      sig.codeLines++;
    } else if (inComment || t.startsWith('/*')) {
      // block comments (JSDoc, licence headers) belong to the code around them
      inComment = !t.includes('*/', inComment ? 0 : 2);
      r.kind = 'code';
      sig.codeLines++;
    } else {
      classify(t, r, sig);
    }
    recs.push(r);
  }
  sig.stopRatio = sig.words ? stops / sig.words : 0;

  // pass 2: context, block by block (a block is a run of non-blank lines).
  // - Tables: runs of TABLE_RUN or more lines with the same number of one delimiter.
  //   Their lines are table rows, whatever they hold (a CSV column of sentences).
  // - Hard wrapping: blocks of several lines of moderate width whose sentences run on
  //   from line to line; a scrape has one paragraph per line.
  const tableLines = [0, 0, 0, 0];
  const tableWidth = [0, 0, 0, 0];
  const longestRun = [0, 0, 0, 0];
  let i = 0;
  while (i < recs.length) {
    if (recs[i] === BLANK) { i++; continue; }
    let j = i;
    let wrapWidth = 0;
    while (j < recs.length && recs[j] !== BLANK) {
      if (recs[j].wrapWidth) wrapWidth++;
      j++;
    }
    for (let k = 0; k < DELIMS.length; k++) {
      let start = i;
      for (let x = i + 1; x <= j; x++) {
        const c = recs[start].delims[k];
        if (x < j && recs[x].delims[k] === c) continue;
        const run = x - start;
        if (c > 0 && run >= TABLE_RUN) {
          for (let y = start; y < x; y++) recs[y].inTable = true;
          tableLines[k] += run;
          if (run > longestRun[k]) { longestRun[k] = run; tableWidth[k] = c + 1; }
        }
        start = x;
      }
    }
    for (let k = i; k < j; k++) {
      const r = recs[k];
      const continues = k > i && recs[k - 1].runsOn && r.firstLower && r.kind !== 'code' && recs[k - 1].kind !== 'code';
      if (continues) sig.wrapBreaks++;
      if (r.kind !== 'prose' || r.inTable || continues) continue;
      if (r.len >= 100 || (r.terminal && wrapWidth < 2)) {
        sig.proseLines++;
        sig.proseChars += r.len;
      }
    }
    i = j;
  }
  for (let k = 0; k < DELIMS.length; k++) {
    const share = tableLines[k] / Math.max(1, sig.lines);
    if (share > sig.tableShare) {
      sig.tableShare = share;
      sig.tableDelimiter = DELIMS[k];
      sig.tableColumns = tableWidth[k];
    }
  }
  return sig;
}

// ------------------------------------------------------------------ deciding

/**
 * Thresholds, set by measurement (test/model/detect.test.ts prints the figures). In
 * brackets: the highest value seen on the 88 positive pages (seed and scrapes-dev).
 */
const DETECT_THRESHOLDS = {
  /** One-line prose paragraphs needed (one fewer with `minChrome` lines of web-page chrome). */
  minProse: 3,
  minChrome: 5,
  /** Shapes of other kinds of text; reaching one of these rules the text out. */
  tableShare: 0.6, // [0.14] lines in runs with the same number of one delimiter…
  // …unless there are `minProse` paragraphs outside them (an article with a table)
  logShare: 0.3, // [0.03] lines starting with a timestamp or level
  legalPerMille: 20, // [10.1] licence vocabulary per 1000 words (weighted)
  wrapShare: 0.1, // [0.02] sentences running on from one short line to the next
  fieldShare: 0.3, // [0.16] `key: value` lines
  codeShare: 0.3, // [0.17] code-like lines, when they also outnumber prose 3 to 1…
  pageChrome: 10, // …and the text has fewer lines of web-page chrome than this
  /** Markdown marks per prose paragraph (counting at least `minMarkdown` paragraphs; fewer marks are ignored). */
  markdownPerProse: 1, // [0.02]
  minMarkdown: 4,
} as const;

interface Shape {
  /** Measure / threshold: ≥ 1 rules the text out. */
  level: number;
  reason: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const round2 = (x: number): number => Math.round(x * 100) / 100;

function shapesOf(sig: ArticleSignals): Shape[] {
  const T = DETECT_THRESHOLDS;
  const L = Math.max(1, sig.lines);
  const P = sig.proseLines;
  const legal = (1000 * sig.legalWords) / Math.max(1, sig.words);
  const delim = sig.tableDelimiter === '\t' ? 'tab' : `'${sig.tableDelimiter}'`;
  return [
    {
      level: P >= T.minProse ? 0 : sig.tableShare / T.tableShare,
      reason: `table-shaped: ${pct(sig.tableShare)} of lines have ${sig.tableColumns} ${delim}-separated columns`,
    },
    { level: sig.logLines / L / T.logShare, reason: `log-shaped: ${pct(sig.logLines / L)} of lines start with a timestamp or level` },
    { level: legal / T.legalPerMille, reason: `licence wording (${Math.round(legal)} legal terms per 1000 words)` },
    { level: sig.wrapBreaks >= 3 ? sig.wrapBreaks / L / T.wrapShare : 0, reason: `hard-wrapped: sentences run on across ${pct(sig.wrapBreaks / L)} of line ends` },
    { level: sig.fieldLines / L / T.fieldShare, reason: `${pct(sig.fieldLines / L)} of lines are key: value fields` },
    {
      // a web page with code on it (a tutorial) keeps its menus and fields
      level: sig.codeLines >= 3 * P && sig.chromeLines < T.pageChrome ? sig.codeLines / L / T.codeShare : 0,
      reason: sig.codeLines / L >= 0.5 ? `mostly code-like lines (${pct(sig.codeLines / L)})` : `${pct(sig.codeLines / L)} of lines look like code`,
    },
    {
      level: sig.markdown >= T.minMarkdown ? sig.markdown / Math.max(P, T.minMarkdown) / T.markdownPerProse : 0,
      reason: `Markdown/reST markup (${sig.markdown} marks: headings, fences, links, inline code)`,
    },
  ];
}

export function detectArticle(text: string, opts: DetectOptions = {}): ArticleDetection {
  const T = DETECT_THRESHOLDS;
  const sig = measureArticleText(text, opts);
  const no = (score: number, reason: string): ArticleDetection => ({ isArticle: false, score, reasons: [reason] });

  if (sig.hasNul) return no(-10, 'binary data (NUL bytes)');
  if (sig.junkPerMille > 20) return no(-10, 'binary data (control characters)');
  if (sig.lines === 0) return no(-10, 'empty');
  if (sig.words < 30) return no(-5, `too little text (${sig.words} words)`);

  const P = sig.proseLines;
  const reasons: string[] = [];
  reasons.push(P === 1 ? '1 prose paragraph' : `${P} prose paragraphs`);
  if (sig.chromeLines > 0) {
    reasons.push(`${sig.chromeLines} line${sig.chromeLines === 1 ? '' : 's'} of web-page chrome (menus, fields, image labels)`);
  }

  // the strongest shape of another kind of text
  const shapes = shapesOf(sig).sort((a, b) => b.level - a.level);
  const worst = shapes[0].level;
  const against = shapes.filter((x) => x.level >= 0.5).map((x) => x.reason);
  if (worst >= 1) {
    return { isArticle: false, score: -round2(Math.min(worst, 10)), reasons: [...against, ...reasons] };
  }
  // prose paragraphs, one more for a page's chrome, less up to two for another shape
  // more than half-way to its threshold
  const chrome = sig.chromeLines >= T.minChrome ? 1 : 0;
  const score = round2(P + chrome - (T.minProse - 0.5) - 2 * Math.max(0, worst - 0.5));
  const isArticle = score > 0;
  if (!isArticle && P < T.minProse) reasons.push(`too little prose (${T.minProse} paragraphs needed)`);
  return { isArticle, score, reasons: isArticle ? [...reasons, ...against] : [...against, ...reasons] };
}
