// The people a page names as its authors: from bios ("Name (@handle) is …"), the name
// line above a bio, and bylines. Each person gets a one-line summary taken from the
// bio and every place the file mentions them.

import { BlockInfo } from './blocks';
import { BYLINE_LEAD } from './patterns';
import { StoryDraft } from './stories';
import { Mention, Person, Role } from './types';

const HANDLE_AFTER_NAME = /^\s*\(\s*@([A-Za-z0-9_]{1,30})\s*\)/;
const NAME = /^([A-Z][\p{L}'’-]+(?:\s+(?:van|von|de|der|da|di|del|la|le|[A-Z][\p{L}'’.-]*)){1,3})/u;

/** The head noun phrase of a bio's first predicate: "a San Francisco-based reporter at
 * Protocol covering fintech. Previously…" -> "San Francisco-based reporter at Protocol
 * covering fintech". Clauses after a comma, and coordinated participle clauses
 * ("digging deep and telling …"), are left to the full bio. */
export function summarize(predicate: string): string {
  let s = predicate.split(/(?<=[a-z0-9)’'])\.\s|\.$/)[0];
  s = s.split(/[,;:(]|\s[—–-]\s/)[0].trim();
  if (/\sand\s/.test(s)) {
    const words = s.split(/\s+/);
    const k = words.findIndex((w, i) => i > 0 && /^[a-z]+ing$/.test(w));
    if (k > 0 && words.slice(k).join(' ').includes(' and ')) s = words.slice(0, k).join(' ');
  }
  return s.replace(/^(a|an)\s+/i, '').trim();
}

interface BioParse {
  name: string;
  handle?: string;
  predicate: string;
}

/** "Veronica Irwin (@vronirwin) is a …", "Bennett Richardson ( @bennettrich) is the …",
 * "Kate Kaye is an award-winning …". */
export function parseBio(text: string, knownName?: string): BioParse | undefined {
  let name = knownName && text.startsWith(knownName) ? knownName : undefined;
  if (!name) {
    const m = NAME.exec(text);
    if (!m) return undefined;
    name = m[1];
  }
  let rest = text.slice(name.length);
  let handle: string | undefined;
  const h = HANDLE_AFTER_NAME.exec(rest);
  if (h) {
    handle = h[1];
    rest = rest.slice(h[0].length);
  }
  const v = /^\s*(is|was|covers|writes|reports)\s+/.exec(rest);
  if (!v) return undefined;
  const predicate = v[1] === 'is' || v[1] === 'was' ? rest.slice(v[0].length) : rest.trim();
  return { name, handle, predicate };
}

const BYLINE_START = new RegExp(`^${BYLINE_LEAD}\\s*:?\\s+(.*)$`, 'i');

/** "By Tess Bonn - 11/19/19 06:56 AM EST" -> ["Tess Bonn"]. */
export function bylineNames(text: string): string[] {
  const m = BYLINE_START.exec(text);
  const body = (m ? m[1] : text).split(/\s[-–—|]\s|\s+at\s+\d|,\s*\d|\s+\d/)[0];
  const out: string[] = [];
  for (const part of body.split(/\s*(?:,|\band\b|&)\s*/)) {
    const n = NAME.exec(part.trim());
    if (n && n[1].split(/\s+/).length >= 2) out.push(n[1]);
  }
  return out;
}

function idOf(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
}

export function readPeople(text: string, blocks: BlockInfo[], role: Role[], story: Int32Array, drafts: StoryDraft[]): Person[] {
  const people = new Map<string, Person>();
  const get = (name: string): Person => {
    const id = idOf(name);
    let p = people.get(id);
    if (!p) {
      p = { id, name, role: 'author', stories: [], mentions: [] };
      people.set(id, p);
    }
    return p;
  };
  for (const b of blocks) {
    const r = role[b.index];
    const s = story[b.index];
    if (r === 'author-bio') {
      const prev = blocks[b.index - 1];
      const known = prev && role[prev.index] === 'author-name' ? prev.text : undefined;
      const bio = parseBio(b.text, known);
      if (!bio) continue;
      const p = get(bio.name);
      p.handle ??= bio.handle;
      p.bio ??= { line: b.line, text: b.text };
      p.summary ??= summarize(bio.predicate) || undefined;
      if (known) p.nameLine ??= prev.line;
      if (s >= 0 && !p.stories.includes(s)) p.stories.push(s);
    } else if (r === 'byline' && s >= 0) {
      const names = b.tag === 'name' ? [b.text] : bylineNames(b.text);
      for (const n of names) {
        const p = get(n);
        if (!p.stories.includes(s)) p.stories.push(s);
      }
    }
  }
  const list = [...people.values()];
  // every name and handle is looked for in one pass over the text, not one per person
  const needles: string[] = [];
  for (const p of list) {
    needles.push(p.name);
    if (p.handle) needles.push('@' + p.handle);
  }
  const found = occurrences(text, needles);
  for (const p of list) p.mentions = findMentions(text, p, blocks, found);
  return list;
}

/** Where each needle (of two or more characters) occurs in the text, overlapping
 * occurrences included, in one pass: candidates are the positions of their first two
 * characters. */
function occurrences(text: string, needles: readonly string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const byHead = new Map<number, string[]>();
  const heads = new Uint8Array(0x10000);
  for (const n of needles) {
    if (n.length < 2 || found.has(n)) continue;
    found.set(n, []);
    const k = n.charCodeAt(0) * 0x10000 + n.charCodeAt(1);
    const list = byHead.get(k);
    if (list) list.push(n);
    else byHead.set(k, [n]);
    heads[n.charCodeAt(0)] = 1;
  }
  if (!found.size) return found;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!heads[c]) continue;
    const list = byHead.get(c * 0x10000 + text.charCodeAt(i + 1));
    if (!list) continue;
    for (const n of list) if (text.startsWith(n, i)) found.get(n)!.push(i);
  }
  return found;
}

function isWordChar(c: string | undefined): boolean {
  return !!c && /[\p{L}\p{N}_]/u.test(c);
}

function findAll(text: string, needle: string, form: Mention['form'], out: Mention[], lineOf: (o: number) => number, from = 0, to = text.length): void {
  if (!needle) return;
  let i = text.indexOf(needle, from);
  while (i >= 0 && i + needle.length <= to) {
    const end = i + needle.length;
    if (!isWordChar(text[i - 1]) && !isWordChar(text[end])) out.push({ line: lineOf(i), span: { start: i, end }, form });
    i = text.indexOf(needle, end);
  }
}

/** findAll over the whole text from the needle's known occurrences: the same
 * left-to-right, non-overlapping matches that indexOf would find. */
function findAllIn(text: string, needle: string, at: readonly number[] | undefined, form: Mention['form'], out: Mention[], lineOf: (o: number) => number): void {
  if (!at) return findAll(text, needle, form, out, lineOf);
  let next = 0;
  for (const i of at) {
    if (i < next) continue;
    const end = i + needle.length;
    if (!isWordChar(text[i - 1]) && !isWordChar(text[end])) out.push({ line: lineOf(i), span: { start: i, end }, form });
    next = end;
  }
}

/** Every place the file names the person: the full name anywhere, the @handle, and the
 * first name inside their own bio ("Prior to joining Protocol, Bennett was …"). */
function findMentions(text: string, p: Person, blocks: BlockInfo[], found: Map<string, number[]>): Mention[] {
  const out: Mention[] = [];
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].lineSpan.start <= o) lo = mid;
      else hi = mid - 1;
    }
    return blocks[lo]?.line ?? 0;
  };
  findAllIn(text, p.name, found.get(p.name), 'name', out, lineOf);
  if (p.handle) findAllIn(text, '@' + p.handle, found.get('@' + p.handle), 'handle', out, lineOf);
  if (p.bio) {
    const b = blocks.find((x) => x.line === p.bio!.line);
    const first = p.name.split(/\s+/)[0];
    if (b) {
      const inBio: Mention[] = [];
      findAll(text, first, 'short', inBio, lineOf, b.span.start, b.span.end);
      for (const m of inBio) if (!out.some((o) => o.span.start <= m.span.start && m.span.end <= o.span.end)) out.push(m);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
