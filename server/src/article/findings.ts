// Findings from the reading of the page: whole-line cruft from the roles (adjacent
// lines of one kind make one finding), then the damage inside the lines that stay;
// and, given the evidence of the document's folder, site chrome (withSiteChrome).

import { keepClearOfAnnotations } from './annotated';
import { BlockInfo, Page } from './blocks';
import { features, proseLevel } from './features';
import { removalEdit } from './fixes';
import { bracketSpacing, encodingDamage, InlineHit, innerSpaces, linkResidue } from './inline';
import { lineTable } from './lines';
import { chromeLevel, MAX_KEY_CHARS } from './siteChrome';
import { Reading } from './stories';
import { AnalysisOptions, ArticleModel, ChromeEvidence, Finding, FindingKind, Role, Section, SiteChromeLookup } from './types';

const KIND_OF_ROLE: Partial<Record<Role, FindingKind>> = {
  truncation: 'ui-label',
  ui: 'ui-label',
  credit: 'image-credit',
  caption: 'image-caption',
  sponsored: 'sponsored',
  duplicate: 'duplicate',
  chrome: 'navigation',
};

const NOUN: Record<FindingKind, [string, string]> = {
  'ui-label': ['Button or link label', 'left by the page, not part of the article'],
  'image-credit': ['Photo credit', 'of a photo the scrape does not contain'],
  'image-caption': ['Photo caption', 'of a photo the scrape does not contain'],
  sponsored: ['Promotion', 'an advertiser\'s text or the site\'s own pitch, not the article'],
  duplicate: ['Duplicate text', 'repeats text found earlier in the article'],
  navigation: ['Page navigation', 'menus, link lists and page furniture around the article'],
  'link-residue': ['Link residue', ''],
  spacing: ['Spacing', ''],
  encoding: ['Encoding damage', ''],
};

function quote(text: string): string {
  const t = text.length > 60 ? text.slice(0, 57).trimEnd() + '…' : text;
  return `"${t}"`;
}

function fingerprint(kind: FindingKind, text: string): string {
  if (text.length > FINGERPRINT_HEAD) {
    const head = headFingerprint(text.slice(0, FINGERPRINT_HEAD));
    if (head !== undefined) return kind + ':' + head;
  }
  return kind + ':' + (asciiFingerprint(text) ?? text.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200));
}

const fingerprintBuffer = new Uint16Array(200);

/** `text.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200)` in one pass that
 * stops at 200 characters, when the text read up to there is ASCII (there \s is
 * space, \t, \n, \v, \f and \r, and lower-casing is A–Z to a–z); undefined when a
 * character beyond ASCII comes first. A white-space run becomes one space once a
 * character follows it, so that leading and trailing runs are dropped as trim does. */
function asciiFingerprint(text: string): string | undefined {
  const out = fingerprintBuffer;
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length && n < 200; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    if (c === 32 || (c >= 9 && c <= 13)) {
      gap = true;
      continue;
    }
    if (gap && n > 0) {
      out[n++] = 32;
      if (n === 200) break;
    }
    gap = false;
    out[n++] = c >= 65 && c <= 90 ? c + 32 : c;
  }
  return String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
}

// A fingerprint keeps 200 characters of the normalised text, and a run of chrome can be
// a whole megabyte: normalise only a head of it when that gives the same 200 characters.
const FINGERPRINT_HEAD = 1000;

/** The fingerprint's text made from a head of the text, or undefined when the head
 * cannot tell. Lower-casing maps each character alone but for the final sigma (Σ),
 * and white-space runs collapse alike in a head and in the whole; only the head's last
 * few characters may differ (a run or a surrogate pair cut), so a normalised head well
 * over 200 characters starts as the whole does, and the whole's trailing white space
 * lies beyond its first 200 characters. */
function headFingerprint(head: string): string | undefined {
  if (head.includes('\u03a3')) return undefined;
  const t = head.toLowerCase().replace(/\s+/g, ' ').trimStart();
  return t.length >= 210 ? t.slice(0, 200) : undefined;
}

/** fingerprint() of blocks[from..to] joined by line breaks, joining only a head when
 * the head tells. */
function blocksFingerprint(kind: FindingKind, blocks: readonly { text: string }[], from: number, to: number): string {
  let head = '';
  let k = from;
  for (; k <= to && head.length <= FINGERPRINT_HEAD; k++) head += (k > from ? '\n' : '') + blocks[k].text;
  // ASCII: normalised in one pass, when the head (or the whole, when it is all) makes
  // the fingerprint's 200 characters
  const ascii = asciiFingerprint(head);
  if (ascii !== undefined && (ascii.length === 200 || k > to)) return kind + ':' + ascii;
  if (head.length > FINGERPRINT_HEAD) {
    const fp = headFingerprint(head.slice(0, FINGERPRINT_HEAD));
    if (fp !== undefined) return kind + ':' + fp;
  }
  return fingerprint(kind, blocks.slice(from, to + 1).map((b) => b.text).join('\n'));
}

