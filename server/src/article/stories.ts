// Reads the page's shape: where its stories are, what each line of a story is, and
// what lies outside every story (page chrome).
//
// The evidence is layout, not vocabulary: a story is a run of prose paragraphs
// (a "core") under a headline; a list of related headlines has titles and one-line
// deks but no run of paragraphs. Inside a story a line is only called cruft on
// positive evidence (a credit, a button label, a list of links under a "Related"
// label); outside every story everything is chrome.

import { BlockInfo, Page } from './blocks';
import { isPromotional } from './promo';
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
}

/** Cost of a non-paragraph block inside a run of paragraphs: how much it breaks the run. */
function gapCost(b: BlockInfo): number {
  switch (b.tag) {
    case 'sentence':
      return 0.25;
    case 'credit':
    case 'date':
    case 'byline':
    case 'meta':
    case 'widget':
      return 0.5;
    case 'title':
    case 'name':
    case 'short':
    case 'ui':
      return 1;
    case 'menu':
      return 1.25;
    default:
      return 1;
  }
}

const HARD_BREAK = new Set(['truncation', 'copyright', 'list-header']);
const MAX_GAP = 3;

function findCores(blocks: BlockInfo[], starts: Uint8Array, bios: Uint8Array): Core[] {
  const cores: Core[] = [];
  let cur: Core | undefined;
  let cost = 0;
  let hard = false;
  let prevProse = false;
  for (const b of blocks) {
    if (starts[b.index]) hard = true;
    if (b.tag === 'prose' && !bios[b.index]) {
      if (cur && cost <= MAX_GAP && !hard && b.blanksBefore < 4) {
        cur.last = b.index;
        cur.prose++;
        if (prevProse) cur.adjacent++;
        cur.chars += b.f.chars;
      } else {
        cur = { first: b.index, last: b.index, prose: 1, adjacent: 0, chars: b.f.chars };
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
    // short paragraphs between long ones keep them adjacent
    if (b.tag !== 'sentence') prevProse = false;
  }
  return cores;
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
 * headline with a story's header below it (a photo credit, a byline, a date, or a
 * dek followed by a photo), or, when the headline was lost, a photo credit. */
function findStoryStarts(blocks: BlockInfo[], bios: Uint8Array): Uint8Array {
  const starts = new Uint8Array(blocks.length);
  for (const b of blocks) {
    const i = b.index;
    if (i === 0) continue;
    const closed = closesStory(blocks, i - 1, bios);
    if (!closed && b.blanksBefore < 2) continue;
    if (b.tag === 'credit' && closed) {
      starts[i] = 1;
      continue;
    }
    const headlineShaped = b.tag === 'title' || (b.tag === 'sentence' && b.f.words <= 20 && b.f.chars <= 160);
    if (!headlineShaped) continue;
    for (let k = i + 1; k < blocks.length && k - i <= 4; k++) {
      const t = blocks[k].tag;
      if (t === 'credit' || t === 'byline' || t === 'date') {
        starts[i] = 1;
        break;
      }
      if (t === 'truncation' || t === 'copyright' || t === 'list-header' || starts[k]) break;
    }
  }
  return starts;
}

function qualifies(c: Core): boolean {
  return (c.prose >= 2 && c.adjacent >= 1 && c.chars >= 250) || c.chars >= 600;
}

/** Short bullet items that read like menu entries: few words, capitalised, no sentence. */
function navItem(b: BlockInfo): boolean {
  return (b.tag === 'menu' || b.tag === 'ui' || b.tag === 'list-header') && b.f.words <= 5 && b.f.innerPunct === 0;
}

/** Items of a share bar or metadata list: empty bullets, button labels, dates, counters. */
function chromeItem(b: BlockInfo): boolean {
  if (b.tag === 'ui' || b.tag === 'widget' || b.tag === 'meta' || b.tag === 'truncation' || b.tag === 'list-header') return true;
  if (b.f.bullet && b.f.words === 0) return true;
  return false;
}

// Tags that may sit between a headline and the first paragraph.
const HEADERISH = new Set(['title', 'sentence', 'name', 'short', 'date', 'byline', 'credit', 'meta', 'widget', 'ui', 'prose', 'menu']);

interface HeaderZone {
  start: number; // first block of the story (headline or first header block)
  headline: number;
}

function headlineScore(blocks: BlockInfo[], i: number, echoes: Map<string, number>): number {
  const b = blocks[i];
  const f = b.f;
  if (f.bullet || b.tag === 'menu') return -1;
  let s: number;
  if (b.tag === 'title') s = 3;
  else if ((b.tag === 'sentence' || b.tag === 'short') && f.words <= 24 && f.chars <= 200) s = 2;
  else if (b.tag === 'name') s = 1;
  else return -1;
  if (f.words < 3) s -= 2;
  else if (f.words < 4) s -= 1;
  if (b.key && (echoes.get(b.key) ?? 0) > 1) s += 1;
  return s;
}

/** Walks up from the first paragraph of a core over header-like blocks to find the
 * story's headline and where the story starts. */
function findHeader(page: Page, c0: number, floor: number, echoes: Map<string, number>, captions: Uint8Array, starts: Uint8Array): HeaderZone {
  const blocks = page.blocks;
  let start = c0;
  let best = -1;
  let bestScore = 1.5;
  let menuRun = 0;
  for (let i = c0 - 1; i > floor && c0 - i <= 16; i--) {
    const b = blocks[i];
    if (!HEADERISH.has(b.tag)) break;
    if (b.tag === 'menu' || (b.tag === 'ui' && b.f.bullet)) {
      menuRun++;
      if (menuRun > 5) break;
      if (navItem(b) && menuRun >= 3 && best >= 0) break;
    } else menuRun = 0;
    if (b.tag === 'prose' && !captions[i]) break;
    // a headline sits below the site chrome: a run of blank lines above the page's
    // text or above a story is a separator, not a line of the story
    start = i;
    if (!captions[i]) {
      const sc = headlineScore(blocks, i, echoes);
      // the topmost plausible headline wins: the dek and captions come after it,
      // unless a much better one (a title) is further down
      if (sc >= bestScore || (best >= 0 && sc >= 2 && sc >= headlineScore(blocks, best, echoes) - 0.5)) {
        best = i;
        bestScore = Math.max(bestScore, sc - 0.5);
      }
    }
    if ((b.blanksBefore >= 2 && best >= 0) || starts[i]) break;
  }
  if (best >= 0) start = best;
  else {
    // no headline: the story starts at its first credit/caption above the text, if any
    start = c0;
    for (let i = c0 - 1; i > floor && c0 - i <= 4; i--) {
      const t = blocks[i].tag;
      if (t === 'credit' || captions[i]) start = i;
      else break;
    }
  }
  return { start, headline: best };
}

/** Blocks that caption a photo: directly above a credit line (up to two), or with a
 * credit glued to their end. */
function findCaptions(blocks: BlockInfo[]): Uint8Array {
  const cap = new Uint8Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.creditAt >= 0) cap[i] = 1;
    if (b.tag !== 'credit') continue;
    for (let j = i - 1; j >= 0 && i - j <= 2; j--) {
      const p = blocks[j];
      if (p.blanksBefore > 2 && j < i - 1) break;
      if (p.tag === 'credit' || p.tag === 'truncation' || p.tag === 'list-header' || p.tag === 'copyright' || p.f.bullet) break;
      if (p.f.chars > 400) break;
      cap[j] = 1;
      if (p.tag === 'prose' || p.tag === 'sentence') {
        // one sentence-like caption is enough; a short alt text above it may join
        const q = blocks[j - 1];
        if (q && j - 1 >= 0 && i - (j - 1) <= 2 && q.f.words <= 6 && (q.tag === 'title' || q.tag === 'short' || q.tag === 'name')) cap[j - 1] = 1;
        break;
      }
    }
  }
  return cap;
}

