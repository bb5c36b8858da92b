// Findings inside a line: text broken where a link was dropped, stray spacing, and
// encoding damage. Each rule reports the exact characters at fault and, where the
// damage can be undone, the repair.

import { TextEdit } from './types';

export interface InlineHit {
  kind: 'link-residue' | 'spacing' | 'encoding';
  start: number;
  end: number;
  message: string;
  edits: TextEdit[];
  fixTitle: string;
}

// ---------------------------------------------------------------- link residue

const FUNCTION_WORDS = new Set(['of', 'the', 'at', 'by', 'for', 'from', 'with', 'to', 'in', 'on', 'a', 'an', 'and']);
const COMPANY_SUFFIX = /\b([a-z][a-z'’-]*)\s+(Inc|Corp|Co|Ltd|LLC|Plc|PLC|LLP|AG|SA|NV|GmbH)\.?(?=[\s,;:.)]|$)/g;
const DANGLING = /\b(of|the|a|an)\s+(and|or|is|are|was|were)\b/g;
// what COMPANY_SUFFIX needs, and most paragraphs lack: a suffix after white space, then
// a full stop, white space, punctuation or the end (tested at a few positions only,
// where a white space is: a sixth of the cost of the pattern itself)
const SUFFIX_AFTER_SPACE = /\s(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|LLP|AG|SA|NV|GmbH)(?:[\s,;:.)]|$)/;
const MARK = '[…]';

function wordBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] === ' ') i--;
  const end = i;
  while (i > 0 && /[\p{L}\p{N}'’-]/u.test(text[i - 1])) i--;
  return i < end ? i : at;
}

function wordAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] === ' ') i++;
  const start = i;
  while (i < text.length && /[\p{L}\p{N}'’-]/u.test(text[i])) i++;
  return i > start ? i : at;
}

/** A company name dropped with its link leaves "the ecommerce behemoth Inc. formed";
 * a title dropped between "of" and "and" leaves "the creator of and is". */
export function linkResidue(text: string, base: number): InlineHit[] {
  const hits: InlineHit[] = [];
  if (text.length > 20000) return hits;
  COMPANY_SUFFIX.lastIndex = 0;
  const suffixed = SUFFIX_AFTER_SPACE.test(text);
  for (let m = suffixed ? COMPANY_SUFFIX.exec(text) : null; m; m = COMPANY_SUFFIX.exec(text)) {
    const lower = m[1];
    const gapAt = m.index + m[0].length - m[2].length - (m[0].endsWith('.') ? 1 : 0);
    const suffixStart = m.index + m[0].lastIndexOf(m[2]);
    let start = m.index;
    if (FUNCTION_WORDS.has(lower)) start = wordBefore(text, m.index);
    let end = m.index + m[0].length;
    if (text[end] === ',' || text[end] === ';') end++;
    else if (text[end] === ' ') end = wordAfter(text, end);
    void gapAt;
    hits.push({
      kind: 'link-residue',
      start: base + start,
      end: base + end,
      message: `Text lost with a dropped link: "${m[2]}." follows "${lower}", so the company's name is missing.`,
      edits: [{ start: base + suffixStart, end: base + suffixStart, newText: MARK + ' ' }],
      fixTitle: `Mark the gap with ${MARK}`,
    });
  }
  DANGLING.lastIndex = 0;
  for (let m = DANGLING.exec(text); m; m = DANGLING.exec(text)) {
    const start = wordBefore(text, m.index);
    const end = wordAfter(text, m.index + m[0].length);
    const gap = m.index + m[1].length + 1;
    hits.push({
      kind: 'link-residue',
      start: base + start,
      end: base + end,
      message: `Text lost with a dropped link: "${m[1]} ${m[2]}" has nothing between the two words.`,
      edits: [{ start: base + gap, end: base + gap, newText: MARK + ' ' }],
      fixTitle: `Mark the gap with ${MARK}`,
    });
  }
  return hits;
}

// ---------------------------------------------------------------- spacing

/** "( @bennettrich)" and "(word )": space left inside brackets where a link was. */
export function bracketSpacing(text: string, base: number): InlineHit[] {
  const hits: InlineHit[] = [];
  // both patterns end with a closing bracket
  if (text.length > 50000 || !text.includes(')')) return hits;
  const re = /\(([ \u00a0]+)([^()\s][^()]{0,80}?)([ \u00a0]*)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m.index;
    const edits: TextEdit[] = [{ start: base + open + 1, end: base + open + 1 + m[1].length, newText: '' }];
    if (m[3].length) {
      const closeSpace = open + m[0].length - 1 - m[3].length;
      edits.push({ start: base + closeSpace, end: base + closeSpace + m[3].length, newText: '' });
    }
    hits.push({
      kind: 'spacing',
      start: base + open,
      end: base + open + m[0].length,
      message: 'Space left inside brackets where a link was.',
      edits,
      fixTitle: 'Remove the space inside the brackets',
    });
  }
  // "word )" on its own
  const re2 = /([^\s(])([ \u00a0]+)\)/g;
  for (let m = re2.exec(text); m; m = re2.exec(text)) {
    const s = m.index + m[1].length;
    if (hits.some((h) => h.start <= base + s && base + s < h.end)) continue;
    hits.push({
      kind: 'spacing',
      start: base + s,
      end: base + s + m[2].length + 1,
      message: 'Space left before a closing bracket.',
      edits: [{ start: base + s, end: base + s + m[2].length, newText: '' }],
      fixTitle: 'Remove the space before the bracket',
    });
  }
  return hits;
}

/** Runs of spaces between words of a paragraph. */
export function innerSpaces(text: string, base: number): InlineHit[] {
  const hits: InlineHit[] = [];
  if (text.length > 50000) return hits;
  // two spaces (or no-break spaces) in a row, or none of this
  if (!text.includes('  ') && !text.includes('\u00a0')) return hits;
  const re = /(?<=\S)[ \u00a0]{2,}(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push({
      kind: 'spacing',
      start: base + m.index,
      end: base + m.index + m[0].length,
      message: `${m[0].length} spaces between words.`,
      edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: ' ' }],
      fixTitle: 'Replace with one space',
    });
  }
  return hits;
}