function lineMessage(kind: FindingKind, blocks: BlockInfo[], from: number, to: number, lines: number, extra?: string): string {
  const [noun, why] = NOUN[kind];
  const first = blocks[from];
  const what = from === to ? quote(first.text) : `${lines} lines from ${quote(first.text)}`;
  let msg = `${noun}: ${what} — ${why}.`;
  if (extra) msg += ' ' + extra;
  return msg;
}

export function wholeLineFindings(page: Page, reading: Reading, dupOf: Int32Array): Finding[] {
  const { blocks, text, table } = page;
  const out: Finding[] = [];
  let i = 0;
  while (i < blocks.length) {
    const r = reading.role[i];
    const kind = KIND_OF_ROLE[r];
    if (!kind) {
      i++;
      continue;
    }
    const sure = !reading.unsure[i];
    let j = i;
    // adjacent lines of the same kind and certainty, in the same story (or none), join
    while (
      j + 1 < blocks.length &&
      KIND_OF_ROLE[reading.role[j + 1]] === kind &&
      !reading.unsure[j + 1] === sure &&
      reading.story[j + 1] === reading.story[i] &&
      kind !== 'duplicate'
    ) j++;
    const first = blocks[i].line;
    const last = blocks[j].line;
    let extra: string | undefined;
    if (kind === 'duplicate') {
      const src = blocks[dupOf[i]];
      if (src) extra = `Same text as line ${src.line + 1}.`;
    }
    if (!sure) extra = (extra ? extra + ' ' : '') + 'Unsure: it reads like text, so it is not removed on save.';
    const span = { start: table.starts[first], end: table.ends[last] };
    // lines of text, not counting the blank lines between them
    const n = j - i + 1;
    out.push({
      kind,
      span,
      lines: { first, last },
      message: lineMessage(kind, blocks, i, j, n, extra),
      sure,
      fix: {
        title: n === 1 ? `Remove this ${NOUN[kind][0].toLowerCase()}` : `Remove these ${n} lines (${NOUN[kind][0].toLowerCase()})`,
        edits: [removalEdit(text, table, { first, last })],
      },
      fingerprint: blocksFingerprint(kind, blocks, i, j),
    });
    i = j + 1;
  }
  return out;
}

const PROSE_ROLES = new Set<Role>(['body', 'dek', 'author-bio', 'other', 'headline', 'crosshead', 'byline', 'dateline', 'kicker', 'author-name']);