/** Is this block the start of an author bio: "Name (@handle) is …", "Name is …". */
export function bioOf(b: BlockInfo, name?: string): boolean {
  if (b.tag !== 'prose' && b.tag !== 'sentence') return false;
  if (name) return b.text.startsWith(name) && /^\s*(\(\s*@\w+\s*\))?\s*(is|was|has|covers|writes|reports)\b/.test(b.text.slice(name.length));
  return /^[A-Z][\p{L}'’-]+(\s+[A-Z][\p{L}'’.-]+){1,3}\s*(\(\s*@\w+\s*\))?\s+(is|was|covers|writes|reports)\b/u.test(b.text);
}

export function readStories(page: Page): Reading {
  const blocks = page.blocks;
  const n = blocks.length;
  const role: Role[] = new Array(n).fill('chrome');
  const storyOf = new Int32Array(n).fill(-1);
  const unsure = new Uint8Array(n);
  const echoes = new Map<string, number>();
  for (const b of blocks) if (b.key) echoes.set(b.key, (echoes.get(b.key) ?? 0) + 1);
  const captions = findCaptions(blocks);
  const bios = findBios(blocks);
  const starts = findStoryStarts(blocks, bios);

  const cores = findCores(blocks, starts, bios).filter(qualifies);
  const drafts: StoryDraft[] = [];
  if (cores.length === 0) {
    // No run of paragraphs: nothing here can be called page chrome with confidence.
    // Keep every line; only form-evident cruft is flagged.
    for (const b of blocks) role[b.index] = localRole(b, captions[b.index] === 1) ?? 'other';
    return { stories: [], role, story: storyOf, unsure };
  }

  // The main story is the biggest run of paragraphs; its neighbours are stories too
  // when they have a story's shape (a headline above, or a teaser's "Keep Reading"
  // and author bio below) and stand close to it.
  let main = 0;
  for (let i = 1; i < cores.length; i++) if (cores[i].chars > cores[main].chars) main = i;
  const chosen: { core: Core; zone: HeaderZone; end: number }[] = [];
  const build = (c: Core, floor: number) => {
    const zone = findHeader(page, c.first, floor, echoes, captions, starts);
    const end = extendTail(blocks, c.last, starts);
    return { core: c, zone, end };
  };
  let prevEnd = -1;
  const mainStory = build(cores[main], -1);
  // backward neighbours
  const before: typeof chosen = [];
  {
    let lowerFirst = mainStory.zone.start;
    for (let i = main - 1; i >= 0; i--) {
      const c = cores[i];
      if (lowerFirst - c.last > 14) break;
      const s = build(c, -1);
      if (s.end >= lowerFirst) s.end = lowerFirst - 1;
      if (!storyShaped(blocks, s, starts)) break;
      before.unshift(s);
      lowerFirst = s.zone.start;
    }
  }
  chosen.push(...before, mainStory);
  prevEnd = mainStory.end;
  for (let i = main + 1; i < cores.length; i++) {
    const c = cores[i];
    if (c.first <= prevEnd) continue;
    const s = build(c, prevEnd);
    if (s.zone.start - prevEnd > 14) break;
    if (!storyShaped(blocks, s, starts)) {
      // a run of paragraphs right after a story, without a headline of its own, is
      // the same story continued after an inserted box ("Trending News" and its list)
      if (c.first - prevEnd <= 10 && !hasCopyright(blocks, prevEnd, c.first)) {
        const last = chosen[chosen.length - 1];
        last.end = s.end;
        prevEnd = s.end;
        continue;
      }
      break;
    }
    chosen.push(s);
    prevEnd = s.end;
  }
  // fix overlaps between consecutive stories
  for (let i = 1; i < chosen.length; i++) {
    if (chosen[i - 1].end >= chosen[i].zone.start) chosen[i - 1].end = chosen[i].zone.start - 1;
  }

  for (const s of chosen) {
    const d = layOut(page, s.zone, s.core, s.end, drafts.length, role, storyOf, unsure, captions);
    drafts.push(d);
  }
  // outside every story
  for (let i = 0; i < n; i++) {
    if (storyOf[i] >= 0) continue;
    role[i] = outsideRole(blocks[i]);
  }
  smoothOutside(blocks, role, storyOf, unsure);
  protectTitleEchoes(blocks, drafts, role, storyOf);
  return { stories: drafts, role, story: storyOf, unsure };
}

