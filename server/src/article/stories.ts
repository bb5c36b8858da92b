// Reads the page's shape: where its stories are, what each line of a story is, and
// what lies outside every story (page chrome).
//
// The evidence is layout, not vocabulary. A story grows from a run of prose
// paragraphs (a "core"): downwards over everything that is not page furniture, up to
// its headline. A list of related headlines has titles and one-line deks but no run
// of paragraphs, so it never starts a story. Inside a story a line is only called
// cruft on positive evidence (a credit, a button label, a box of links); outside
// every story everything is chrome.

import { BlockInfo, keyEndHash, keyEnds, Page, readKeyEnds } from './blocks';
import { hasDate, isAgencyByline, opensLikeCaption } from './patterns';
import { isPromotional, opensWithCall } from './promo';
import { Role } from './types';

export interface StoryDraft {
  /** Block index of the headline, -1 when the scrape lost it. */
  headline: number;
  /** First and last block of the story. */
  first: number;
  last: number;
  /** First block of the story's text (after headline, dek, captions, credits). */
  bodyStart: number;
  dek: number;
  truncation: number;
  crossheads: number[];
}

export interface Reading {
  stories: StoryDraft[];
  role: Role[];
  story: Int32Array;
  /** Cruft roles that are a guess rather than a certainty. */
  unsure: Uint8Array;
}

interface Core {
  first: number;
  last: number;
  prose: number; // prose blocks
  adjacent: number; // prose blocks directly following another one
  chars: number;
  score: number;
}

/** What the rest of the reading needs to know about each block, computed once. */
interface Context {
  blocks: BlockInfo[];
  captions: Uint8Array;
  /** Items of a bulleted list of other stories' headlines set between paragraphs. */
  related: Uint8Array;
  bios: Uint8Array;
  starts: Uint8Array;
  stopper: Uint8Array;
  comments: Uint8Array;
}

// ------------------------------------------------------------------ block context

/** Blocks that caption a photo: directly above a credit line (up to two), or with a
 * credit glued to their end. */
function findCaptions(blocks: BlockInfo[]): Uint8Array {
  const cap = new Uint8Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.creditAt >= 0) cap[i] = 1;
    // a caption says what it is in its first words, whatever stands around it
    if ((b.tag === 'prose' || b.tag === 'sentence') && !b.f.bullet && b.f.sentences <= 2 && opensLikeCaption(b.text)) cap[i] = 1;
    if (b.tag !== 'credit') continue;
    // "Main image credit: Getty" speaks of the lead photo, not of the line above it
    if (/^(main|top|lead|header|featured|cover|hero)\s+(image|photo|picture)/i.test(b.text)) continue;
    // the caption reads like a sentence (or is an image's name); a short title right
    // above a credit may just as well be the headline over its lead photo
    const p = blocks[i - 1];
    // (a paragraph of three sentences or more is the text, not a caption)
    if (!p || p.f.bullet || p.f.chars > 400 || p.f.sentences >= 2) continue;
    if (p.tag === 'prose' || p.tag === 'sentence' || p.tag === 'image') {
      cap[i - 1] = 1;
      // alt text of the photo, right above its caption
      const q = blocks[i - 2];
      if (q && q.f.words <= 6 && !q.f.bullet && (q.tag === 'title' || q.tag === 'short' || q.tag === 'name' || q.tag === 'image')) cap[i - 2] = 1;
    }
  }
  return cap;
}

/** Runs of three or more bullets on consecutive lines, each a headline in Title Case
 * (four to sixteen words, five or more on average, no closing punctuation, a comma or
 * colon inside, two in one item at most), not announced by a line ending in a colon:
 * the "more on this" links a site sets between a story's paragraphs. A list of the
 * article's own (ingredients, points, names with their places) fails one of these. */
function findRelatedLists(blocks: BlockInfo[]): Uint8Array {
  const related = new Uint8Array(blocks.length);
  const headline = (b: BlockInfo) =>
    b.f.bullet && b.f.words >= 4 && b.f.words <= 16 && !b.f.endsSentence && b.f.innerPunct <= 2 && b.f.capRatio >= 0.6 && !/[,:;]$/.test(b.text);
  for (let i = 0; i < blocks.length; i++) {
    if (!headline(blocks[i])) continue;
    let j = i;
    let words = blocks[i].f.words;
    let punctuated = blocks[i].f.innerPunct > 1 ? 1 : 0;
    while (j + 1 < blocks.length && blocks[j + 1].line === blocks[j].line + 1 && headline(blocks[j + 1])) {
      j++;
      words += blocks[j].f.words;
      if (blocks[j].f.innerPunct > 1) punctuated++;
    }
    const intro = blocks[i - 1];
    if (j - i >= 2 && words >= 5 * (j - i + 1) && punctuated <= 1 && !(intro && /:\s*$/.test(intro.text))) related.fill(1, i, j + 1);
    i = j;
  }
  return related;
}

/** Is this block the start of an author bio: "Name (@handle) is …", "Name is …". */
export function bioOf(b: BlockInfo, name?: string): boolean {
  if (b.tag !== 'prose' && b.tag !== 'sentence') return false;
  if (name) return b.text.startsWith(name) && /^\s*(\(\s*@\w+\s*\))?\s*(is|was|has|covers|writes|reports)\b/.test(b.text.slice(name.length));
  return /^[A-Z][\p{L}'’-]+(\s+[A-Z][\p{L}'’.-]+){1,3}\s*(\(\s*@\w+\s*\))?\s+(is|was|covers|writes|reports)\b/u.test(b.text);
}

/** Author bios in context: "Name (@handle) is …", or a paragraph that starts with the
 * name on the line above it ("Kate Kaye" / "Kate Kaye is an award-winning …"). */
function findBios(blocks: BlockInfo[]): Uint8Array {
  const bios = new Uint8Array(blocks.length);
  for (const b of blocks) {
    if (b.tag !== 'prose' && b.tag !== 'sentence') continue;
    const prev = blocks[b.index - 1];
    if (/^[A-Z][\p{L}'’-]+(\s+[A-Z][\p{L}'’.-]+){1,3}\s*\(\s*@\w{1,30}\s*\)\s+(is|was)\b/u.test(b.text)) bios[b.index] = 1;
    else if (prev && prev.tag === 'name' && bioOf(b, prev.text)) bios[b.index] = 1;
  }
  return bios;
}

/** Does block j close a story: an author bio, a "Keep Reading" marker or the bio slot
 * right after it (a name and a paragraph), a copyright line? */
function closesStory(blocks: BlockInfo[], j: number, bios: Uint8Array): boolean {
  if (j < 0) return true;
  const t = blocks[j].tag;
  if (bios[j] || t === 'copyright' || t === 'truncation') return true;
  const textual = t === 'prose' || t === 'sentence' || t === 'name';
  if (textual && blocks[j - 1]?.tag === 'truncation') return true;
  if ((t === 'prose' || t === 'sentence') && blocks[j - 1]?.tag === 'name' && blocks[j - 2]?.tag === 'truncation') return true;
  return false;
}

