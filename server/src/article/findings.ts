// Findings from the reading of the page: whole-line cruft from the roles (adjacent
// lines of one kind make one finding), then the damage inside the lines that stay.

import { BlockInfo, Page } from './blocks';
import { removalEdit } from './fixes';
import { bracketSpacing, encodingDamage, InlineHit, innerSpaces, linkResidue } from './inline';
import { Reading } from './stories';
import { Finding, FindingKind, Role } from './types';

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
  sponsored: ['Sponsored content', 'an advertiser\'s text between the stories'],
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
  return kind + ':' + text.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
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
      fingerprint: fingerprint(kind, blocks.slice(i, j + 1).map((b) => b.text).join('\n')),
    });
    i = j + 1;
  }
  return out;
}

const PROSE_ROLES = new Set<Role>(['body', 'dek', 'author-bio', 'other', 'headline', 'crosshead', 'byline', 'dateline', 'kicker', 'author-name']);

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
  for (const b of blocks) {
    const r = reading.role[b.index];
    if (!PROSE_ROLES.has(r)) continue;
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
  // runs of blank lines longer than a story separator (two blank lines)
  let run = 0;
  for (let line = 0; line < table.starts.length; line++) {
    const blank = page.blockOfLine[line] < 0;
    if (blank) run++;
    if ((!blank || line === table.starts.length - 1) && run > 2) {
      const lastBlank = blank ? line : line - 1;
      const firstExtra = lastBlank - run + 3;
      // the extra lines, with their line breaks
      const start = table.starts[firstExtra];
      const end = table.starts[lastBlank + 1] ?? text.length;
      if (end > start && lastBlank + 1 < table.starts.length) {
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
  return out;
}
