// Does this text read like a scraped web article? Decides whether a plain-text file
// is opened in Article mode. Runs on every .txt the user opens, so it only looks at a
// bounded sample (the first `maxBytes`, plus a slice from the middle of longer files)
// and is linear in it; files that are plainly not articles (binary, tables, logs,
// code) are rejected early.
//
// The evidence is the shape of the text, not its exact words:
// - a scrape keeps every block element on one line, so its paragraphs are long
//   single lines of English prose (many function words, sentence punctuation, few
//   code symbols). Hard-wrapped text (READMEs, licences, man pages, changelogs)
//   breaks sentences across short lines instead;
// - scrapes carry web-page chrome: menus as bullet lists ("  • Home"), pipe-separated
//   link rows, form fields "[      ]", image labels "[logo]", rules "━━━";
// - other kinds of text have shapes of their own: code (braces, semicolons, keywords,
//   `=`/`=>`), Markdown (headings, fences, `[x](y)` links, `inline code`), logs
//   (timestamps or levels at line starts), CSV/TSV (the same number of delimiters on
//   every line), licences and copyright files (dense legal vocabulary), key: value
//   metadata.
// Thresholds were set by measuring test/fixtures/scrapes-dev (positives) and
// test/fixtures/not-articles (negatives); see test/model/detect.test.ts.

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
  /** Markdown syntax: headings, fences, links, inline code, badges, tables. */
  markdown: number;
  /** Lines that start with a timestamp or a log level. */
  logLines: number;
  /** Lines of `key: value` metadata (Debian control files, e-mail headers, YAML). */
  fieldLines: number;
  /** Words from the legal vocabulary of licences. */
  legalWords: number;
  /** A sentence broken across two short lines: the mark of hard-wrapped text. */
  wrapBreaks: number;
  /** Lines of web-page chrome: bullet menus, pipe menus, form fields, image labels, rules. */
  chromeLines: number;
  /** Share of lines in the most regular delimiter pattern (CSV/TSV shape), 0..1. */
  tableShare: number;
  /** Which delimiter gave `tableShare`. */
  tableDelimiter: string;
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
  let from = Math.floor(text.length / 2 - midLen / 2);
  if (from <= head.length) return head;
  const nl = text.indexOf('\n', from);
  if (nl >= 0 && nl < from + midLen / 2) from = nl + 1;
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

// The legal vocabulary of licences and copyright notices (stems, matched as prefixes).
const LEGAL_STEMS = [
  'licens', 'licenc', 'copyright', 'warrant', 'merchantab', 'liabil', 'liable', 'infring',
  'sublicens', 'redistribut', 'indemn', 'disclaim', 'hereby', 'herein', 'hereunder', 'thereof',
  'notwithstanding', 'royalt', 'patent', 'noninfring', 'statutory', 'tort',
];
function isLegal(w: string): boolean {
  for (const s of LEGAL_STEMS) if (w.startsWith(s)) return true;
  return false;
}