/** Blocks where a new story begins: after a clear break or the end of a story, a
 * headline with a story's header below it (a photo credit, a byline, a date), or,
 * when the headline was lost, a photo credit. */
function findStoryStarts(blocks: BlockInfo[], bios: Uint8Array): Uint8Array {
  const starts = new Uint8Array(blocks.length);
  // the page's usual gap between paragraphs; a wider one is its story separator
  const gaps = [0, 0, 0];
  for (const b of blocks) if (b.tag === 'prose') gaps[Math.min(b.blanksBefore, 2)]++;
  const usualGap = gaps[2] > gaps[1] ? 2 : gaps[1] > 0 ? 1 : 0;
  const separated: number[] = [];
  for (const b of blocks) {
    const i = b.index;
    if (i === 0) continue;
    const closed = closesStory(blocks, i - 1, bios);
    if (!closed && b.blanksBefore < 2) continue;
    if (b.tag === 'credit' && closed) {
      starts[i] = 1;
      continue;
    }
    // an author's bio ends a story: what follows in full sentences is the next story
    // with its headline lost (a cleaned page whose photo credits are gone reads so)
    // (a bio under the byline, in the story's header, ends nothing: the text before the
    // bio and its name line must be the story's)
    const textBefore = (k: number) => k >= 0 && blocks[k].tag === 'prose';
    const afterBio = bios[i - 1] === 1 && (textBefore(i - 2) || (blocks[i - 2]?.tag === 'name' && textBefore(i - 3)));
    if (afterBio && b.tag === 'prose' && !b.f.bullet) {
      starts[i] = 1;
      continue;
    }
    // a title line, not a sentence: photo captions read like sentences
    const headlineShaped = b.tag === 'title' || (b.tag === 'name' && b.f.words >= 3);
    if (!headlineShaped) continue;
    // after a bio, or set off by the page's story separator, a headline over its dek
    // or first paragraph
    const next = blocks[i + 1];
    const overText = next !== undefined && (next.tag === 'prose' || next.tag === 'sentence') && !next.f.bullet;
    if (afterBio && overText) {
      starts[i] = 1;
      continue;
    }
    // (a headline's length: short labels and crossheads sit in a story's text)
    if (overText && usualGap < 2 && b.blanksBefore >= 2 && b.f.words >= 6 && !bios[i - 1] && textBefore(i - 1) && textBefore(i - 2)) separated.push(i);
    for (let k = i + 1; k < blocks.length && k - i <= 4; k++) {
      const t = blocks[k].tag;
      if (t === 'credit' || t === 'byline' || t === 'date') {
        starts[i] = 1;
        break;
      }
      if (t === 'truncation' || t === 'copyright' || t === 'list-header' || starts[k]) break;
    }
  }
  // a few stories on a page, not the items of a list article (whose items are
  // separated alike, and many)
  if (separated.length <= 3) for (const i of separated) starts[i] = 1;
  return starts;
}

const SOCIAL = /^(facebook|twitter|linkedin|whatsapp|email|e-mail|mail|pinterest|reddit|tumblr|telegram|messenger|odnoklassniki|vkontakte|vk|print|copy( link)?|sms|flipboard|pocket|mix|xing|line|viber|wechat|weibo|instagram|youtube|tiktok|snapchat|share|tweet)$/i;

/** Share buttons, empty bullets and button labels: furniture that sits around a
 * story's text, between its headline and its first paragraph or under its end. */
function furniture(b: BlockInfo): boolean {
  if (b.tag === 'ui' || b.tag === 'meta' || b.tag === 'image') return true;
  if (b.f.bullet && b.f.words === 0) return true;
  return b.f.words <= 2 && SOCIAL.test(b.text.replace(/^\S\s+/, ''));
}

/** Blocks that end a story's text: page furniture that never occurs inside an article. */
function findStoppers(blocks: BlockInfo[]): Uint8Array {
  const stop = new Uint8Array(blocks.length);
  for (const b of blocks) {
    const i = b.index;
    switch (b.tag) {
      case 'ui':
      case 'list-header':
      case 'related':
      case 'comment-head':
      case 'copyright':
      case 'form':
      case 'divider':
        stop[i] = 1;
        break;
      case 'truncation':
        stop[i] = 1;
        break;
      case 'menu': {
        // one menu-like bullet may be a list item; two in a row are a menu
        const prev = blocks[i - 1];
        const next = blocks[i + 1];
        if ((prev && prev.tag === 'menu') || (next && next.tag === 'menu') || b.f.words === 0 || b.f.glued >= 2) stop[i] = 1;
        break;
      }
      default:
        // a photo's placeholder sits inside articles as often as around them
        if (furniture(b) && b.tag !== 'image') stop[i] = 1;
        // "Posted in Open thread | Permalink | 10 Comments"
        else if (b.f.pipes >= 2 && b.f.words <= 14 && b.tag !== 'prose') stop[i] = 1;
    }
  }
  return stop;
}

/** Blocks of a reader-comment section: from a comment head (or a "Comments" label
 * followed by one) to the end of the page or the next story. */
function findComments(blocks: BlockInfo[], starts: Uint8Array): Uint8Array {
  const c = new Uint8Array(blocks.length);
  // a comment without a "says:" head: its author and date, its text, a Reply button
  const head = new Uint8Array(blocks.length);
  for (let i = 2; i < blocks.length; i++) {
    if (blocks[i].text.length !== 5 || !/^reply$/i.test(blocks[i].text)) continue;
    const said = blocks[i - 1];
    const who = blocks[i - 2];
    if ((said.tag === 'prose' || said.tag === 'sentence') && (who.tag === 'date' || who.tag === 'byline')) head[i - 2] = 1;
  }
  let on = false;
  for (const b of blocks) {
    if (starts[b.index]) on = false;
    if (b.tag === 'comment-head' || head[b.index]) on = true;
    if (on) c[b.index] = 1;
  }
  return c;
}

// ------------------------------------------------------------------ cores

/** Cost of a non-paragraph block inside a run of paragraphs: how much it breaks the run. */
function gapCost(b: BlockInfo): number {
  switch (b.tag) {
    case 'sentence':
    case 'item':
      return 0.25;
    case 'credit':
    case 'date':
    case 'byline':
    case 'meta':
    case 'image':
    case 'related':
      return 0.5;
    case 'menu':
      return 1.25;
    default:
      return 1;
  }
}

const HARD_BREAK = new Set(['copyright', 'list-header', 'comment-head', 'form']);
const MAX_GAP = 3;