const INVISIBLE_ONLY = /^[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+$/;

/** Can a line of INVISIBLE_ONLY open with this character? (Most lines open with a
 * letter, and are spared the pattern.) */
function invisibleOrWhite(c: number): boolean {
  return c >= 128 ? c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || c === 0xad : c === 32 || (c >= 9 && c <= 13);
}

export function inlineFindings(page: Page, reading: Reading): Finding[] {
  const { blocks, text, table } = page;
  const out: Finding[] = [];
  const push = (h: InlineHit) =>
    out.push({
      kind: h.kind,
      span: { start: h.start, end: h.end },
      message: `${NOUN[h.kind][0]}: ${h.message}`,
      sure: h.kind !== 'link-residue',
      fix: { title: h.fixTitle, edits: h.edits },
      fingerprint: fingerprint(h.kind, text.slice(h.start, h.end)),
    });
  const inRun = new Set<number>();
  // runs of blank lines longer than a story separator (two blank lines)
  let run = 0;
  for (let line = 0; line < table.starts.length; line++) {
    // (a line of only invisible characters is blank to the reader: counted here, and
    // removed with the run rather than repaired into a blank line the next pass counts)
    const bi = page.blockOfLine[line];
    const blank = bi < 0 || (invisibleOrWhite(blocks[bi].text.charCodeAt(0)) && INVISIBLE_ONLY.test(blocks[bi].text));
    if (blank) run++;
    if ((!blank || line === table.starts.length - 1) && run > 2) {
      const lastBlank = blank ? line : line - 1;
      const firstExtra = lastBlank - run + 3;
      // the extra lines, with their line breaks
      const start = table.starts[firstExtra];
      const end = table.starts[lastBlank + 1] ?? text.length;
      if (end > start && lastBlank + 1 < table.starts.length) {
        for (let l = firstExtra; l <= lastBlank; l++) inRun.add(l);
        out.push({
          kind: 'spacing',
          span: { start, end },
          lines: undefined,
          message: `Spacing: ${run} blank lines in a row; two separate stories.`,
          sure: true,
          fix: { title: 'Remove the extra blank lines', edits: [{ start, end, newText: '' }] },
          fingerprint: 'spacing:blank-lines',
        });
      }
    }
    if (!blank) run = 0;
  }
  for (const b of blocks) {
    const r = reading.role[b.index];
    if (!PROSE_ROLES.has(r) || inRun.has(b.line)) continue;
    const t = b.text;
    const base = b.span.start;
    for (const h of encodingDamage(t, base, b.index === 0 && b.span.start === 0)) push(h);
    if (r === 'body' || r === 'dek' || r === 'author-bio') {
      for (const h of linkResidue(t, base)) push(h);
      for (const h of bracketSpacing(t, base)) push(h);
      if (b.f.indent === 0) for (const h of innerSpaces(t, base)) push(h);
    } else if (r === 'author-name' || r === 'byline') {
      for (const h of bracketSpacing(t, base)) push(h);
    }
    // trailing white space on a kept line
    if (b.span.end < b.lineSpan.end) {
      out.push({
        kind: 'spacing',
        span: { start: b.span.end, end: b.lineSpan.end },
        message: 'Spacing: trailing white space.',
        sure: true,
        fix: { title: 'Remove the trailing white space', edits: [{ start: b.span.end, end: b.lineSpan.end, newText: '' }] },
        fingerprint: 'spacing:trailing',
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------ site chrome

/** Kept lines that folder evidence may turn into navigation: lines the reading kept
 * without calling them article text for sure (unsure lines, one-line "paragraphs"),
 * crossheads and deks. Never a headline, a byline, a dateline, a kicker, an author's
 * name or bio, and never a real paragraph (prose level 2). */
const CHROME_CANDIDATES = new Set<Role>(['other', 'body', 'crosshead', 'dek']);

interface ChromeUnit {
  from: number;
  to: number;
  story: number;
  sure: boolean;
  /** Index of the model's own navigation finding this unit is, if it is one. */
  base: number;
  evidence: ChromeEvidence[];
  readsLikeText: boolean;
}

function evidencePhrase(ev: readonly ChromeEvidence[], lines: number): string {
  let lo = Infinity;
  let hi = 0;
  let of = 0;
  for (const e of ev) {
    lo = Math.min(lo, e.docs);
    hi = Math.max(hi, e.docs);
    of = Math.max(of, e.of);
  }
  const n = lo === hi ? `${hi}` : `${lo} to ${hi}`;
  if (ev.length === 1) return `${lines === 1 ? 'It' : 'One of these lines'} appears in ${n} of ${of} scrapes in this folder.`;
  return `${ev.length === lines ? 'These lines' : `${ev.length} of these lines`} appear in ${n} of ${of} scrapes in this folder.`;
}

/**
 * The model with the evidence of the document's folder: kept lines (see
 * CHROME_CANDIDATES) that recur across the folder's scrapes (`chromeLevel`) become
 * `navigation` findings, joined with adjacent navigation of the same story and
 * certainty as the model's own are; the model's navigation findings name the evidence
 * when there is some. The reading itself is not redone: this is a linear pass over the
 * blocks, so a server can keep the model once per version and apply the folder's
 * current evidence to it.
 *
 * Recurrence that copies of this same article explain is not evidence: when the
 * document's own paragraphs occur in k scrapes (their lower median), a line needs the
 * threshold in docs − (k − 1).
 */
export function withSiteChrome(model: ArticleModel, lookup: SiteChromeLookup, options: AnalysisOptions = {}): ArticleModel {
  if (options.disabledKinds?.has('navigation')) return model;
  const { blocks, findings } = model;

  const paragraphs: number[] = [];
  for (const b of blocks) if (b.role === 'body' && b.text.length >= 120) paragraphs.push(lookup(b.text)?.docs ?? 1);
  paragraphs.sort((a, b) => a - b);
  const copies = Math.max(1, paragraphs.length ? paragraphs[(paragraphs.length - 1) >> 1] : 1);
  const chromeOf = (text: string): [ChromeEvidence, 0 | 1 | 2] | undefined => {
    if (text.length > MAX_KEY_CHARS) return undefined;
    const e = lookup(text);
    if (!e) return undefined;
    const level = chromeLevel(e.docs - (copies - 1), e.of);
    return level ? [e, level] : undefined;
  };

  const blockOfLine = new Int32Array(model.lineCount).fill(-1);
  for (const b of blocks) blockOfLine[b.line] = b.index;
  const titleLines = new Set(model.stories.map((s) => s.titleLine));
  // the model's whole-line findings, by their first block
  const wholeAt = new Int32Array(blocks.length).fill(-1);
  const covered = new Uint8Array(blocks.length);
  findings.forEach((f, k) => {
    if (!f.lines) return;
    const a = blockOfLine[f.lines.first];
    const z = blockOfLine[f.lines.last];
    if (a < 0 || z < 0) return;
    wholeAt[a] = k;
    covered.fill(1, a, z + 1);
  });

  const units: ChromeUnit[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const k = wholeAt[i];
    if (k >= 0) {
      const f = findings[k];
      if (f.kind !== 'navigation') continue;
      const to = blockOfLine[f.lines!.last];
      const evidence: ChromeEvidence[] = [];
      for (let j = i; j <= to; j++) {
        const c = chromeOf(blocks[j].text);
        if (c) evidence.push(c[0]);
      }
      units.push({ from: i, to, story: blocks[i].story, sure: f.sure, base: k, evidence, readsLikeText: !f.sure });
      continue;
    }
    const b = blocks[i];
    if (covered[i] || !CHROME_CANDIDATES.has(b.role) || titleLines.has(b.line)) continue;
    const c = chromeOf(b.text);
    if (!c) continue;
    const f = features(b.text);
    const level = proseLevel(f);
    if (level === 2) continue;
    const readsLikeText = level === 1 || (f.endsSentence && f.stopRatio >= 0.2);
    units.push({ from: i, to: i, story: b.story, sure: c[1] === 2 && !readsLikeText, base: -1, evidence: [c[0]], readsLikeText });
  }

  // adjacent units of one story and certainty are one finding, as in wholeLineFindings
  const groups: ChromeUnit[][] = [];
  for (const u of units) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (last && u.from === last.to + 1 && u.story === last.story && u.sure === last.sure) g.push(u);
    else groups.push([u]);
  }

  const table = lineTable(model.text);
  const replaced = new Set<number>();
  const added: Finding[] = [];
  const converted: number[] = [];
  for (const g of groups) {
    const evidence = g.flatMap((u) => u.evidence);
    const fresh = g.some((u) => u.base < 0);
    if (!fresh && !evidence.length) continue;
    const from = g[0].from;
    const to = g[g.length - 1].to;
    const n = to - from + 1;
    const sure = g[0].sure;
    const first = blocks[from].line;
    const last = blocks[to].line;
    const [noun, why] = NOUN.navigation;
    let message = `${noun}: ${n === 1 ? quote(blocks[from].text) : `${n} lines from ${quote(blocks[from].text)}`} — ${why}.`;
    if (evidence.length) message += ' ' + evidencePhrase(evidence, n);
    if (!sure) {
      message += g.some((u) => u.readsLikeText)
        ? ' Unsure: it reads like text, so it is not removed on save.'
        : ' Unsure: it is in fewer than half of them, so it is not removed on save.';
    }
    for (const u of g) {
      if (u.base >= 0) replaced.add(u.base);
      else converted.push(u.from);
    }
    const base = g.length === 1 && g[0].base >= 0 ? findings[g[0].base] : undefined;
    added.push(
      base
        ? { ...base, message }
        : {
            kind: 'navigation',
            span: { start: table.starts[first], end: table.ends[last] },
            lines: { first, last },
            message,
            sure,
            fix: {
              title: n === 1 ? `Remove this ${noun.toLowerCase()}` : `Remove these ${n} lines (${noun.toLowerCase()})`,
              edits: [removalEdit(model.text, table, { first, last })],
            },
            fingerprint: blocksFingerprint('navigation', blocks, from, to),
          },
    );
  }
  if (!added.length) return model;

  // damage inside a line that is now cruft goes with the line, as it does for the
  // model's own cruft (inline findings are only made on kept lines)
  const gone = new Uint8Array(blocks.length);
  for (const i of converted) gone[i] = 1;
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = table.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (table.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const kept = findings.filter((f, k) => {
    if (replaced.has(k)) return false;
    if (f.lines) return true;
    const bi = blockOfLine[lineOf(f.span.start)];
    return !(bi >= 0 && gone[bi] && f.span.end <= blocks[bi].lineSpan.end);
  });
  const all = [...kept, ...added].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  const outBlocks = blocks.map((b) => (gone[b.index] ? { ...b, role: 'chrome' as Role } : b));
  const stories = model.stories.map((s) => {
    const droppedDek = s.dekLine !== undefined && gone[blockOfLine[s.dekLine]] === 1;
    const crossheads: Section[] = [];
    for (const c of s.crossheads) {
      if (gone[blockOfLine[c.line]]) {
        const prev = crossheads[crossheads.length - 1];
        if (prev) crossheads[crossheads.length - 1] = { ...prev, endLine: c.endLine };
      } else crossheads.push(c);
    }
    if (!droppedDek && crossheads.length === s.crossheads.length) return s;
    return { ...s, dekLine: droppedDek ? undefined : s.dekLine, crossheads };
  });
  // lines the folder calls chrome may hold the user's annotations: those stay
  return keepClearOfAnnotations({ ...model, blocks: outBlocks, stories, findings: all });
}