function hasCopyright(blocks: BlockInfo[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (blocks[i].tag === 'copyright') return true;
  return false;
}

/** A neighbouring run of paragraphs is a story of its own when it has a headline or
 * ends like a teaser (a "Keep Reading" followed by the author's name and bio). */
function storyShaped(blocks: BlockInfo[], s: { core: Core; zone: HeaderZone; end: number }, starts: Uint8Array): boolean {
  if (s.zone.headline >= 0 || starts[s.zone.start]) return true;
  for (let i = s.core.last + 1; i <= Math.min(s.end, s.core.last + 3); i++) if (blocks[i].tag === 'truncation') return true;
  return false;
}

/** The blocks after a story's last paragraph that still belong to it: short closing
 * paragraphs, a "Keep Reading" marker with the author's name and bio, reporting
 * credits, the date of publication. */
function extendTail(blocks: BlockInfo[], last: number, starts: Uint8Array): number {
  let end = last;
  let sentences = 0;
  for (let i = last + 1; i < blocks.length && i <= last + 6; i++) {
    const b = blocks[i];
    if (b.blanksBefore >= 3 || starts[i]) break;
    if (b.tag === 'truncation') {
      end = i;
      // the teaser's author: a name line followed by a bio
      const nm = blocks[i + 1];
      const bio = blocks[i + 2];
      if (nm && nm.tag === 'name' && bio && bioOf(bio, nm.text)) end = i + 2;
      else if (nm && bioOf(nm)) end = i + 1;
      break;
    }
    if (b.tag === 'sentence' && !isPromotional(b.text)) {
      if (++sentences > 3) break;
      end = i;
      continue;
    }
    if (b.tag === 'name' && blocks[i + 1] && bioOf(blocks[i + 1], b.text)) {
      end = i + 1;
      i++;
      continue;
    }
    if ((b.tag === 'prose' || b.tag === 'sentence') && bioOf(b)) {
      end = i;
      continue;
    }
    if (b.tag === 'date' || b.tag === 'byline') {
      end = i;
      continue;
    }
    break;
  }
  return end;
}

/** Role of a block by its form alone, when form is enough to call it cruft. */
function localRole(b: BlockInfo, caption: boolean): Role | undefined {
  switch (b.tag) {
    case 'truncation':
      return 'truncation';
    case 'ui':
    case 'list-header':
      return 'ui';
    case 'credit':
      return 'credit';
    case 'widget':
      return /\.(jpe?g|png|gif|webp|svg|avif)$/i.test(b.text) || /^\[[^\]\s]{3,}\]$/.test(b.text) ? 'caption' : 'ui';
    default:
      return caption && b.creditAt >= 0 ? 'caption' : undefined;
  }
}