function findCores(ctx: Context, paragraph: (b: BlockInfo) => boolean): Core[] {
  const { blocks, starts, bios } = ctx;
  const cores: Core[] = [];
  let cur: Core | undefined;
  let cost = 0;
  let hard = false;
  let prevProse = false;
  for (const b of blocks) {
    if (starts[b.index]) hard = true;
    if (paragraph(b) && !bios[b.index]) {
      if (cur && cost <= MAX_GAP && !hard && b.blanksBefore < 4) {
        cur.last = b.index;
        cur.prose++;
        if (prevProse) cur.adjacent++;
        cur.chars += b.f.chars;
      } else {
        cur = { first: b.index, last: b.index, prose: 1, adjacent: 0, chars: b.f.chars, score: 0 };
        cores.push(cur);
      }
      cost = 0;
      hard = false;
      prevProse = true;
      continue;
    }
    if (!cur) continue;
    cost += gapCost(b);
    if (b.blanksBefore >= 4) cost += 1;
    if (HARD_BREAK.has(b.tag) || bios[b.index]) hard = true;
    if (b.tag === 'truncation' && !teaserEnd(blocks, b.index)) cost += 1;
    else if (b.tag === 'truncation') hard = true;
    // short paragraphs between long ones keep them adjacent
    if (b.tag !== 'sentence' && b.tag !== 'item') prevProse = false;
  }
  for (const c of cores) {
    // a run of long bullet items is a list of teasers more often than a story
    let bulleted = 0;
    for (let i = c.first; i <= c.last; i++) if (blocks[i].tag === 'prose' && blocks[i].f.bullet) bulleted += blocks[i].f.chars;
    let s = (c.chars - 0.7 * bulleted) * (c.adjacent > 0 ? 1 : 0.6);
    if (ctx.comments[c.first]) s *= 0.1;
    // a lone paragraph in legal or advertising voice is the page's, not the story's
    if (c.prose === 1 && promotional(blocks[c.first].text)) s *= 0.3;
    c.score = s;
  }
  return cores;
}

/** A "Keep Reading" that ends a teaser: the author's name and bio follow it. */
function teaserEnd(blocks: BlockInfo[], i: number): boolean {
  const n = blocks[i + 1];
  if (!n) return true;
  if (n.tag === 'name' || bioOf(n)) return true;
  return false;
}

function qualifies(c: Core): boolean {
  return (c.prose >= 2 && c.adjacent >= 1 && c.chars >= 250) || c.chars >= 400;
}

// ------------------------------------------------------------------ extent of a story

const HEAVY = new Set(['copyright', 'comment-head', 'form']);

/** After a box inserted into the text (a "Trending" list, an ad label, a gallery),
 * does the story's text go on? Returns the block where it resumes, or -1. */
function resumesAfterBox(ctx: Context, from: number, limit: number): number {
  const { blocks, starts } = ctx;
  let menus = 0;
  // a box of page furniture is short; lists of content (items, short lines, titles)
  // between paragraphs cost less, so a listing article keeps its text
  let budget = 14;
  let runStart = -1;
  let runChars = 0;
  let runGap = 0;
  for (let i = from; i < limit && i - from <= 48; i++) {
    const b = blocks[i];
    if (i > from && (starts[i] || HEAVY.has(b.tag) || b.blanksBefore >= 3)) return -1;
    if (b.tag === 'menu') {
      if (++menus > 8) return -1;
    }
    budget -= ['item', 'short', 'title', 'sentence', 'name', 'image'].includes(b.tag) ? 0.3 : 1;
    if (budget < 0) return -1;
    // short sentences in a row (a list of jokes, a post's "EDIT:" note) are text too; a
    // signature or a one-line answer may sit between two of them, no more
    // (in sentence case: a list of headlines in Title Case is a box of teasers)
    if (b.tag === 'sentence' && b.f.words >= 5 && b.f.capRatio < 0.5 && !promotional(b.text)) {
      if (runStart < 0) runStart = i;
      runChars += b.f.chars;
      runGap = 0;
      if (runChars >= 110 && i > runStart && !ctx.comments[runStart]) return runStart;
    } else if (!furniture(b) && (++runGap > 1 || b.f.words > 4 || !['short', 'title', 'name'].includes(b.tag))) {
      runStart = -1;
      runChars = 0;
    }
    if ((b.tag === 'prose' || (b.tag === 'sentence' && b.f.chars >= 120)) && !ctx.bios[i] && !ctx.comments[i]) {
      // the text resumes with a real paragraph, not a teaser card's dek (a title above
      // it, its date or picture below it)
      const next = blocks[i + 1];
      const prev = blocks[i - 1];
      const card = (next && (next.tag === 'date' || next.tag === 'meta' || next.tag === 'image')) || (prev && prev.tag === 'title' && prev.f.words >= 4 && b.f.chars < 250 && anotherCard(blocks, i + 1));
      if (!card) return i;
    }
  }
  return -1;
}

/** Teaser cards come in series: another title with a line of text under it follows
 * soon. A lone title over a paragraph is the story's crosshead. */
function anotherCard(blocks: BlockInfo[], from: number): boolean {
  for (let k = from; k < blocks.length && k < from + 5; k++) {
    const t = blocks[k];
    const under = blocks[k + 1];
    if (t.tag === 'title' && t.f.words >= 4 && under && (under.tag === 'prose' || under.tag === 'sentence')) return true;
  }
  return false;
}

/** The page's first line when it reads as the title of the text starting at `start`:
 * title-shaped, and nothing but a short list (a table of contents) and section labels
 * between them. Returns its index, or -1. */
function pageTitleAbove(blocks: BlockInfo[], start: number): number {
  const t = blocks[0];
  if (!t || start === 0 || start > 16 || t.tag !== 'title' || t.f.pipes > 0 || promotional(t.text)) return -1;
  for (let i = 1; i < start; i++) {
    const b = blocks[i];
    if (b.tag === 'prose' || b.tag === 'sentence' || b.tag === 'form' || b.tag === 'copyright') return -1;
  }
  return 0;
}

/** A title with its byline or date under it among the few blocks above block `i`. */
function signedTitleAbove(blocks: BlockInfo[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 8; k--) {
    const b = blocks[k];
    if (b.tag === 'prose' || b.tag === 'copyright' || b.tag === 'comment-head') return false;
    if ((b.tag === 'title' || b.tag === 'sentence') && b.f.words >= 5 && !b.f.bullet) {
      let n = k + 1;
      while (n < i && furniture(blocks[n])) n++;
      if (n < i && (blocks[n].tag === 'byline' || blocks[n].tag === 'date')) return true;
    }
  }
  return false;
}

/** Is the block a headline long enough to pass for a paragraph ("[The Palace] The Beauty
 * of Korea Revealed at ‘2018 Welcome Daehak-ro Festival’! To the Actual Scene!"), as its
 * dateline or byline right under it shows? Returns where its text starts, or -1. */