// ---------------------------------------------------------------- encoding

// Windows-1252 characters for bytes 0x80–0x9f, to undo UTF-8 read as Windows-1252.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c <= 0xff) return c;
  return CP1252[ch] ?? -1;
}

/** "â€™" -> "’": a run that is valid UTF-8 when read back as Windows-1252 bytes. */
function undoMojibake(run: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of run) {
    const b = byteOf(ch);
    if (b < 0) return undefined;
    bytes.push(b);
  }
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return s !== run ? s : undefined;
  } catch {
    return undefined;
  }
}

// a lead byte (Â..ô as Latin-1) followed by 1–3 continuation bytes (0x80–0xbf, or their cp1252 forms)
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è',
  aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö',
  auml: 'ä', szlig: 'ß', deg: '°', middot: '·', bull: '•', laquo: '«', raquo: '»', euro: '€', pound: '£', yen: '¥',
  cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾',
};
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});/g;

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    return String.fromCodePoint(cp);
  }
  return ENTITIES[body];
}

const TAG = /<\/?(p|br|div|span|strong|em|b|i|u|a|img|ul|ol|li|h[1-6]|figure|figcaption|script|style|iframe|section|article|header|footer|nav|aside|blockquote|table|tbody|thead|tr|td|th|sup|sub|small|font|center|hr|noscript|picture|source|video|audio|label|input|button|form|svg|path)\b[^<>\n]{0,300}?\/?>/gi;

// zero-width and control characters; the zero-width joiner is legitimate between emoji
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u200c\u200d\u2060\u2061-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]+/g;

function isEmojiNeighbour(text: string, i: number): boolean {
  const cp = text.codePointAt(i) ?? 0;
  return cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) || cp === 0xfe0f;
}

export function encodingDamage(text: string, base: number, firstInDocument: boolean): InlineHit[] {
  const hits: InlineHit[] = [];
  if (text.length > 200000) return hits;
  MOJIBAKE.lastIndex = 0;
  for (let m = MOJIBAKE.exec(text); m; m = MOJIBAKE.exec(text)) {
    // extend over adjacent mojibake runs ("â€œâ€" becomes one finding)
    const fixed = undoMojibake(m[0]);
    if (!fixed) continue;
    hits.push({
      kind: 'encoding',
      start: base + m.index,
      end: base + m.index + m[0].length,
      message: `Mojibake: "${m[0]}" is "${fixed}" decoded with the wrong character set.`,
      edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: fixed }],
      fixTitle: `Replace with "${fixed}"`,
    });
  }
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(text); m; m = ENTITY.exec(text)) {
    const d = decodeEntity(m[1]);
    if (d === undefined) continue;
    const shown = d === '\u00a0' ? 'a no-break space' : `"${d}"`;
    hits.push({
      kind: 'encoding',
      start: base + m.index,
      end: base + m.index + m[0].length,
      message: `HTML entity "${m[0]}" left in the text (${shown}).`,
      edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: d }],
      fixTitle: `Replace with ${shown}`,
    });
  }
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    hits.push({
      kind: 'encoding',
      start: base + m.index,
      end: base + m.index + m[0].length,
      message: `Stray HTML tag "${m[0].length > 40 ? m[0].slice(0, 37) + '…' : m[0]}".`,
      edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: '' }],
      fixTitle: 'Remove the tag',
    });
  }
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
    if (firstInDocument && m.index === 0 && m[0] === '\ufeff') continue;
    if (m[0] === '\u200d' && (isEmojiNeighbour(text, m.index - 2) || isEmojiNeighbour(text, m.index - 1)) && isEmojiNeighbour(text, m.index + 1)) continue;
    const names = [...new Set([...m[0]].map((c) => 'U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')))].join(', ');
    hits.push({
      kind: 'encoding',
      start: base + m.index,
      end: base + m.index + m[0].length,
      message: `Invisible character${m[0].length > 1 ? 's' : ''} (${names}) left by the page.`,
      edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: '' }],
      fixTitle: 'Remove the invisible characters',
    });
  }
  return hits;
}