function outsideRole(b: BlockInfo): Role {
  switch (b.tag) {
    case 'truncation':
      return 'truncation';
    case 'ui':
    case 'list-header':
      return 'ui';
    case 'credit':
      return 'credit';
    case 'prose':
    case 'sentence':
      return isPromotional(b.text) ? 'sponsored' : 'chrome';
    default:
      return 'chrome';
  }
}

/** Outside the stories, a label or credit in the middle of a menu is part of the menu:
 * one finding for the whole run. Where a region has no menu at all, its lines keep
 * their own kinds. A region that holds paragraphs which read like a story the model
 * did not recognise is only flagged softly. */
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
      if (blocks[k].tag === 'prose' && k > i && blocks[k - 1].tag === 'prose' && !isPromotional(blocks[k].text)) adjacentProse++;
    }
    if (chrome > 0) for (let k = i; k <= j; k++) if (role[k] === 'ui' || role[k] === 'credit' || role[k] === 'truncation') role[k] = 'chrome';
    if (adjacentProse > 0) for (let k = i; k <= j; k++) unsure[k] = 1;
    i = j + 1;
  }
}

/** The page's own echo of the headline (a breadcrumb, the current item of a menu) is
 * evidence for the headline, and never flagged. */
function protectTitleEchoes(blocks: BlockInfo[], drafts: StoryDraft[], role: Role[], storyOf: Int32Array): void {
  const keys: string[] = [];
  for (const d of drafts) if (d.headline >= 0 && blocks[d.headline].key.length >= 8) keys.push(blocks[d.headline].key);
  if (!keys.length) return;
  for (const b of blocks) {
    if (storyOf[b.index] >= 0 || !b.key || b.key.length < 8) continue;
    for (const k of keys) {
      if (b.key === k || k.startsWith(b.key) || b.key.endsWith(k)) {
        role[b.index] = 'other';
        break;
      }
    }
  }
}