function signedTitle(blocks: BlockInfo[], i: number): number {
  const b = blocks[i];
  if (!b || b.f.bullet || b.f.words > 30 || b.f.chars > 240 || /\.["”’']?$/.test(b.text)) return -1;
  let k = i + 1;
  while (k < blocks.length && furniture(blocks[k])) k++;
  if (k >= blocks.length || (blocks[k].tag !== 'date' && blocks[k].tag !== 'byline')) return -1;
  k++;
  while (k < blocks.length && (furniture(blocks[k]) || blocks[k].tag === 'date' || blocks[k].tag === 'byline')) k++;
  return k < blocks.length ? k : -1;
}

/** Where a story's text begins: its first core paragraph, or an earlier paragraph
 * separated from it only by a box (a photo with caption and credit, an audio player,
 * a "View all" link). Stops at the story's header: a byline or date above. */
function extendUp(ctx: Context, first: number, floor: number): number {
  const { blocks, starts } = ctx;
  let top = first;
  for (;;) {
    let found = -1;
    let menus = 0;
    let budget = 14;
    for (let i = top - 1; i > floor && top - i <= 48; i--) {
      const b = blocks[i];
      // a photo gallery (counters, captions, credits) or a list costs little
      const light = b.tag === 'credit' || b.tag === 'image' || b.tag === 'meta' || b.tag === 'item' || ctx.captions[i] || b.tag === 'sentence';
      if (!light && --budget < 0) break;
      if (HEAVY.has(b.tag) || ctx.comments[i] || starts[i + 1] || blocks[i + 1].blanksBefore >= 3) break;
      if (b.tag === 'byline' || b.tag === 'date') break;
      if (b.tag === 'menu' && !furniture(b) && ++menus > 4) break;
      if (b.tag === 'prose' && !ctx.captions[i] && !ctx.bios[i]) {
        found = i;
        break;
      }
    }
    if (found < 0) return top;
    top = found;
  }
}

/** How far down a story reaches from its last core paragraph: over everything that
 * is not page furniture (closing lines, lists, Q&A, an info box), across boxes
 * inserted into the text, to a teaser's "Keep Reading" with the author's name and
 * bio. */
function extendDown(ctx: Context, last: number, limit: number): number {
  const { blocks, stopper, starts } = ctx;
  let end = last;
  let sinceText = 0;
  for (let i = last + 1; i < limit; i++) {
    const b = blocks[i];
    if (starts[i] || ctx.comments[i]) break;
    if (b.tag === 'truncation' && teaserEnd(blocks, i)) {
      end = i;
      const nm = blocks[i + 1];
      const bio = blocks[i + 2];
      if (nm && nm.tag === 'name' && bio && bioOf(bio, nm.text)) end = i + 2;
      else if (nm && bioOf(nm)) end = i + 1;
      break;
    }
    if (stopper[i] || b.blanksBefore >= 4) {
      const r = resumesAfterBox(ctx, i, limit);
      if (r < 0) break;
      end = r;
      i = r;
      sinceText = 0;
      continue;
    }
    if (b.tag === 'name' && blocks[i + 1] && bioOf(blocks[i + 1], b.text)) {
      end = i + 1;
      i++;
      continue;
    }
    if (b.tag === 'prose' || b.tag === 'sentence') {
      if (promotional(b.text) && b.tag === 'sentence') break;
      sinceText = 0;
    } else if (++sinceText > 25) break;
    end = i;
  }
  // trailing lines that are neither text nor structure are not the story's
  while (end > last && !['prose', 'sentence', 'item', 'title', 'short', 'name', 'date', 'byline'].includes(blocks[end].tag) && !ctx.bios[end]) end--;
  return end;
}

// ------------------------------------------------------------------ headline

interface HeaderZone {
  start: number; // first block of the story (headline or first header block)
  headline: number;
  /** Other blocks that could have been the headline: kept, never flagged. */
  alternatives: number[];
  /** How sure the headline is (headlineScore); 0 without one. */
  score: number;
}

/** Shaped like a headline: a title line, a name-like line of three words or more. */
function headlineShaped(b: BlockInfo): boolean {
  // a competing headline, not a section label or a photo's alt text
  return (b.tag === 'title' || b.tag === 'name') && b.f.words >= 5;
}

/** How much a block looks like the headline of the text below it. */
function headlineScore(ctx: Context, i: number, bodyStart: number): number {
  const { blocks } = ctx;
  const b = blocks[i];
  const f = b.f;
  if (f.bullet || ctx.captions[i]) return -Infinity;
  let s: number;
  switch (b.tag) {
    case 'title':
      s = 3;
      break;
    case 'name':
      s = f.words >= 3 ? 3 : 1;
      break;
    case 'sentence':
    case 'short':
    case 'prose':
      if (f.words > 30 || f.chars > 240) return -Infinity;
      // a headline may end in a question, an exclamation or a quote, rarely a full stop
      s = /[!?]["”’']?$/.test(b.text) ? 2.5 : /[^.]\.$/.test(b.text) ? 1 : 2;
      break;
    default:
      return -Infinity;
  }
  // headlines run to a dozen words; three capitalised words are a kicker or a name
  if (f.words >= 6 && f.words <= 20) s += 1.5;
  else if (f.words >= 4 && f.words <= 30) s += 0.5;
  else if (f.words === 3) s -= 0.5;
  else s -= 2;
  if (f.glued > 0) s -= 2;
  if (/\d{1,2}:\d{2}|https?:|www\.|@\w/.test(b.text)) s -= 2;
  if (/[!?]$/.test(b.text) && f.words <= 3) s -= 1;
  // a weather box or a score line: "Thursday, Nov 5th 2020 7PM 6°C 10PM 7°C"
  if ((b.text.match(/\d/g)?.length ?? 0) > b.text.length * 0.15) s -= 2;
  // a quotation standing alone is a pull quote or a subtitle
  if (/^["“‘'].*["”’']$/.test(b.text)) s -= 1;
  // an image's file name glued to a link: "[cropped-cr] Switch site", "[xml] RSS/XML"
  if (/^\[[^\]\s]*\]/.test(b.text)) s -= 2;
  // a browser-tab title "Headline | Site" or "Headline | 2020"
  if (f.pipes > 0) s -= 1;
  // a breadcrumb trail: "Home>Articles>Amazon Liable for …"
  if (/^(home|start|news)\s*[>»›/|]|[>»›]\s*\S+\s*[>»›]/i.test(b.text)) s -= 3;
  // a line carrying a date is a dateline or a teaser's, not a headline; a full date
  // with its year almost never stands in a headline
  if (hasDate(b.text)) s -= /\b(19|20)\d\d\b/.test(b.text) ? 2.5 : 0.5;
  // "Blog Home AI & Machine Learning • October 18, 2019": parts joined by separators
  if (/\s[•·]\s/.test(b.text)) s -= 1.5;
  // a newsletter pitch or a call to action
  if (promotional(b.text)) s -= 2;
  // a date or byline right above it, share buttons right below it
  let up = i - 1;
  while (up >= 0 && furniture(blocks[up])) up--;
  if (up >= 0 && (blocks[up].tag === 'date' || blocks[up].tag === 'byline')) s += 0.5;
  if (blocks[i + 1] && furniture(blocks[i + 1]) && blocks[i + 1].tag !== 'image') s += 0.5;
  // what a headline has under it: a byline or a date, a dek, the lead photo
  let byline = 0;
  let media = false;
  let dek = false;
  for (let k = i + 1, seen = 0; seen < 5 && k < bodyStart; k++) {
    if (furniture(blocks[k])) continue;
    seen++;
    const t = blocks[k].tag;
    // what follows the next headline-shaped line is that line's evidence, unless it is
    // this headline's subtitle (right below it, with the byline right below that)
    const signedBelow = !!blocks[k + 1] && ['byline', 'date', 'name'].includes(blocks[k + 1].tag);
    const titleLike = (t === 'title' || t === 'name') && blocks[k].f.words >= 3;
    if ((headlineShaped(blocks[k]) || (titleLike && signedBelow)) && !(seen === 1 && signedBelow)) break;
    // a teaser's title is followed by its links ("More articles")
    if (seen === 1 && (t === 'truncation' || t === 'related' || t === 'list-header')) s -= 1;
    if (t === 'byline' || t === 'date') byline = Math.max(byline, 3);
    // a bare name is the author, unless another title follows it (then it was the
    // next story's section label)
    else if (t === 'name' && blocks[k].f.words <= 4) {
      let n = k + 1;
      while (n < blocks.length && furniture(blocks[n])) n++;
      const after = blocks[n];
      const kicker = after && (after.tag === 'title' || (after.tag === 'name' && after.f.words >= 3));
      byline = Math.max(byline, kicker ? 0.5 : 3);
    }
    if (t === 'credit' || (ctx.captions[k] && t !== 'image')) media = true;
    // a dek: one sentence right under the headline
    if (seen === 1 && !ctx.captions[k] && (t === 'sentence' || (t === 'prose' && blocks[k].f.chars < 300))) dek = true;
  }
  s += byline;
  if (media) s += 1;
  if (dek) s += 1;
  s -= 0.03 * (bodyStart - i);
  return s;
}

/** Nothing but page furniture between blocks `a` and `b` (a < b). */
function adjacentAbove(blocks: BlockInfo[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (!furniture(blocks[k])) return false;
  return true;
}

/** Walks up from the first paragraph of a story over header-like blocks to find its
 * headline and where it starts. */
function findHeader(ctx: Context, c0: number, floor: number): HeaderZone {
  const { blocks, starts } = ctx;
  const cands: { i: number; s: number }[] = [];
  let top = c0;
  let menuRun = 0;
  for (let i = c0 - 1; i > floor && c0 - i <= 48; i--) {
    const b = blocks[i];
    // far above the text, only a headline with its byline under it is worth the walk
    const anchored = cands.some((c) => c.s >= 5);
    if (c0 - i > 24 && cands.some((c) => c.s >= 6)) break;
    if (b.tag === 'copyright' || b.tag === 'comment-head') break;
    // tags, a video player or a search box may sit between a headline and its text;
    // above a headline with its byline they are the site's
    // (unless a signed title stands right above it and nothing below has a byline)
    if ((b.tag === 'list-header' || b.tag === 'form') && anchored && !(b.tag === 'form' && !cands.some((c) => c.s >= 6) && signedTitleAbove(blocks, i))) break;
    if (b.tag === 'prose' && !ctx.captions[i] && b.f.chars >= 300) break;
    if (b.f.bullet && b.f.words > 0 && b.tag !== 'prose') {
      // a few topic tags may sit under a headline; a long menu is the site's (a list
      // with content, ingredients say, counts for less)
      menuRun += b.tag === 'item' ? 0.5 : 1;
      if (menuRun >= 7 || (menuRun >= 2 && anchored && b.tag === 'menu')) break;
    } else if (!furniture(b)) menuRun = 0;
    top = i;
    const s = headlineScore(ctx, i, c0);
    if (s > -Infinity) cands.push({ i, s });
    // a story's own headline ends the walk; a weak start (a repeated header block)
    // does not
    if (starts[i] && s >= 6) break;
  }
  if (process.env.DBG) console.error('cands', c0, cands.map((c) => `${ctx.blocks[c.i].line}:${c.s.toFixed(2)}`).join(' '));
  if (cands.length) {
    let best = cands[0];
    for (const c of cands) if (c.s > best.s) best = c;
    // a headline comes before its subtitle and the captions under it: of two near
    // equals, the upper one
    // (not a kicker or a label of three words over a headline several times its length)
    const words = (c: { i: number }) => blocks[c.i].f.words;
    // (nor a breadcrumb trail ending in the headline: "Home Holidays <headline>")
    const trail = (c: { i: number }) => blocks[c.i].key.length > blocks[best.i].key.length && blocks[best.i].key.length >= 8 && blocks[c.i].key.endsWith(' ' + blocks[best.i].key);
    for (const c of cands) if (c.i < best.i && c.s >= 6 && c.s >= best.s - 0.6 && (words(c) >= 4 || words(c) * 2 >= words(best)) && !trail(c)) best = c;
    // two weak titles one right over the other: the page's title over a section's
    if (best.s < 6) {
      const plain = (b: BlockInfo) => b.tag === 'title' && b.f.pipes === 0 && !/\s[•·]\s/.test(b.text) && !hasDate(b.text);
      const over = cands.find((c) => c.i < best.i && plain(blocks[c.i]) && c.s >= best.s - 1.1 && adjacentAbove(blocks, c.i, best.i));
      if (over) best = over;
    }
    if (best.s >= 2) {
      // near-ties stay unflagged: the model is not sure which one the headline is; so
      // do title-like lines right above a headline that has no byline to anchor it
      const alternatives = cands
        .filter((c) => c !== best && c.s >= 2.5 && (c.s >= best.s - 1 || (best.s < 6 && c.i < best.i && best.i - c.i <= 4)))
        .map((c) => c.i);
      return { start: Math.min(best.i, ...alternatives), headline: best.i, alternatives, score: best.s };
    }
  }
  // no headline: the story starts at the credits and captions right above its text
  let start = c0;
  for (let i = c0 - 1; i > floor && c0 - i <= 4; i--) {
    const t = blocks[i].tag;
    if (t === 'credit' || ctx.captions[i] || t === 'image') start = i;
    else break;
  }
  void top;
  return { start, headline: -1, alternatives: [], score: 0 };
}

// ------------------------------------------------------------------ the reading

// Several passes ask whether the same line is advertising (isPromotional, a few long
// patterns): while a page is read, each text is answered once.
let promoMemo: Map<string, boolean> | undefined;

function promotional(text: string): boolean {
  if (!promoMemo) return isPromotional(text);
  let v = promoMemo.get(text);
  if (v === undefined) promoMemo.set(text, (v = isPromotional(text)));
  return v;
}

export function readStories(page: Page): Reading {
  promoMemo = new Map();
  try {
    return readPage(page);
  } finally {
    promoMemo = undefined;
  }
}

function readPage(page: Page): Reading {
  const blocks = page.blocks;
  const n = blocks.length;
  const role: Role[] = new Array(n).fill('chrome');
  const storyOf = new Int32Array(n).fill(-1);
  const unsure = new Uint8Array(n);
  const bios = findBios(blocks);
  const starts = findStoryStarts(blocks, bios);
  const ctx: Context = {
    blocks,
    captions: findCaptions(blocks),
    related: findRelatedLists(blocks),
    bios,
    starts,
    stopper: findStoppers(blocks),
    comments: findComments(blocks, starts),
  };

  let cores = findCores(ctx, (b) => b.tag === 'prose').filter(qualifies);
  if (cores.length === 0) {
    // a story told in short paragraphs (results, briefs): three sentences in a row
    cores = findCores(ctx, (b) => b.tag === 'prose' || (b.tag === 'sentence' && b.f.words >= 8)).filter((c) => c.prose >= 3 && c.adjacent >= 2 && c.chars >= 250);
  }
  if (cores.length === 0) {
    // No run of paragraphs: nothing here can be called page chrome with confidence.
    // Keep every line; only form-evident cruft is flagged.
    for (const b of blocks) role[b.index] = localRole(b, ctx.captions[b.index] === 1) ?? 'other';
    return { stories: [], role, story: storyOf, unsure };
  }

  // The main story grows from the best run of paragraphs; its neighbours are stories
  // too when they have a story's shape (a headline, or a teaser's "Keep Reading" and
  // author bio) and stand close to it.
  let main = 0;
  for (let i = 1; i < cores.length; i++) if (cores[i].score > cores[main].score) main = i;
  interface Planned { core: Core; zone: HeaderZone; end: number }
  const plan = (c: Core, floor: number, limit: number): Planned => {
    let first = extendUp(ctx, c.first, floor);
    // a long headline read as the text's first paragraph: its date or byline right under it
    const dated = signedTitle(blocks, first);
    if (dated > first && dated <= c.last) first = dated;
    const core = first === c.first ? c : { ...c, first };
    const zone = findHeader(ctx, core.first, floor);
    return { core, zone, end: extendDown(ctx, c.last, limit) };
  };
  const nextStart = (i: number) => {
    for (let k = i + 1; k < n; k++) if (starts[k]) return k;
    return n;
  };

  // Which runs of paragraphs are stories: the main one, and every other one that is
  // not the page's own furniture (a comment section, text under the page's copyright
  // line, an advertiser's voice, a bulleted list of teasers).
  let footer = n;
  for (let i = cores[main].last + 1; i < n; i++) {
    if (blocks[i].tag === 'copyright') {
      footer = i;
      break;
    }
  }
  const accepted = cores.filter((c, k) => {
    if (k === main) return true;
    if (ctx.comments[c.first] || c.first > footer) return false;
    let bulleted = 0;
    let promo = 0;
    for (let i = c.first; i <= c.last; i++) {
      const b = blocks[i];
      if (b.tag !== 'prose') continue;
      if (b.f.bullet) bulleted += b.f.chars;
      if (promotional(b.text)) promo += b.f.chars;
    }
    return bulleted * 2 < c.chars && promo * 2 < c.chars;
  });
  const chosen: Planned[] = [];
  let prevEnd = -1;
  for (let k = 0; k < accepted.length; k++) {
    const c = accepted[k];
    if (c.first <= prevEnd) continue;
    const next = accepted[k + 1];
    const limit = Math.min(nextStart(c.last), next ? next.first : n);
    const s = plan(c, prevEnd, limit);
    const last = chosen[chosen.length - 1];
    // paragraphs close under a story, with no headline of their own (its text went on
    // after an inserted box), continue that story
    if (last && !storyShaped(blocks, s, starts) && s.core.first - last.end <= 16) {
      last.end = s.end;
      prevEnd = s.end;
      continue;
    }
    chosen.push(s);
    prevEnd = s.end;
  }
  // the first story of a page may sit right at its top
  for (let i = 1; i < chosen.length; i++) {
    if (chosen[i - 1].end >= chosen[i].zone.start) chosen[i - 1].end = chosen[i].zone.start - 1;
  }

  // a page's only story without a headline of its own takes the page's title: its first
  // line, when only a short table of contents lies between them (a wiki or a manual)
  if (chosen.length === 1 && chosen[0].zone.headline < 0) {
    const top = pageTitleAbove(blocks, chosen[0].zone.start);
    if (top >= 0) chosen[0].zone = { start: top, headline: top, alternatives: [], score: 2 };
  }

  const drafts: StoryDraft[] = [];
  for (const s of chosen) drafts.push(layOut(ctx, s.zone, s.core, s.end, drafts.length, role, storyOf, unsure));
  for (let i = 0; i < n; i++) if (storyOf[i] < 0) role[i] = outsideRole(blocks[i]);
  smoothOutside(blocks, role, storyOf, unsure);
  protectTitleEchoes(blocks, drafts, role, storyOf);
  protectTitleLines(blocks, drafts, role, storyOf);
  for (const s of chosen) for (const a of s.zone.alternatives) if (storyOf[a] < 0 || role[a] === 'chrome') role[a] = 'other';
  return { stories: drafts, role, story: storyOf, unsure };
}

/** A neighbouring run of paragraphs is a story of its own when it has a headline or
 * ends like a teaser (a "Keep Reading" followed by the author's name and bio). */
function storyShaped(blocks: BlockInfo[], s: { core: Core; zone: HeaderZone; end: number }, starts: Uint8Array): boolean {
  if (starts[s.zone.start] || starts[s.zone.headline] || s.zone.score >= 5) return true;
  for (let i = s.core.last + 1; i <= s.end; i++) if (blocks[i].tag === 'truncation') return true;
  return false;
}

/** Role of a block by its form alone, when form is enough to call it cruft. */
function localRole(b: BlockInfo, caption: boolean): Role | undefined {
  switch (b.tag) {
    case 'truncation':
      return 'truncation';
    case 'ui':
    case 'list-header':
    case 'related':
    case 'form':
      return 'ui';
    case 'credit':
      return 'credit';
    case 'image':
      return 'caption';
    default:
      return caption && b.creditAt >= 0 ? 'caption' : undefined;
  }
}

function outsideRole(b: BlockInfo): Role {
  if (b.tag === 'prose' || b.tag === 'sentence') return promotional(b.text) ? 'sponsored' : 'chrome';
  const r = localRole(b, false);
  // outside the stories, an image's name is part of the page's furniture
  return r && r !== 'caption' ? r : 'chrome';
}

/** Outside the stories, a label or credit in the middle of a menu is part of the menu:
 * one finding for the whole run. Where a region has no menu at all, its lines keep
 * their own kinds. A region holding paragraphs that read like a story the model did
 * not recognise is only flagged softly. */
function smoothOutside(blocks: BlockInfo[], role: Role[], storyOf: Int32Array, unsure: Uint8Array): void {
  let i = 0;
  while (i < blocks.length) {
    if (storyOf[i] >= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && storyOf[j + 1] < 0) j++;
    let chrome = 0;
    let adjacentProse = 0;
    for (let k = i; k <= j; k++) {
      if (role[k] === 'chrome') chrome++;
      if (blocks[k].tag === 'prose' && k > i && blocks[k - 1].tag === 'prose' && !promotional(blocks[k].text)) adjacentProse++;
    }
    if (chrome > 0) for (let k = i; k <= j; k++) if (role[k] === 'ui' || role[k] === 'credit' || role[k] === 'truncation') role[k] = 'chrome';
    if (adjacentProse > 0) for (let k = i; k <= j; k++) unsure[k] = 1;
    i = j + 1;
  }
}

/** The page's own echo of the headline (a breadcrumb, the current item of a menu) is
 * evidence for the headline, and never flagged. */
function protectTitleEchoes(blocks: BlockInfo[], drafts: StoryDraft[], role: Role[], storyOf: Int32Array): void {
  // an echo is a headline's key, its beginning or its end: keys are at least 8
  // characters, so a candidate headline shares the echo's first or last 8 characters
  const byHead = new Map<string, string[]>();
  const byTail = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, at: string, k: string) => {
    const list = m.get(at);
    if (!list) m.set(at, [k]);
    else if (!list.includes(k)) list.push(k);
  };
  // (and the hashes of those ends, as flags: a line whose ends hash to none is let go
  // without making its key)
  const heads = new Uint8Array(4096);
  const tails = new Uint8Array(4096);
  for (const d of drafts) {
    const k = d.headline >= 0 ? blocks[d.headline].key : '';
    if (k.length < 8) continue;
    add(byHead, k.slice(0, 8), k);
    add(byTail, k.slice(-8), k);
    heads[keyEndHash(k, 0) & 4095] = 1;
    tails[keyEndHash(k, k.length - 8) & 4095] = 1;
  }
  if (!byHead.size) return;
  for (const b of blocks) {
    if (storyOf[b.index] >= 0) continue;
    // most lines share neither end with a headline's key: those are let go by the ends
    // of their key, without making it
    const ends = readKeyEnds(b.text);
    if (ends === 0 || (ends === 1 && !heads[keyEnds.head & 4095] && !tails[keyEnds.tail & 4095])) continue;
    if (!b.key || b.key.length < 8) continue;
    const key = b.key;
    // b.key === k or k.startsWith(b.key): k begins with the key's first 8 characters;
    // b.key.endsWith(k): k ends with the key's last 8
    const echo = byHead.get(key.slice(0, 8))?.some((k) => k.startsWith(key)) || byTail.get(key.slice(-8))?.some((k) => key.endsWith(k));
    if (echo) role[b.index] = 'other';
  }
}

/** A title the reading did not choose is still not chrome to be removed when its place
 * says "page title": the first line of the page, the title lines between the last menu
 * and a story's start, a title with its byline or date under it. The model is unsure
 * which of them is the headline, and removing a headline is data loss. */
function protectTitleLines(blocks: BlockInfo[], drafts: StoryDraft[], role: Role[], storyOf: Int32Array): void {
  const keep = (i: number) => {
    if (storyOf[i] < 0 && role[i] === 'chrome') role[i] = 'other';
  };
  // (a line of links joined by separators is a menu, whatever its capitals)
  const titleLike = (b: BlockInfo) =>
    (b.tag === 'title' || b.tag === 'name') && !b.f.bullet && b.f.words >= 2 && b.f.pipes === 0 && !/\s[•·]\s/.test(b.text) && !promotional(b.text);
  if (blocks.length && titleLike(blocks[0])) keep(0);
  for (const d of drafts) {
    for (let i = d.first - 1, seen = 0; i >= 0 && seen < 3 && storyOf[i] < 0; i--) {
      const b = blocks[i];
      if (furniture(b)) continue;
      // (an editor's note or a standfirst in full sentences right over the headline too)
      const note = seen === 0 && (b.tag === 'sentence' || b.tag === 'prose') && !b.f.bullet && !promotional(b.text);
      if (!note && (!titleLike(b) || b.f.words < 3)) break;
      keep(i);
      seen++;
    }
  }
  // the page's title printed twice, its tab title right over its heading, and the
  // paragraph right under them (a teaser card's doubled title has no paragraph under it)
  for (let i = 1; i < blocks.length; i++) {
    const a = blocks[i - 1];
    const b = blocks[i];
    if (storyOf[i] >= 0 || a.text !== b.text || !titleLike(b) || i < 2 || blocks[i - 2].text === b.text) continue;
    const next = blocks[i + 1];
    if (next && next.tag === 'prose' && !promotional(next.text)) {
      keep(i - 1);
      keep(i);
      keep(i + 1);
    }
  }
  // a signed title outside every story; several of them are a list of teasers
  const signed: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (storyOf[i] >= 0 || !headlineShaped(blocks[i])) continue;
    let k = i + 1;
    while (k < blocks.length && furniture(blocks[k])) k++;
    if (k < blocks.length && blocks[k].tag === 'byline' && !promotional(blocks[i].text)) signed.push(i);
  }
  if (signed.length === 1) keep(signed[0]);
}

/** Assigns the roles of one story's blocks. */
function layOut(ctx: Context, zone: HeaderZone, core: Core, end: number, index: number, role: Role[], storyOf: Int32Array, unsure: Uint8Array): StoryDraft {
  const { blocks, captions } = ctx;
  const first = zone.start;
  for (let i = first; i <= end; i++) storyOf[i] = index;
  const draft: StoryDraft = { headline: zone.headline, first, last: end, bodyStart: core.first, dek: -1, truncation: -1, crossheads: [] };
  if (zone.headline >= 0) role[zone.headline] = 'headline';
  // above the headline but in the story: the other headline candidates and what lies
  // between them, kept unless their form says cruft
  for (let k = first; k < zone.headline; k++) role[k] = localRole(blocks[k], captions[k] === 1) ?? 'other';

  // header: between the headline and the first paragraph of text
  let i = zone.headline >= 0 ? zone.headline + 1 : first;
  let bodyStart = -1;
  for (; i <= end; i++) {
    const b = blocks[i];
    if (draft.dek < 0 && zone.headline >= 0 && (b.tag === 'sentence' || b.tag === 'prose') && !promotional(b.text) && b.creditAt < 0 && !(captions[i] && opensLikeCaption(b.text))) {
      // the first sentence under the headline is its dek when a photo or the byline
      // follows it, or when it is short; otherwise the text starts right away
      const next = blocks[i + 1];
      const media = next && i + 1 <= end && (captions[i + 1] || ['credit', 'image', 'byline', 'date', 'meta', 'name'].includes(next.tag));
      if (media || b.f.chars < 200) {
        draft.dek = i;
        role[i] = 'dek';
        continue;
      }
    }
    if (captions[i] && b.tag !== 'credit') {
      role[i] = 'caption';
      continue;
    }
    // an agency's name under the byline or over the date is the byline's affiliation
    if (b.tag === 'credit' && isAgencyByline(b.text) && (role[i - 1] === 'byline' || (i < end && (blocks[i + 1].tag === 'date' || blocks[i + 1].tag === 'byline')))) {
      role[i] = 'byline';
      continue;
    }
    const local = localRole(b, false);
    if (local) {
      role[i] = local;
      continue;
    }
    if (b.tag === 'byline' || (b.tag === 'name' && draft.dek < 0)) {
      role[i] = 'byline';
      continue;
    }
    if (b.tag === 'date') {
      role[i] = 'dateline';
      continue;
    }
    if (b.tag === 'meta') {
      role[i] = 'ui';
      continue;
    }
    if (furniture(b)) {
      role[i] = 'chrome';
      continue;
    }
    // the site's pitch between the byline and the text: "Chat with us in Facebook Messenger."
    if (b.tag === 'sentence' && i < core.first && promotional(b.text)) {
      role[i] = 'sponsored';
      continue;
    }
    if (b.tag === 'prose' || b.tag === 'sentence' || i >= core.first) {
      bodyStart = i;
      break;
    }
    role[i] = 'other';
  }
  draft.bodyStart = bodyStart >= 0 ? bodyStart : core.first;

  // body
  for (i = draft.bodyStart; i <= end && bodyStart >= 0; i++) {
    const b = blocks[i];
    if (b.tag === 'truncation' && teaserEnd(blocks, i)) {
      role[i] = 'truncation';
      if (draft.truncation < 0) draft.truncation = i;
      continue;
    }
    if (draft.truncation >= 0) {
      // after the cut: the author's name and bio
      role[i] = b.tag === 'name' ? 'author-name' : bioOf(b) || (blocks[i - 1]?.tag === 'name' && bioOf(b, blocks[i - 1].text)) ? 'author-bio' : localRole(b, false) ?? 'other';
      continue;
    }
    if (b.tag === 'list-header') {
      // a "Related" label and the list of links under it
      role[i] = 'chrome';
      let k = i + 1;
      // (a numbered list under the label is its list, however long its items: "1. …", "2. …")
      let number = 1;
      const numbered = (b: BlockInfo) => {
        const m = /^\s*(\d{1,2})[.)]\s/.exec(b.text);
        return !!m && Number(m[1]) === number;
      };
      while (k <= end && k - i <= 12) {
        const t = blocks[k].tag;
        if (numbered(blocks[k])) number++;
        else if (!['title', 'menu', 'item', 'short', 'ui', 'image', 'date', 'meta', 'related', 'sentence'].includes(t) || (t === 'sentence' && blocks[k].f.chars > 160)) break;
        role[k] = 'chrome';
        k++;
      }
      i = k - 1;
      continue;
    }
    if (ctx.related[i]) {
      // (a reading list or a product round-up has the same shape: flagged, not removed on save)
      role[i] = 'chrome';
      unsure[i] = 1;
      continue;
    }
    if (captions[i] && b.tag !== 'credit') {
      role[i] = 'caption';
      // a caption found only by its neighbour, long enough to be a paragraph, is a guess
      if (b.creditAt < 0 && b.f.chars > 160) unsure[i] = 1;
      continue;
    }
    const local = localRole(b, false);
    if (local) {
      role[i] = local;
      continue;
    }
    // inside a story's text a bullet list is content unless its items are buttons
    if (ctx.stopper[i] && (b.tag === 'divider' || furniture(b) || (b.tag === 'menu' && b.f.glued >= 2))) {
      // a rule drawn across the page is furniture; a short "* * *" is a section break
      role[i] = b.tag === 'divider' && b.f.chars < 10 ? 'other' : 'chrome';
      continue;
    }
    // the site's call to sign up or subscribe, set between the paragraphs
    if ((b.tag === 'prose' || b.tag === 'sentence' || b.tag === 'title') && b.f.sentences <= 2 && opensWithCall(b.text)) {
      role[i] = 'sponsored';
      continue;
    }
    if (b.tag === 'prose' || b.tag === 'sentence') {
      role[i] = ctx.bios[i] || (bioOf(b) && i > core.last) ? 'author-bio' : 'body';
      continue;
    }
    if ((b.tag === 'title' || b.tag === 'name') && i > draft.bodyStart) {
      // between paragraphs, a call to action is promotion, and a whole headline in
      // capitals a link to another story; a crosshead is a few words
      if (promotional(b.text)) {
        role[i] = 'sponsored';
        // "Learn more at <source>" may be the text's own pointer: only a short line that
        // asks for a click, a subscription or an app is sure
        if (b.f.words > 10 || !/\b(click(ing)? here|subscribe|sign up|download|app)\b/i.test(b.text)) unsure[i] = 1;
        continue;
      }
      if (b.f.words >= 8 && !/\p{Ll}/u.test(b.text) && /\p{Lu}{2}/u.test(b.text)) {
        role[i] = 'ui';
        continue;
      }
    }
    if ((b.tag === 'title' || b.tag === 'name') && i > draft.bodyStart && isCrosshead(blocks, i, end)) {
      role[i] = 'crosshead';
      draft.crossheads.push(i);
      continue;
    }
    if (b.tag === 'byline') role[i] = 'byline';
    else if (b.tag === 'date') role[i] = 'dateline';
    else if (b.tag === 'meta') role[i] = 'ui';
    else if (b.tag === 'item') role[i] = 'body';
    else role[i] = 'other';
  }
  return draft;
}

/** A short title line between paragraphs of the same story. */
function isCrosshead(blocks: BlockInfo[], i: number, end: number): boolean {
  const b = blocks[i];
  if (b.f.words > 14 || i + 1 > end) return false;
  const textual = (x?: BlockInfo) => !!x && (x.tag === 'prose' || x.tag === 'sentence' || x.tag === 'item');
  return textual(blocks[i - 1]) && textual(blocks[i + 1]);
}