const CODE_KEYWORD = /^(import|export|from|const|let|var|function|def|class|return|if|elif|else|for|while|switch|case|break|continue|try|catch|except|finally|throw|raise|public|private|protected|static|async|await|package|using|namespace|interface|type|enum|struct|fn|use|module|require|yield|lambda|with|assert|declare|abstract|readonly|unsigned|int|void|char|float|double|bool|boolean|string|local|end|then|do|done|fi|esac|echo|sudo|npm|npx|yarn|pip|git|cd|apt|apt-get|set|unset|alias|source)\b/;
const CODE_START = /^(\/\/|\/\*|\*\/|\*\s|\*$|#!|#include|#define|#if|#end|<\/?[a-zA-Z!?][^>]*>|[}\])]|@[A-Za-z]+\(|\$ |>>> |--\s|;)/;
const CODE_END = /([;{}[(,]|=>|\*\/|\):|->|\\)$/;
const CODE_INSIDE = /(=>|===|!==|==|!=|&&|\|\||::|->|\+\+|\+=|-=|:=|\w\(\)|\)\s*\{|\w\.\w+\(|\w\[\w*\]|^\w[\w.]*\s*=\s*\S)/;
const MD_HEADING = /^#{1,6}\s+\S/;
const MD_FENCE = /^(```|~~~)/;
const MD_INLINE = /\]\([^)\s]+\)|`[^`\s][^`]*`|!\[|^\|.*\|$|^\|?\s*:?-{3,}:?\s*\|/g;
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
const IMAGE_LABEL = /^\[[^\]\s][^\]]{0,40}\]$/;
const RULE = /^[━─═_=\-–—*·•]{10,}$/;
const SENTENCE_PUNCT = /[A-Za-z0-9)"”’'%][.!?…]["”’')\]]*(\s|$)/;

// ------------------------------------------------------------------ measuring

type LineKind = 'blank' | 'prose' | 'code' | 'chrome' | 'log' | 'field' | 'other';

interface LineRec {
  kind: LineKind;
  len: number;
  words: number;
  stops: number;
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
}

const BLANK: LineRec = {
  kind: 'blank', len: 0, words: 0, stops: 0, legal: 0, letterRatio: 0, symbolRatio: 0, delims: [0, 0, 0, 0],
  firstLower: false, terminal: false, wrapWidth: false, runsOn: false,
};
const DELIMS = [',', '\t', ';', '|'];
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
      words++;
      if (i - start <= 12) {
        const w = t.slice(start, i).toLowerCase().replace(/\u2019/g, "'");
        if (ENGLISH_STOPWORDS.has(w)) stops++;
        else if (w.length > 3 && isLegal(w)) legal++;
      } else if (isLegal(t.slice(start, i).toLowerCase())) legal++;
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
    kind: "other", t, len: t.length, words, stops, legal, letterRatio, symbolRatio: nonSpace ? symbols / nonSpace : 0,
    delims, firstLower, terminal, wrapWidth, runsOn: wrapWidth && !terminal,
  };
}

/** What kind of line this is, on its own; counts the file-level signals it carries. */
function classify(t: string, r: LineRec, sig: ArticleSignals): void {
  // markdown syntax may sit on any kind of line
  if (MD_HEADING.test(t)) sig.markdown++;
  const mdInline = t.match(MD_INLINE);
  if (mdInline) sig.markdown += mdInline.length;

  // web-page chrome
  if (BULLET.test(t) || FORM_FIELD.test(t) || IMAGE_LABEL.test(t) || RULE.test(t)
    || (r.delims[3] >= 2 && t.length < 120 && r.words <= 12 && !t.startsWith('|'))
    || / {8,}\S/.test(t)) {
    r.kind = 'chrome';
    sig.chromeLines++;
    if (!BULLET.test(t)) return;
    // a bulleted line can still be a paragraph of prose: go on
  }
  if (LOG_START.test(t) || LOG_INSIDE.test(t)) { r.kind = 'log'; sig.logLines++; return; }

  const stopRatio = r.words ? r.stops / r.words : 0;
  const proseLike = r.words >= 12 && t.length >= 60 && stopRatio >= 0.2 && r.letterRatio >= 0.7
    && r.symbolRatio <= 0.04 && SENTENCE_PUNCT.test(t);
  const codeish = CODE_START.test(t) || CODE_END.test(t) || CODE_INSIDE.test(t)
    || (CODE_KEYWORD.test(t) && r.symbolRatio > 0) || r.symbolRatio > 0.12;
  if (codeish && !(proseLike && stopRatio >= 0.25 && r.symbolRatio < 0.03)) {
    r.kind = 'code';
    sig.codeLines++;
    if ((globalThis as any).__TRACE) console.log('CODE', t.slice(0, 120));
    return;
  }
  if (FIELD.test(t) && !SENTENCE_PUNCT.test(t.slice(0, 40))) { r.kind = 'field'; sig.fieldLines++; return; }
  const marker = LIST_START.test(t) || MD_HEADING.test(t) || t.startsWith('>') || t.startsWith('|') || URL_ONLY.test(t);
  if (proseLike && !marker) r.kind = 'prose';
}

export function measureArticleText(text: string, opts: DetectOptions = {}): ArticleSignals {
  const max = Math.max(1024, opts.maxBytes ?? DEFAULT_MAX);
  let s = sampleOf(text, max);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);

  const sig: ArticleSignals = {
    lines: 0, chars: 0, words: 0, proseLines: 0, proseChars: 0, stopRatio: 0, codeLines: 0,
    markdown: 0, logLines: 0, fieldLines: 0, legalWords: 0, wrapBreaks: 0, chromeLines: 0,
    tableShare: 0, tableDelimiter: '', junkPerMille: 0, hasNul: false,
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

  // delimiter counts per line, for the table test
  const delimCounts: number[][] = DELIMS.map(() => []);

  // pass 1: per-line measurements
  const recs: LineRec[] = [];
  let stops = 0;
  let inFence = false;
  let pos = 0;
  const n = s.length;
  while (pos < n) {
    let end = s.indexOf('\n', pos);
    if (end < 0) end = n;
    let line = s.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const t = line.trim();
    if (t.length === 0) { recs.push(BLANK); continue; }
    const r = measureLine(t);
    sig.lines++;
    sig.chars += t.length;
    sig.words += r.words;
    stops += r.stops;
    sig.legalWords += r.legal;
    for (let k = 0; k < DELIMS.length; k++) delimCounts[k].push(r.delims[k]);

    // fenced code blocks count as code, whatever they hold
    if (MD_FENCE.test(t)) {
      inFence = !inFence;
      sig.markdown += 2;
      r.kind = 'code';
    } else if (inFence) {
      r.kind = 'code';
    } else {
      classify(t, r, sig);
    }
    recs.push(r);
  }
  sig.stopRatio = sig.words ? stops / sig.words : 0;

  // pass 2: context. A block is a run of non-blank lines. Hard-wrapped text shows as
  // blocks of several lines of similar, moderate width whose sentences run on from
  // line to line; a scrape has one paragraph per line.
  let i = 0;
  while (i < recs.length) {
    if (recs[i] === BLANK) { i++; continue; }
    let j = i;
    let wrapWidth = 0;
    while (j < recs.length && recs[j] !== BLANK) {
      if (recs[j].wrapWidth) wrapWidth++;
      j++;
    }
    for (let k = i; k < j; k++) {
      const r = recs[k];
      if (k > i && recs[k - 1].runsOn && r.firstLower) sig.wrapBreaks++;
      if (r.kind !== 'prose') continue;
      const continues = k > i && recs[k - 1].runsOn && r.firstLower;
      const wrapped = wrapWidth >= 2;
      if (!continues && (r.len >= 100 || (r.terminal && !wrapped))) {
        sig.proseLines++;
        sig.proseChars += r.len;
        if ((globalThis as any).__TRACE) console.log("PROSE", r.len, (r as any).t);
      }
    }
    i = j;
  }


  // table shape: the same non-zero number of one delimiter on most lines
  if (sig.lines >= 4) {
    for (let k = 0; k < DELIMS.length; k++) {
      const freq = new Map<number, number>();
      for (const v of delimCounts[k]) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1);
      let best = 0;
      for (const f of freq.values()) best = Math.max(best, f);
      const share = best / delimCounts[k].length;
      if (share > sig.tableShare) { sig.tableShare = share; sig.tableDelimiter = DELIMS[k]; }
    }
  }
  return sig;
}

// ------------------------------------------------------------------ deciding

export function detectArticle(text: string, opts: DetectOptions = {}): ArticleDetection {
  const sig = measureArticleText(text, opts);
  const reasons: string[] = [];
  const no = (score: number, ...why: string[]): ArticleDetection => ({ isArticle: false, score, reasons: [...why, ...reasons] });

  if (sig.hasNul) return no(-10, 'binary data (NUL bytes)');
  if (sig.junkPerMille > 20) return no(-10, 'binary data (control characters)');
  if (sig.lines === 0) return no(-10, 'empty');
  if (sig.words < 30) return no(-5, `too little text (${sig.words} words)`);

  return { isArticle: sig.proseLines >= 3, score: sig.proseLines - 3, reasons: [`${sig.proseLines} prose paragraphs`] };
}