/** Assigns the roles of one story's blocks. */
function layOut(
  page: Page, zone: HeaderZone, core: Core, end: number, index: number,
  role: Role[], storyOf: Int32Array, unsure: Uint8Array, captions: Uint8Array,
): StoryDraft {
  const blocks = page.blocks;
  const first = zone.start;
  for (let i = first; i <= end; i++) storyOf[i] = index;
  const draft: StoryDraft = { headline: zone.headline, first, last: end, bodyStart: core.first, dek: -1, truncation: -1, crossheads: [] };
  if (zone.headline >= 0) role[zone.headline] = 'headline';

  // header: between the headline and the first paragraph of text
  let i = zone.headline >= 0 ? zone.headline + 1 : first;
  let bodyStart = -1;
  for (; i <= end; i++) {
    const b = blocks[i];
    if (draft.dek < 0 && zone.headline >= 0 && (b.tag === 'sentence' || b.tag === 'prose') && !isPromotional(b.text) && b.creditAt < 0) {
      // the first sentence under the headline is its dek when a photo or the byline
      // follows it, or when it is short; otherwise the text starts right away
      const next = blocks[i + 1];
      const media = next && i + 1 <= end && (captions[i + 1] || ['credit', 'widget', 'byline', 'date', 'meta', 'name'].includes(next.tag));
      if (media || b.f.chars < 200) {
        draft.dek = i;
        role[i] = 'dek';
        continue;
      }
    }
    const local = localRole(b, captions[i] === 1);
    if (captions[i] && b.tag !== 'credit') {
      role[i] = 'caption';
      continue;
    }
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
    if (b.f.bullet && b.f.words === 0) {
      role[i] = 'chrome';
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
    if (b.tag === 'truncation') {
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
      while (k <= end && (blocks[k].tag === 'title' || blocks[k].tag === 'menu' || blocks[k].tag === 'short' || blocks[k].tag === 'ui' || blocks[k].tag === 'widget' || blocks[k].tag === 'date' || blocks[k].tag === 'meta') && k - i <= 12) {
        role[k] = 'chrome';
        k++;
      }
      i = k - 1;
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
    if (b.f.bullet && chromeRun(blocks, i, end)) {
      role[i] = 'chrome';
      continue;
    }
    if (b.tag === 'prose' || b.tag === 'sentence') {
      role[i] = bioOf(b) && i > core.last ? 'author-bio' : 'body';
      continue;
    }
    if (b.tag === 'title' && i > draft.bodyStart && i < core.last && isCrosshead(blocks, i)) {
      role[i] = 'crosshead';
      draft.crossheads.push(i);
      continue;
    }
    if (b.tag === 'byline') role[i] = 'byline';
    else if (b.tag === 'date') role[i] = 'dateline';
    else if (b.tag === 'meta') role[i] = 'ui';
    else role[i] = b.f.bullet ? 'body' : 'other';
  }
  return draft;
}

function nextBlock(blocks: BlockInfo[], i: number, end: number): number {
  return i + 1 <= end ? i + 1 : -1;
}

/** A run of bullet items that are all share buttons, empty bullets or counters. */
function chromeRun(blocks: BlockInfo[], i: number, end: number): boolean {
  let a = i;
  while (a - 1 >= 0 && blocks[a - 1].f.bullet) a--;
  let z = i;
  while (z + 1 <= end && blocks[z + 1].f.bullet) z++;
  for (let k = a; k <= z; k++) if (!chromeItem(blocks[k]) && !(blocks[k].f.words <= 2 && /^(•\s*)?[A-Z][a-z]+$/.test(blocks[k].text) && socialName(blocks[k].text))) return false;
  return true;
}

function socialName(text: string): boolean {
  return /\b(facebook|twitter|linkedin|whatsapp|email|e-mail|pinterest|reddit|tumblr|telegram|messenger|odnoklassniki|vkontakte|print|copy|sms|flipboard|pocket|mix|xing|line|viber|wechat|weibo|instagram|youtube|tiktok|snapchat)\b/i.test(text);
}

/** A short title line between paragraphs of the same story. */
function isCrosshead(blocks: BlockInfo[], i: number): boolean {
  const b = blocks[i];
  if (b.f.words > 14) return false;
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  const textual = (x?: BlockInfo) => !!x && (x.tag === 'prose' || x.tag === 'sentence');
  return textual(prev) && textual(next);
}
