// The people a page names as its authors: from bios ("Name (@handle) is …"), the name
// line above a bio, and bylines. Each person gets a one-line summary taken from the
// bio and every place the file mentions them.

import { BlockInfo } from './blocks';
import { BYLINE_LEAD, isJsSpace } from './patterns';
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
  // a bio says what the person is ("is a reporter", "was the editor", "is Protocol's
  // senior reporter", "is currently …"),
  // not how a place was ("Marronnier Park was already packed")
  if ((v[1] === 'is' || v[1] === 'was') && !BIO_PREDICATE.test(predicate) && !BIO_OUTLET.test(predicate) && !ROLE_NOUNS.has(predicate.split(/[\s,]/, 1)[0].toLowerCase())) return undefined;
  return { name, handle, predicate };
}

const BIO_PREDICATE = /^(?:a|an|the|one|our|his|her|their|currently|now|also|formerly|previously|based|originally|senior|chief|deputy|managing|executive|associate|assistant|staff|contributing)\b/i;
const BIO_OUTLET = /^\p{Lu}[\p{L}\p{N}.&-]*['’]s\s/u;

const BYLINE_START = new RegExp(`^${BYLINE_LEAD}\\s*:?\\s+(.*)$`, 'i');

/** "By Tess Bonn - 11/19/19 06:56 AM EST" -> ["Tess Bonn"]. */
export function bylineNames(text: string): string[] {
  const m = BYLINE_START.exec(text);
  const body = (m ? m[1] : text).split(/\s[-–—|]\s|\s+at\s+\d|,\s*\d|\s+\d/)[0];
  const out: string[] = [];
  for (const part of body.split(/\s*(?:,|\band\b|&)\s*/)) {
    // "Chris Cillizza, CNN Editor-at-large": the part naming a role is the author's title
    if (part.split(/[\s-]+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()))) continue;
    // "Jonathan GarberFOXBusiness": the outlet glued to the name
    const n = NAME.exec(part.trim().replace(GLUED_OUTLET, ''));
    if (n && n[1].split(/\s+/).length >= 2) out.push(n[1]);
  }
  return out;
}

function idOf(name: string): string {
  return name.toLowerCase().replace(NOT_LETTERS, '-');
}

export function readPeople(text: string, blocks: BlockInfo[], role: Role[], story: Int32Array, _drafts: StoryDraft[], lineStarts: readonly number[], scan?: Scan): Person[] {
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
  // everyone else the page names, and every mention of each, authors included
  return namedPeople(text, lineStarts, [...people.values()], scan);
}

/** A word's characters as written, hashed (30 bits: a small integer as a map's key): the
 * needles are kept by their first word's. */
function wordHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/** The length of a name's first word as the scan reads words: letters and digits, with
 * apostrophes and hyphens between letters, up to a possessive. */
function firstWordLength(name: string): number {
  let j = 1;
  let seg = 0;
  let hasLower = false;
  const upper = (name.charCodeAt(0) < 128 ? CLASS[name.charCodeAt(0)] : charClass(name.charCodeAt(0))) === 2;
  while (j < name.length) {
    const c = name.charCodeAt(j);
    const k = c < 128 ? CLASS[c] : charClass(c);
    if (k <= 4) {
      // the scan's break between glued words ("GarberFOXBusiness")
      if (k === 2 && hasLower && upper && j - seg >= 4) break;
      if (k === 1) hasLower = true;
      j++;
      continue;
    }
    if ((isApostrophe(c) || c === 45) && j + 1 < name.length) {
      const e = name.charCodeAt(j + 1);
      const ke = e < 128 ? CLASS[e] : charClass(e);
      if (ke > 3) break;
      if (isApostrophe(c) && (e === 115 || e === 83)) {
        const f = j + 2 < name.length ? name.charCodeAt(j + 2) : 32;
        if ((f < 128 ? CLASS[f] : charClass(f)) > 3) break;
      }
      j += 2;
      seg = j - 1;
      continue;
    }
    break;
  }
  return j;
}

interface NeedleInfo {
  owner: number;
  form: Mention['form'];
}

/** The mentions of the needles, in the order of the text, the longest form at each place
 * ("Eli Friedman", not "Friedman" in it), each a whole word. A name starts a word of the
 * scan, so only the scanned words' starts are tried, by the hash of the whole word (a bit
 * table that most words fail, then the few needles that open with that word, longest
 * first); a needle that starts otherwise (a handle, "@vronirwin") is searched for
 * directly and merged in. */
interface Spans {
  start: Int32Array;
  end: Int32Array;
  info: NeedleInfo[];
  n: number;
}

const HEAD_BITS = 1 << 17;

function mentionSpans(text: string, words: Words, needles: Map<string, NeedleInfo>): Spans {
  const byWord = new Map<number, string[]>();
  const heads = new Uint8Array(HEAD_BITS >>> 3);
  const direct: { at: number; needle: string }[] = [];
  for (const n of needles.keys()) {
    if (n.length < 2) continue;
    const c0 = n.charCodeAt(0);
    const k = classOf(c0);
    if (k === 2 || k === 3) {
      const length = firstWordLength(n);
      const key = wordHash(n, 0, length);
      const list = byWord.get(key);
      if (list) list.push(n);
      else byWord.set(key, [n]);
      heads[(key & (HEAD_BITS - 1)) >>> 3] |= 1 << (key & 7);
    } else {
      for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) direct.push({ at: i, needle: n });
    }
  }
  direct.sort((a, b) => a.at - b.at || b.needle.length - a.needle.length);
  // (two needles of one length cannot both match at one place: the first match is the longest)
  for (const list of byWord.values()) list.sort((a, b) => b.length - a.length);
  let cap = 256;
  let out: Spans = { start: new Int32Array(cap), end: new Int32Array(cap), info: [], n: 0 };
  const add = (start: number, end: number, info: NeedleInfo) => {
    if (out.n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(out.start);
      const e2 = new Int32Array(cap);
      e2.set(out.end);
      out = { start: s2, end: e2, info: out.info, n: out.n };
    }
    out.start[out.n] = start;
    out.end[out.n] = end;
    out.info[out.n] = info;
    out.n++;
  };
  // a name glued to its label by an underscore ("Director_Oh Kyeong Taek") starts a word
  const whole = (at: number, end: number) => (!isWordChar(text[at - 1]) || underscoreLabel(text, at)) && !isWordChar(text[end]);
  let d = 0;
  for (let k = 0; k < words.n; k++) {
    const i = words.start[k];
    let best: string | undefined;
    const key = words.hash[k]; // wordHash(text, words.start[k], words.end[k]), read by the scan
    if (heads[(key & (HEAD_BITS - 1)) >>> 3] & (1 << (key & 7))) {
      const list = byWord.get(key);
      if (list) {
        for (const n of list) {
          if (text.startsWith(n, i) && whole(i, i + n.length)) {
            best = n;
            break;
          }
        }
      }
    }
    // the needles found directly, up to here
    while (d < direct.length && direct[d].at <= i) {
      const x = direct[d++];
      if (x.at === i && best && best.length >= x.needle.length) continue;
      if (whole(x.at, x.at + x.needle.length)) add(x.at, x.at + x.needle.length, needles.get(x.needle)!);
    }
    if (best) add(i, i + best.length, needles.get(best)!);
  }
  for (; d < direct.length; d++) {
    const x = direct[d];
    if (whole(x.at, x.at + x.needle.length)) add(x.at, x.at + x.needle.length, needles.get(x.needle)!);
  }
  return out;
}

/** "Director_Oh Kyeong Taek": a capitalised word right after an underscore that follows
 * a letter (a credits list's "Label_Name" layout). */
function underscoreLabel(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 95 || classOf(text.charCodeAt(at)) !== 2) return false;
  const k = classOf(text.charCodeAt(at - 2));
  return k === 1 || k === 2;
}

function isWordChar(c: string | undefined): boolean {
  if (!c) return false;
  const k = classOf(c.charCodeAt(0));
  return k <= 4 || c === '_' || (c.charCodeAt(0) > 127 && OTHER_DIGIT.test(c));
}

// ====================================================================== everyone the page names
//
// Beyond its authors, a page names the people it quotes and talks about, the people who
// took its photos, and the people its teasers and menus mention. They are read in one
// pass over the text: the words are scanned once (no expression runs over the whole
// text), and each run of capitalised words ("Magistrate Judge Zia Faruqui") is weighed
// by its form and the few words around it, the way English news copy introduces people:
//
// - a title before the name ("Gov. Eric Holcomb", "CEO Adam Selipsky"), a role noun
//   before it ("singer Ally Brooke", "his wife, Kimberly,"), "by" before it;
// - a speech verb on either side ("said Eli Friedman", "Friedman told Protocol",
//   "according to X"), an appositive after it (", a sociologist at …", ", 55,", "(D-Minn.)");
// - a photo credit around it ("Photo: Yan Cong/Bloomberg", "(AP Photo/Matt Rourke)");
// - a common given name first ("Tom Davies"), from a general list (givenNames.ts), with a
//   last word that reads as a surname: capitalised, not the head word of an
//   organisation, place or work ("Tableau Software", "Supreme People's Court"), and not a
//   word the page also writes in lower case ("Will" and "will").
//
// A phrase in quotation marks on its own is the title of a work ("Dr. Strangelove"). A
// later surname ("Friedman said"), first name or nickname is a mention of the person
// introduced, never a new person.

import { GIVEN_NAMES, TWO_LETTER_GIVEN_NAMES } from './givenNames';

/** A given name as written (capitalised): three letters or more from the list, or one of
 * the few common two-letter names ("Ed Park", not "Al Jazeera" or "Ag Secretary"). */
function isGivenName(word: string): boolean {
  return word.length >= 3 ? GIVEN_NAMES.has(word) : TWO_LETTER_GIVEN_NAMES.has(word);
}
import { CALENDAR, HEADING_NOUNS, LEADING_NON_NAMES, NOUN_ENDING, ORG_WORDS, PARTICLES, PLACES, ROLE_NOUNS, SPEECH_VERBS, SUFFIXES, TITLES } from './nameWords';
import { ENGLISH_STOPWORDS } from './stopwords';
import { lineAt } from './lines';
import { CLASS, charClass, classOf, DOT, fnvLower, isApostrophe, Kind, lowerCode, POSSESSIVE, Scan, scanWords, seenHash, seenLower, Words } from './words';

const PLURAL = /[^su']s$/;
/** Kin, whom only a person has: "Gronk's SI girlfriend", "Arnold's love child". */
const KIN = new Set(['wife', 'husband', 'girlfriend', 'boyfriend', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'widow', 'widower', 'son', 'sons', 'daughter', 'daughters', 'child', 'children', 'kids', 'baby', 'mother', 'father', 'mom', 'dad', 'mum', 'sister', 'brother', 'ex-wife', 'ex-husband', 'grandson', 'granddaughter', 'stepson', 'stepdaughter']);

/** A possessive, then kin within three words: "Arnold's love child". */
function kinAfter(text: string, w: Words, i: number): boolean {
  if (!(w.flags[i] & POSSESSIVE)) return false;
  // the three words after "'s ", read by character: only a lower-case word is sliced
  let j = w.end[i] + 2;
  for (let n = 0; n < 3; n++) {
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const a = j;
    let lower = true;
    while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) {
      if (classOf(text.charCodeAt(j)) !== 1 && text.charCodeAt(j) !== 45) lower = false;
      j++;
    }
    if (j === a) return false;
    if (lower && j - a >= 3 && j - a <= 13 && KIN.has(text.slice(a, j))) return true;
  }
  return false;
}

/** A speech verb right after `at` (past a comma): "… Rishi Sunak announces". */
function speechAfter(text: string, at: number): boolean {
  return speechVerbAfter(text, at, Math.min(text.length, at + 24));
}

/** The words that end a credit before a name: "Photo by", "Image". */
const CREDIT_WORDS = new Set(['photo', 'photos', 'photograph', 'image', 'images', 'illustration', 'credit', 'credits', 'picture', 'by']);
/** Honorifics that ships and buildings are named with too. */
const HONORIFICS = new Set(['sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess']);
/** Adjectives that open the names of institutions and countries, never a person's. */
const ORG_LEADS = new Set(['national', 'international', 'federal', 'royal', 'united', 'global', 'imperial', 'municipal', 'continental']);
/** Titles that do not name a person by a single word after them: "CEO Interviews". */
const CORPORATE_TITLES = new Set(['ceo', 'cfo', 'coo', 'cto', 'cio', 'founder', 'co-founder', 'cofounder', 'director', 'chairman', 'chairwoman', 'chair', 'chief', 'officer', 'agent', 'coach', 'deputy', 'principal', 'dean', 'administrator', 'supervisor', 'counsel', 'private', 'general', 'speaker', 'minister', 'secretary', 'attorney']);
/** Pronouns, which no name ends in: "Photos Guided Us". */
const POSSESSIVE_PRONOUNS = new Set(['my', 'our', 'your', 'his', 'her', 'their']);
const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them', 'our', 'your', 'their', 'its', 'my']);

// ---------------------------------------------------------------- what the lists say of a word
//
// A run's words are looked up in a dozen lists, and most words in several runs' worth of
// checks: each word of the scan is read once, by character (no string for most words),
// and what the lists say of it is kept as bits.

const enum Fact {
  Lead = 1 << 0, // LEADING_NON_NAMES
  Calendar = 1 << 1,
  Place = 1 << 2,
  Title = 1 << 3,
  Role = 1 << 4, // ROLE_NOUNS
  Org = 1 << 5, // ORG_WORDS
  Heading = 1 << 6, // HEADING_NOUNS
  Stop = 1 << 7, // ENGLISH_STOPWORDS
  Suffix = 1 << 8,
  OrgLead = 1 << 9,
  Honorific = 1 << 10,
  PossessivePronoun = 1 << 11,
  Pronoun = 1 << 12,
  Particle = 1 << 13,
  New = 1 << 14, // "new"
  I = 1 << 15, // "i"
  /** The lower case of a name isGivenName takes. */
  Given = 1 << 16,
  Speech = 1 << 17, // SPEECH_VERBS
  CreditWord = 1 << 18, // CREDIT_WORDS
  // of the word as the page writes it:
  /** The page writes the word in lower case too (seenLower). */
  Seen = 1 << 20,
  /** isGivenName(recase(word)). */
  GivenAsWritten = 1 << 21,
  Known = 1 << 30,
}

/** The lists' bits by lower-case word. */
const LEXICON = new Map<string, number>();
{
  const add = (words: Iterable<string>, fact: Fact) => {
    for (const x of words) LEXICON.set(x, (LEXICON.get(x) ?? 0) | fact);
  };
  add(LEADING_NON_NAMES, Fact.Lead);
  add(CALENDAR, Fact.Calendar);
  add(PLACES, Fact.Place);
  add(TITLES, Fact.Title);
  add(ROLE_NOUNS, Fact.Role);
  add(ORG_WORDS, Fact.Org);
  add(HEADING_NOUNS, Fact.Heading);
  add(ENGLISH_STOPWORDS, Fact.Stop);
  add(SUFFIXES, Fact.Suffix);
  add(ORG_LEADS, Fact.OrgLead);
  add(HONORIFICS, Fact.Honorific);
  add(POSSESSIVE_PRONOUNS, Fact.PossessivePronoun);
  add(PRONOUNS, Fact.Pronoun);
  add(PARTICLES, Fact.Particle);
  add(['new'], Fact.New);
  add(['i'], Fact.I);
  add(SPEECH_VERBS, Fact.Speech);
  add(CREDIT_WORDS, Fact.CreditWord);
  add([...GIVEN_NAMES, ...TWO_LETTER_GIVEN_NAMES].filter(isGivenName).map((x) => x.toLowerCase()), Fact.Given);
}
// the same, as an open-addressed table by the hash of the lower case (fnvLower's), read
// against the text's characters
const LEX_KEYS = [...LEXICON.keys()];
const LEX_BITS = Int32Array.from(LEX_KEYS, (k) => LEXICON.get(k)!);
const LEX_HASHES = Int32Array.from(LEX_KEYS, (k) => fnvLower(k, 0, k.length) | 0);
const LEX_MASK = (1 << Math.ceil(Math.log2(LEX_KEYS.length * 3))) - 1;
const LEX_SLOTS = new Int32Array(LEX_MASK + 1);
LEX_KEYS.forEach((_, e) => {
  let slot = LEX_HASHES[e] & LEX_MASK;
  while (LEX_SLOTS[slot]) slot = (slot + 1) & LEX_MASK;
  LEX_SLOTS[slot] = e + 1;
});

/** fnvLower of text a..b, or -1 if a character's lower case cannot be read one by one as
 * the string's toLowerCase() reads it: below U+0130 ('İ') each character has one lower
 * case of one unit, whatever its neighbours. */
function lowerHash(text: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let k = a; k < b; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c > 127) {
      if (c >= 0x130) return -1;
      c = lowerCode(c);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** The lists' bits of text a..b in lower case, by its lowerHash `h`. */
function lexiconAt(text: string, a: number, b: number, h: number): number {
  for (let slot = h & LEX_MASK; ; slot = (slot + 1) & LEX_MASK) {
    const e = LEX_SLOTS[slot] - 1;
    if (e < 0) return 0;
    if (LEX_HASHES[e] === (h | 0) && lowerIs(text, a, b, LEX_KEYS[e])) return LEX_BITS[e];
  }
}

function lowerIs(text: string, a: number, b: number, key: string): boolean {
  if (key.length !== b - a) return false;
  for (let k = 0; k < key.length; k++) {
    let c = text.charCodeAt(a + k);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c > 127) c = lowerCode(c);
    if (c !== key.charCodeAt(k)) return false;
  }
  return true;
}

/** The lists' bits of each word of the scan, and how the page writes it, read when first asked. */
class Facts {
  private readonly bits: Int32Array;
  constructor(readonly text: string, readonly scan: Scan) {
    this.bits = new Int32Array(scan.words.n);
  }
  of(i: number): number {
    const b = this.bits[i];
    return b !== 0 ? b : (this.bits[i] = this.read(i));
  }
  has(i: number, fact: number): boolean {
    return (this.of(i) & fact) !== 0;
  }
  private read(i: number): number {
    const { text, scan } = this;
    const a = scan.words.start[i];
    const b = scan.words.end[i];
    const h = lowerHash(text, a, b);
    let bits: number;
    if (h >= 0) {
      bits = lexiconAt(text, a, b, h);
      if (seenHash(scan, h)) bits |= Fact.Seen;
      if (bits & Fact.Given && givenCase(text, a, b)) bits |= Fact.GivenAsWritten;
    } else {
      const word = text.slice(a, b);
      const lw = word.toLowerCase();
      bits = LEXICON.get(lw) ?? 0;
      if (seenLower(scan, lw)) bits |= Fact.Seen;
      if (isGivenName(recase(word))) bits |= Fact.GivenAsWritten;
    }
    return bits | Fact.Known;
  }
}

/** Is a word of ASCII letters whose lower case is a given name's that name as recase()
 * writes it: "John", or "JOHN" (not "JOhn", "john")? (The list's names are all "Xxxx".) */
function givenCase(text: string, a: number, b: number): boolean {
  const c = text.charCodeAt(a);
  if (c < 65 || c > 90) return false;
  let upper = 0;
  for (let k = a + 1; k < b; k++) if (text.charCodeAt(k) <= 90) upper++;
  return upper === 0 || upper === b - a - 1;
}
// ---------------------------------------------------------------- weighing a run

interface Candidate {
  /** First and last word (indexes into Words) of the name. */
  first: number;
  last: number;
  name: string;
  key: string;
  cue: Cue;
  given: boolean;
  title?: string;
  start: number;
  end: number;
  line: number;
  /** A person by its own evidence. */
  accepted: boolean;
  /** A person only if named so elsewhere too (a capitalised pair in a headline). */
  weak: boolean;
  /** A headline's title, given name and the word after it: "Prince Andrew Partying …". */
  headlinePair?: boolean;
}

const enum Cue {
  None = 0,
  Line = 1, // the name is the whole line
  Appositive = 2,
  Speech = 3,
  By = 4,
  Role = 5,
  Title = 6,
  Credit = 7,
}

const CREDIT_BEFORE = /(?:(?:^|[\s(\[])(?:[Pp]hotos?|[Pp]hotograph|[Ii]mages?|[Ii]llustration|[Cc]redits?|[Pp]icture)\s*(?:by)?\s*[:|]?\s*|©\s*|\b(?:Photo|PHOTO|REUTERS|Reuters|AFP|EPA|AP|Getty Images|Pool)\s*\/\s*)$/;
const AGENCY = /\b(?:Getty|Images|AP|Reuters|REUTERS|AFP|Bloomberg|Photo|Press|Shutterstock|EPA|Pool|Axios)\b/;
const AFTER_CREDIT = /^\s*(?:\/\s*(?:[A-Z][\w.&'’-]*\s?){1,4}|\|\s*[A-Z][^|]{0,40}\|\s*Getty)/;

// The words around a name are read by character, backwards from the name and forwards
// from its end, within a few dozen characters of its line: no expression runs on a
// slice ending at the name (a `…$` pattern retries at every position of its input).

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}
const COMMA = ',';
const ROLE_SEPARATORS = ',_:';
const ROLE_OPENERS = '(_';
const SPEECH_OPENERS = ',"“”\'‘’';

/** Where the word that ends right before `at` is (after spaces and at most one of
 * `separators` between spaces), opened by a space, one of `openers` or `lo`: lower-case
 * letters only, or (with `anyLetter`) letters of any case and hyphens. Into SPAN
 * [start, end]: whether there is one. */
const SPAN = new Int32Array(2);
function spanBefore(text: string, at: number, lo: number, separators: string, openers: string, anyLetter: boolean): boolean {
  let j = at;
  while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  if (j > lo && charIn(separators, text.charCodeAt(j - 1))) {
    j--;
    while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  }
  const end = j;
  while (j > lo) {
    const c = text.charCodeAt(j - 1);
    const k = c < 128 ? CLASS[c] : charClass(c);
    if (k === 1 || (anyLetter && (k === 2 || k === 3 || c === 45))) j--;
    else break;
  }
  if (j === end) return false;
  if (j > lo && !isSpace(text.charCodeAt(j - 1)) && !charIn(openers, text.charCodeAt(j - 1))) return false;
  SPAN[0] = j;
  SPAN[1] = end;
  return true;
}

/** `chars.includes(text[i])` for the code unit `c` at i: no string per test. */
function charIn(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** The lower-case word after `at`, past spaces and at most one comma: "said" in ", said". */
function wordAfter(text: string, at: number, hi: number): string | undefined {
  return spanAfter(text, at, hi) ? text.slice(SPAN[0], SPAN[1]) : undefined;
}

/** Where wordAfter's word is, into SPAN: whether there is one. */
function spanAfter(text: string, at: number, hi: number): boolean {
  let j = at;
  while (j < hi && isSpace(text.charCodeAt(j))) j++;
  if (j < hi && text.charCodeAt(j) === 44) j++;
  while (j < hi && isSpace(text.charCodeAt(j))) j++;
  const start = j;
  while (j < hi) {
    const c = text.charCodeAt(j);
    if ((c < 128 ? CLASS[c] : charClass(c)) === 1) j++;
    else break;
  }
  if (j === start) return false;
  // a word boundary (in the ASCII sense of \b) must follow
  const c = j < text.length ? text.charCodeAt(j) : 32;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return false;
  SPAN[0] = start;
  SPAN[1] = j;
  return true;
}

// The words around a name are looked up in the lists by their place in the text, as the
// scan's words are (Facts): no string per look-up.

/** Is the word in lower-case letters text a..b (as spanBefore and spanAfter read one) a
 * speech verb? (Its letters below U+0130 are their own lower case in ASCII, and no other
 * letter there has an ASCII lower case: the lexicon's match is the list's.) */
function speechVerbAt(text: string, a: number, b: number): boolean {
  const h = lowerHash(text, a, b);
  return h < 0 ? SPEECH_VERBS.has(text.slice(a, b)) : (lexiconAt(text, a, b, h) & Fact.Speech) !== 0;
}

/** The word spanBefore(…, COMMA, SPEECH_OPENERS, false) finds is a speech verb: "said" in "said Eli Friedman". */
function speechVerbBefore(text: string, at: number, lo: number): boolean {
  return spanBefore(text, at, lo, COMMA, SPEECH_OPENERS, false) && speechVerbAt(text, SPAN[0], SPAN[1]);
}

/** wordAfter is a speech verb: "told" in "Friedman told Protocol". */
function speechVerbAfter(text: string, at: number, hi: number): boolean {
  return spanAfter(text, at, hi) && speechVerbAt(text, SPAN[0], SPAN[1]);
}

function isRoleNoun(word: string): boolean {
  const lw = word.toLowerCase();
  return ROLE_NOUNS.has(lw) || (lw.endsWith('s') && ROLE_NOUNS.has(lw.slice(0, -1)));
}

/** Is text a..b written in lower case, and a role noun (isRoleNoun)? */
function lowerRoleNounAt(text: string, a: number, b: number): boolean {
  const h = lowerHash(text, a, b);
  if (h < 0) {
    const role = text.slice(a, b);
    return role === role.toLowerCase() && isRoleNoun(role);
  }
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c < 128 ? c >= 65 && c <= 90 : lowerCode(c) !== c) return false;
  }
  if (lexiconAt(text, a, b, h) & Fact.Role) return true;
  return text.charCodeAt(b - 1) === 115 && (lexiconAt(text, a, b - 1, lowerHash(text, a, b - 1)) & Fact.Role) !== 0;
}

/** Role nouns that are verbs too, and "to host" right before the name: a verb. */
const ROLE_VERBS = new Set(['host', 'judge', 'coach', 'star', 'partner', 'author', 'pilot', 'captain', 'counsel', 'anchor']);
const TO_VERB = /(?:^|\s)to\s+[\p{Ll}-]+\s*$/u;
const AUXILIARIES = new Set(['has', 'had', 'was', 'is', 'were', 'are', 'would', 'will', 'could', 'should', 'did', 'does', 'may', 'might', 'must', 'can']);

/** A verb right after the name (one space, no comma): "cooked", "has", "would". */
function clauseVerbAfter(text: string, at: number, hi: number): boolean {
  if (text.charCodeAt(at) !== 32) return false;
  const v = wordAfter(text, at, hi);
  return !!v && ((v.length > 4 && v.endsWith('ed')) || AUXILIARIES.has(v));
}

/** "by", "By:", "BY" right before the name. */
function isBy(text: string, at: number, lo: number): boolean {
  let j = at;
  while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  if (j > lo && text.charCodeAt(j - 1) === 58) j--;
  if (j - 2 < lo) return false;
  const w = text.slice(j - 2, j);
  if (w !== 'by' && w !== 'By' && w !== 'BY') return false;
  if (j - 2 === lo) return true;
  const c = text[j - 3];
  return isSpace(text.charCodeAt(j - 3)) || '([|/,\'"“”‘’'.includes(c);
}

function accordingTo(text: string, at: number, lo: number): boolean {
  let j = at;
  while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  if (j - 12 < lo || !text.startsWith('according to', j - 12)) return false;
  const c = text.charCodeAt(j - 13);
  return j - 12 === lo || !(c < 128 && CLASS[c] <= 4 && CLASS[c] > 0) && c !== 95;
}

/** What a credit before a name must end with (": ", "/", "©", "Photo by") before
 * CREDIT_BEFORE looks. */
function mayBeCreditBefore(text: string, at: number, lo: number): boolean {
  let j = at;
  while (j > lo && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === lo) return false;
  const c = text.charCodeAt(j - 1);
  if (c === 58 || c === 124 || c === 47 || c === 0xa9) return true;
  if (!spanBefore(text, j, lo, '', '', true)) return false;
  const h = lowerHash(text, SPAN[0], SPAN[1]);
  return h < 0 ? CREDIT_WORDS.has(text.slice(SPAN[0], SPAN[1]).toLowerCase()) : (lexiconAt(text, SPAN[0], SPAN[1], h) & Fact.CreditWord) !== 0;
}

const AFTER_AGE = /^,\s*\d{1,3}\s*,/;
/** A caption's place for the person in the picture: ", center,", " (centre), 23,". */
const AFTER_PLACE_IN_PHOTO = /^(?:,\s*|\s*\()(?:left|right|center|centre|second from (?:left|right)|front|rear|foreground|background)\s*[,)]/;
const CREDIT_IN_PARENS = /^,\s*(?:Pool\s+via\s+)?(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Pool|Bloomberg)(?:\s+Photo)?\)/;
const AFTER_APPOSITIVE = /^,\s+(?:a|an|the|who|whose)\s+/;
const AFTER_PARTY = /^\s*\((?:[DRI]|Dem|Rep|Ind)-[A-Z]|^\s*\(\s*@\w/;
const AFTER_IS = /^\s+(?:is|was)\s+(?:a|an|the)\s/;

/** The first character of `after` past the \s from `from` on, and where it is (into
 * FIRST): each pattern after a name needs a few characters there, and is run only then. */
const FIRST = new Int32Array(2);
function firstPastWhite(after: string, from: number): number {
  let p = from;
  while (p < after.length && isJsSpace(after.charCodeAt(p))) p++;
  FIRST[0] = p;
  return (FIRST[1] = p < after.length ? after.charCodeAt(p) : -1);
}

/** An appositive after the name's comma (`after` opens with it): ", 55,", ", a …",
 * ", center,", ", Carlineo’s attorney,". */
function appositiveAfterComma(after: string): boolean {
  const q = firstPastWhite(after, 1);
  // a digit; a, t or w past a space; l, r, c, s, f or b (left, right, center, second, front, background)
  if (q >= 48 && q <= 57 && AFTER_AGE.test(after)) return true;
  if (FIRST[0] > 1 && (q === 97 || q === 116 || q === 119) && AFTER_APPOSITIVE.test(after)) return true;
  if ((q === 108 || q === 114 || q === 99 || q === 115 || q === 102 || q === 98) && AFTER_PLACE_IN_PHOTO.test(after)) return true;
  return roleAppositive(after);
}

/** AFTER_CREDIT, which needs a slash or a bar past the spaces: " / AP", " | Getty". */
function creditAfter(after: string): boolean {
  const q = firstPastWhite(after, 0);
  return (q === 47 || q === 124) && AFTER_CREDIT.test(after);
}

/** An appositive after spaces or a parenthesis: " (D-Minn.)", " is a …", " (left)". */
function appositiveAfterSpace(after: string): boolean {
  const q = firstPastWhite(after, 0);
  // "(" for a party, a handle or a place in the picture; "is" or "was" past a space
  if (q === 40) return AFTER_PARTY.test(after) || AFTER_PLACE_IN_PHOTO.test(after);
  return FIRST[0] > 0 && (q === 105 || q === 119) && AFTER_IS.test(after);
}

/** A month or a day, but a short form ("Jun", "Sun", "May") only with a full stop or a
 * number after it: "Lee Ho Jun" and "Sun Yang" are names, "Jun. 5" and "May 2" dates. */
function calendarWord(text: string, facts: Facts, i: number): boolean {
  if (!facts.has(i, Fact.Calendar)) return false;
  const w = facts.scan.words;
  if (w.end[i] - w.start[i] > 3 || w.flags[i] & DOT) return true;
  let j = w.end[i];
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return c >= 48 && c <= 57;
}

/** Titles that never head the name of a thing ("King Begins", "Lady Sings", "MX Keys"
 * are not people): a surname in -s after them is a surname. */
const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'mister', 'dr', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'president', 'judge', 'ag', 'mayor', 'sheriff', 'pope', 'rev', 'reverend']);

/** The last word of a title, lower case, without its full stop: "gov" of "Gov.". */
function titleWordOf(title: string | undefined): string {
  return title ? title.split(/\s+/).pop()!.replace(/\.$/, '').toLowerCase() : '';
}

/** A weekday's name written out, capitalised. */
const DAYS = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;
/** An agent noun ("negotiator", "trainer", "specialist"): the name before it is a
 * modifier ("chief Brexit negotiator"), not a person. */
const AGENT_NOUN = /^\p{Ll}{3,}(?:or|er|ist)s?$/u;

function recase(word: string): string {
  if (word.length < 2 || word !== word.toUpperCase()) return word;
  const r = word[0] + word.slice(1).toLowerCase();
  // "CABALLERO-REYNOLDS" -> "Caballero-Reynolds"
  return r.includes('-') ? r.replace(HYPHEN_LOWER, (_, c: string) => '-' + c.toUpperCase()) : r;
}

function wordAt(text: string, w: Words, i: number): string {
  return text.slice(w.start[i], w.end[i]);
}

/** Reads the candidates of one run: the name (or names, in a long title-case run) it
 * holds, each with the strongest cue around it. */
function weighRun(text: string, facts: Facts, first: number, last: number, out: Candidate[]): void {
  const scan = facts.scan;
  const w = scan.words;
  let allCaps = last > first;
  for (let i = first; i <= last && allCaps; i++) if (w.kind[i] === Kind.Cap) allCaps = false;
  // words that open a sentence or a phrase, not a name
  let a = first;
  while (a <= last && facts.has(a, Fact.Lead | Fact.Calendar)) a++;
  // "New York Landscape", "New Jersey Devils": the place's second word is no given name
  if (a > first && a <= last && facts.has(a - 1, Fact.New) && facts.has(a, Fact.Place)) a++;
  if (a > last) return;
  const titled = scan.titled[w.line[first]] === 1;
  // a title: the last title word (or, in a title-case line, capitalised role noun) with a name after it
  let t = -1;
  for (let i = a; i < last; i++) {
    if ((facts.has(i, Fact.Title) && (w.kind[i] !== Kind.AllCaps || allCaps || w.end[i] - w.start[i] <= 4)) || (titled && facts.has(i, Fact.Role))) t = i;
    else if (t >= 0 && i > t) break;
  }
  let title: string | undefined;
  // a title proper ("Gov.", "Prince") names a person by one word after it; a role noun
  // written capitalised in a headline ("Member", "Friend") only after a possessive
  // ("Our Friend Bassel")
  let strongTitle = true;
  let s = a;
  if (t >= 0) {
    const from = Math.max(a, t - 2);
    title = text.slice(w.start[from], w.end[t] + (w.flags[t] & DOT ? 1 : 0));
    if (allCaps) title = title.split(' ').map(recase).join(' ');
    s = t + 1;
    if (!facts.has(t, Fact.Title)) strongTitle = t > first && facts.has(t - 1, Fact.PossessivePronoun);
    // a ship's prefix before an honorific: "RRS Sir David Attenborough", "HMS Queen Elizabeth"
    if (t > first && !allCaps && w.kind[t - 1] === Kind.AllCaps && facts.has(t, Fact.Honorific) && !facts.has(t - 1, Fact.Title)) return;
  }
  // a plural before the name describes the people named: "U.S. Citizens Zakaria
  // Alarayshi", "Democrats Nancy Pelosi and …"
  if (t < 0 && !allCaps) {
    let j = s;
    while (j < last && w.kind[j] === Kind.Initial) j++;
    if (j + 2 <= last && w.kind[j] === Kind.Cap && text.charCodeAt(w.end[j] - 1) === 115 && w.end[j] - w.start[j] > 4 && PLURAL.test(wordAt(text, w, j).toLowerCase()) && !givenAt(facts, j, allCaps) && !facts.has(j + 1, Fact.Lead | Fact.Stop)) s = j + 1;
  }
  let total = 0;
  for (let i = s; i <= last; i++) if (nameAt(w, i, allCaps)) total++;
  if (total === 0) return;
  const short = total <= 4 && !allCaps && !(titled && total > 3);
  if (t >= 0 && (allCaps || (titled && total > 1))) {
    // in a headline, a title vouches for the one word after it, or two: a given name and
    // a surname, or after a role noun ("Girlfriend Shibani Dandekar Sets …") a word the
    // page never writes in lower case
    const two = s < last && (givenAt(facts, s, allCaps) || (!strongTitle && w.kind[s + 1] === Kind.Cap && !facts.has(s + 1, Fact.Seen)));
    const n = out.length;
    consider(text, facts, s, two ? s + 1 : s, first, last, title, allCaps, titled, out, strongTitle);
    if (two && out.length > n) out[n].headlinePair = true;
  } else if (short && consider(text, facts, s, last, first, last, title, allCaps, titled, out, strongTitle)) return;
  else if (short && t < 0) {
    // "Tom Davies Associated Press", "Cherie McCluney August 17": the name before the rest
    let e = last;
    // (a surname after initials stays, though a common word: "J.R. Stone Image")
    while (e > s && (facts.has(e, Fact.Org | Fact.Place | Fact.Heading) || calendarWord(text, facts, e) || w.kind[e] === Kind.AllCaps || (facts.has(e, Fact.Seen) && !(w.kind[e - 1] === Kind.Initial && w.kind[e] === Kind.Cap)))) e--;
    if (e < last && e > s && consider(text, facts, s, e, first, last, undefined, allCaps, titled, out)) return;
    // "… Chancellor of the Exchequer Rishi Sunak announces …": a descriptor's last word
    // before a name that a speech verb, a byline or a credit vouches for
    if (!titled && last - s >= 2 && speechAfter(text, w.end[last]) && !facts.has(s, Fact.Org) && !facts.has(s + 1, Fact.Place) && consider(text, facts, s + 1, last, first, last, undefined, allCaps, titled, out, true, Cue.Speech)) return;
  }
  // the names that open with a given name: "Tom Hanks" in "… Tom Hanks Discovers …"
  for (let i = t >= 0 ? s + 1 : s; i < last; i++) {
    if (!givenAt(facts, i, allCaps)) continue;
    let e = i + 1;
    while (e < last && (w.kind[e] === Kind.Particle || w.kind[e] === Kind.Initial || facts.has(e, Fact.Particle))) e++;
    if (consider(text, facts, i, e, first, last, undefined, allCaps, titled, out)) i = e;
  }
}

/** A word that can be part of a name: capitalised, or in capitals in a run in capitals. */
function nameAt(w: Words, i: number, allCaps: boolean): boolean {
  return w.kind[i] === Kind.Cap || (allCaps && w.kind[i] === Kind.AllCaps);
}

/** A name word that is a given name, not a function word ("Will"). */
function givenAt(facts: Facts, i: number, allCaps: boolean): boolean {
  const w = facts.scan.words;
  return nameAt(w, i, allCaps) && w.end[i] - w.start[i] >= 2 && (facts.of(i) & (Fact.GivenAsWritten | Fact.Stop)) === Fact.GivenAsWritten;
}

/** Every run weighed, but a lone capitalised word only after a role noun ("singer
 * Adele"): the only cue that names a person by one word outside a title (a title is in
 * the run: "Gov. Newsom"). Most runs are such words ("The", "But", "Monday"), and this
 * check reads a few characters before them. */
function candidatesOf(text: string, scan: Scan): Candidate[] {
  const all: Candidate[] = [];
  const w = scan.words;
  const starts = scan.lineStarts;
  const facts = new Facts(text, scan);
  for (let r = 0; r < scan.runCount; r++) {
    const first = scan.runs[2 * r];
    const last = scan.runs[2 * r + 1];
    if (first === last) {
      if (w.kind[first] !== Kind.Cap) continue;
      const at = w.start[first];
      const role = spanBefore(text, at, Math.max(starts[w.line[first]], at - 48), ROLE_SEPARATORS, ROLE_OPENERS, true);
      const roleStart = role ? SPAN[0] : -1;
      const roleEnd = SPAN[1];
      if (!(role && lowerRoleNounAt(text, roleStart, roleEnd)) && !kinAfter(text, w, first) && !introducedBefore(text, at, roleStart, roleEnd) && !peerageAfter(text, w.end[first])) continue;
    }
    weighRun(text, facts, first, last, all);
  }
  return all;
}

const INTRODUCTION = /(?:^|[\s.!,])(?:[Mm]y name is|I['’]m|I am)\s+$/;
/** A self-introduction right before `at`: "My name is Regan", "Hi, I'm Regan". The word
 * before, as spanBefore reads it for a role, is roleStart..roleEnd ("is", "am"; none,
 * roleStart -1, after "I'm"). */
function introducedBefore(text: string, at: number, roleStart: number, roleEnd: number): boolean {
  const verb = roleStart >= 0 && roleEnd - roleStart === 2 && (text.startsWith('is', roleStart) || text.startsWith('am', roleStart));
  if (verb || (roleStart < 0 && at >= 4 && text.charCodeAt(at - 2) === 109 && isApostrophe(text.charCodeAt(at - 3)))) return INTRODUCTION.test(text.slice(Math.max(0, at - 16), at));
  return false;
}

const PEERAGE = /^,\s+(?:Duke|Duchess|Prince|Princess|Earl|Countess|Marquess|Marchioness|Viscount|Viscountess|Baron|Baroness)\s+of\s+\p{Lu}/u;
/** A peerage after a comma: "Camilla, Duchess of Cornwall", "Charles, Prince of Wales". */
function peerageAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === 44 && PEERAGE.test(text.slice(end, end + 40));
}

/** Weighs the name words s..e of a run; returns whether it is a person. */
function consider(
  text: string, facts: Facts, s: number, e: number, runFirst: number, runLast: number, title: string | undefined,
  allCaps: boolean, titled: boolean, out: Candidate[], strongTitle = true, minCue = Cue.None,
): boolean {
  const scan = facts.scan;
  const w = scan.words;
  // drop a suffix from the end ("Jr.") for the checks; keep it in the name
  let core = e;
  while (core > s && w.end[core] - w.start[core] <= 3 && facts.has(core, Fact.Suffix)) core--;
  // a last word the page also writes in lower case names nobody without a given name
  // before it (the verdict below needs one or the other): most runs stop here
  // (or initials: "J.R. Stone", which a byline or a credit may vouch for below)
  let initials = s < core;
  for (let i = s; i < core && initials; i++) if (w.kind[i] !== Kind.Initial || !(w.flags[i] & DOT)) initials = false;
  if (facts.has(core, Fact.Seen)) {
    if (!(s < core && facts.has(s, Fact.GivenAsWritten)) && !initials) return false;
  }
  let caps = 0;
  let allUnseen = true;
  for (let i = s; i <= core; i++) {
    const k = w.kind[i];
    if (k === Kind.AllCaps && !allCaps) return false; // "Lily AI", "JD Logistics"
    const f = facts.of(i);
    if (k === Kind.Cap || k === Kind.AllCaps) {
      caps++;
      if (f & Fact.Seen) allUnseen = false;
    }
    if (f & Fact.Org || calendarWord(text, facts, i)) return false;
    // "National Geographic", "United Arab Emirates", "Royal Mail": an institution's adjective
    if (i === s && f & Fact.OrgLead) return false;
    if (f & Fact.Title && !(i === s && s < core && f & Fact.GivenAsWritten)) return false;
    // (an initial is a letter with its full stop: "Sonya A. Zoghlin"; "I." is a pronoun or a numeral)
    if (i > s && f & Fact.Lead && !(k === Kind.Initial && w.flags[i] & DOT && !(f & Fact.I))) return false;
  }
  if (!caps) return false;
  if (facts.has(core, Fact.Place)) return false;
  // the word after the name, inside the run, heads an organisation: "John Lewis Partnership"
  if (e < runLast && (facts.has(e + 1, Fact.Org) || w.kind[e + 1] === Kind.AllCaps && !allCaps)) return false;
  // nor a day after it, "Black Friday", "Super Tuesday": a day's name ("Alexa Black Friday deals")
  if (e < runLast && facts.has(e + 1, Fact.Calendar) && DAYS.test(wordAt(text, w, e + 1))) return false;
  // a trade mark after it: a product's or a business's name ("Don Victor® Honey")
  const mark = text.charCodeAt(w.end[e]);
  if (mark === 0xae || mark === 0x2122) return false;
  const line = w.line[s];
  const ls = scan.lineStarts[line];
  const le = line + 1 < scan.lineStarts.length ? scan.lineStarts[line + 1] : text.length;
  const start = w.start[s];
  const end = w.end[e] + (w.flags[e] & DOT && facts.has(e, Fact.Suffix) ? 1 : 0);
  // the text before the name, sliced only for the two tests that read it
  const before = () => text.slice(Math.max(ls, start - 48), start);
  const after = text.slice(w.end[e] + (w.flags[e] & POSSESSIVE ? 2 : 0), Math.min(le, end + 90));
  // a quoted title: "The Big Lebowski," "Dr. Strangelove."
  if (s === runFirst || title) {
    const open = text.charCodeAt(w.start[runFirst] - 1);
    if ((open === 34 || open === 0x201c || open === 0x2018) && /^[.,!?]?["”’]/.test(text.slice(w.end[runLast], w.end[runLast] + 2))) return false;
  }
  // "the Big Lebowski", "the San Francisco Examiner": people are not "the" anything
  // (but for a descriptor's "the" before a vouched-for name: "the Exchequer Rishi Sunak announces")
  // (/\bthe\s$/ on the four characters before, within the line: "the" opens them)
  const r0 = w.start[runFirst];
  if (!title && !(minCue > Cue.None && s > runFirst) && r0 - 4 >= ls && text.startsWith('the', r0 - 4) && /\s/.test(text[r0 - 1])) return false;
  const lastWord = wordAt(text, w, core);
  // "Kong-based", "Boston-born": an adjective
  if (ADJECTIVE_SUFFIX.test(lastWord)) return false;
  const surnameLike = nameAt(w, core, allCaps) && lastWord.length >= 2 && !facts.has(core, Fact.Lead);
  if (!surnameLike) return false;
  const given = (w.kind[s] === Kind.Cap || allCaps) && s < core && (facts.of(s) & (Fact.GivenAsWritten | Fact.Stop)) === Fact.GivenAsWritten;
  const commonWord = facts.has(core, Fact.Seen);

  const lo = Math.max(ls, start - 48);
  const hi = Math.min(le, end + 90);
  const afterAt = w.end[e] + (w.flags[e] & POSSESSIVE ? 2 : 0);
  const hasRole = spanBefore(text, start, lo, ROLE_SEPARATORS, ROLE_OPENERS, true);
  const roleStart = hasRole ? SPAN[0] : -1;
  const roleEnd = SPAN[1];
  const roleWord = hasRole ? text.slice(roleStart, roleEnd) : undefined;
  let cue = Cue.None;
  if (title) cue = Cue.Title;
  if (cue < Cue.Credit && mayBeCreditBefore(text, start, lo) && CREDIT_BEFORE.test(before())) cue = Cue.Credit;
  // "(Ludovic Marin, Pool via AP)": a credit in parentheses, the agency after a comma
  if (cue < Cue.Credit && text.charCodeAt(start - 1) === 40 && text.charCodeAt(afterAt) === 44 && CREDIT_IN_PARENS.test(after)) cue = Cue.Credit;
  if (cue < Cue.Credit && (text.charCodeAt(afterAt) === 47 || text.charCodeAt(afterAt) === 124 || isSpace(text.charCodeAt(afterAt))) && creditAfter(after) && AGENCY.test(text.slice(Math.max(ls, start - 200), Math.min(le, end + 200)))) cue = Cue.Credit;
  // not a role noun used as a verb: "to host Crossover", "to judge Smith"
  if (cue < Cue.Role && roleWord && isRoleNoun(roleWord) && !(ROLE_VERBS.has(roleWord) && TO_VERB.test(before()))) cue = Cue.Role;
  // a credits list's entry, "Lighting Design_Sin Ho,": the label glued by an underscore,
  // the entry ending at a comma, a semicolon, a bar or the line's end
  if (cue < Cue.Role && underscoreLabel(text, start) && /^\s*(?:[,;|]|$)/.test(after)) cue = Cue.Role;
  if (cue < Cue.By && isBy(text, start, lo)) cue = Cue.By;
  if (cue < Cue.Speech) {
    if (speechVerbBefore(text, start, lo) || accordingTo(text, start, lo)) {
      // "says Impossible Whoppers cooked with …": a clause's subject after the verb, not its speaker
      if (!clauseVerbAfter(text, afterAt, hi)) cue = Cue.Speech;
    } else {
      if (speechVerbAfter(text, afterAt, hi)) cue = Cue.Speech;
    }
  }
  if (cue < Cue.Appositive) {
    const c = text.charCodeAt(afterAt);
    // (after a space, those three need more spaces, "(", "is" or "was": not a word or a mark)
    const d = text.charCodeAt(afterAt + 1);
    const opens = c === 40 || (c === 32 && !(d > 32 && d < 127 && d !== 40 && d !== 105 && d !== 119));
    if ((c === 44 && appositiveAfterComma(after)) || (opens && appositiveAfterSpace(after))) cue = Cue.Appositive;
  }
  // a byline or credit laid out as a line: the name, then only its outlet ("Tom Davies
  // Associated Press", "Michael Conroy, AP")
  if (cue < Cue.By && outletAfter(text, ls, le, start, end)) cue = Cue.By;
  if (cue === Cue.None) {
    // the name is the whole line (a teaser's author, a list of names)
    if (le - ls <= 120) {
      if (wholeLine(text, ls, le, start, end)) cue = Cue.Line;
      // a portrait's alt text, the name and "Image" alone on their line: an author's
      // head shot ("J.R. Stone Image")
      else if (portraitLine(text, ls, le, start, end)) cue = Cue.By;
    }
  }

  if (cue < minCue) return false;
  const multi = caps >= 2 || (caps === 1 && core > s); // "K. Retherford", "J.R. Stone"
  // a caption's credit runs into the caption: "© Lucy Nicholson Detainees at …"
  if (cue === Cue.Credit && core - s >= 2 && e === core && SPACE_LOWER.test(text.slice(w.end[e], w.end[e] + 2))) {
    return consider(text, facts, s, e - 1, runFirst, runLast, title, allCaps, titled, out);
  }
  // a heading's noun: "Skip Navigation", "Homeland Security", "Web Cameras"
  const nounLast = facts.has(core, Fact.Heading) || nounEndingAsWritten(lastWord);
  if (multi && nounLast && !(given && cue >= Cue.Role)) return false;
  // nor one word that is such a noun ("Silver Star Nation")
  if (!multi && nounLast) return false;
  // a role, a plural acronym or a pronoun ends no name: "Sports Business Analyst", "Tory MPs", "Guided Us"
  if ((multi && !given && facts.has(core, Fact.Role)) || (lastWord.charCodeAt(lastWord.length - 1) === 115 && PLURAL_ACRONYM.test(lastWord)) || facts.has(core, Fact.Pronoun)) return false;
  let ok: boolean;
  let pending = false;
  let verbLikeOk = false;
  if (multi) {
    ok = (given && !commonWord) || (cue >= Cue.Appositive && allUnseen) || (cue >= Cue.Role && !commonWord) || (given && cue >= Cue.Line) || (initials && cue >= Cue.By);
    // in a headline, a capitalised pair needs more than its form: a given name with a
    // role after it ("– Kyle Hughes, Writer") or as a numbered list's item ("3. Charlotte
    // Jones Anderson") will do
    if (ok && titled && cue < Cue.By && !(given && !commonWord && (cue === Cue.Appositive || (cue === Cue.Line && numberedItem(text, ls, start)) || possessiveSubject(text, w, e, le) || (e < runLast && verbAfter(text, scan, e + 1, allCaps))))) pending = true;
    if (!ok && !commonWord) pending = true;
  } else {
    // one word: only a title or a role noun right before it names a person, and not as
    // a modifier ("chief Brexit negotiator")
    const next = NEXT_LOWER.exec(after);
    // a verb's ending, but a surname in -s after a title proper ("Mister Rogers",
    // "Senator Harris")
    const verbLike = /(?:s|ing|ed)$/.test(lastWord) && !/ss$/.test(lastWord) && !(cue === Cue.Title && strongTitle && /[^s]s$/.test(lastWord) && PERSON_TITLES.has(titleWordOf(title)));
    const titleWord = titleWordOf(title);
    // a given name alone that introduces itself, is introduced ("Meet Taryn" opening its
    // line, a menu's "about me") or holds a peerage ("Camilla, Duchess of Cornwall")
    if (isGivenName(lastWord) && !commonWord && !facts.has(core, Fact.Role)) {
      const meet = s === runFirst + 1 && w.end[runFirst] - w.start[runFirst] === 4 && wordAt(text, w, runFirst).toLowerCase() === 'meet' && lineOpens(text, ls, w.start[runFirst]);
      if (meet || introducedBefore(text, start, roleStart, roleEnd) || peerageAfter(text, afterAt)) {
        if (cue < Cue.Role) cue = Cue.Role;
        verbLikeOk = true;
      }
    }
    ok = !commonWord && (!verbLike || verbLikeOk) && !facts.has(core, Fact.Role)
      && (verbLikeOk || (cue === Cue.None && kinAfter(text, w, e)) || (cue === Cue.Title && strongTitle && !CORPORATE_TITLES.has(titleWord)) || (cue === Cue.Role && !!roleWord && roleWord === roleWord.toLowerCase()))
      && !(next && (ROLE_NOUNS.has(next[1]) || ORG_WORDS.has(next[1]) || (AGENT_NOUN.test(next[1]) && !ENGLISH_STOPWORDS.has(next[1]) && !(w.flags[e] & POSSESSIVE))));
  }
  if (!ok && !pending) return false;
  // the name as the text writes it, where that is the same: not in capitals, the words one
  // space apart, no initial's full stop
  let plain = !allCaps;
  for (let i = s; i <= e && plain; i++) if ((w.kind[i] === Kind.Initial && w.flags[i] & DOT) || (i < e && (w.start[i + 1] !== w.end[i] + 1 || text.charCodeAt(w.end[i]) !== 32))) plain = false;
  let name: string;
  if (plain) name = text.slice(start, w.end[e]);
  else {
    const words: string[] = [];
    for (let i = s; i <= e; i++) {
      const word = wordAt(text, w, i);
      words.push((allCaps ? recase(word) : word) + (w.kind[i] === Kind.Initial && w.flags[i] & DOT ? '.' : ''));
    }
    name = words.join(' ');
    if (name.includes('.')) name = name.replace(/(\b[A-Z]\.) (?=[A-Z]\.)/g, '$1');
  }
  out.push({ first: s, last: e, name, key: nameKey(name), cue, given, title, start, end, line, accepted: ok && !pending, weak: ok && pending });
  return ok && !pending;
}

/** NOUN_ENDING, which only a word that ends in one of these letters can match: most names
 * are let through without running it. */
function nounEnding(lw: string): boolean {
  return 'nsymet'.includes(lw.charAt(lw.length - 1)) && NOUN_ENDING.test(lw);
}

/** nounEnding of a word's lower case, lower-cased only when it may end so: a last
 * character in ASCII is its lower case's last (A to Z to a to z, the rest as they are). */
function nounEndingAsWritten(word: string): boolean {
  const c = word.charCodeAt(word.length - 1);
  if (c < 128 && !charIn('nsymet', c >= 65 && c <= 90 ? c | 32 : c)) return false;
  return nounEnding(word.toLowerCase());
}

/** A headline's verb after a name: a capitalised word ending in -s or -ed, with more of
 * the headline after it ("Eric Adams Runs His Administration …", "Gray Davis Holds
 * Court at …"), or such a word in capitals in a headline in capitals ("JANE DOE SAYS …"). */
function verbAfter(text: string, scan: Scan, i: number, allCaps: boolean): boolean {
  const w = scan.words;
  if (w.kind[i] !== Kind.Cap && !(allCaps && w.kind[i] === Kind.AllCaps)) return false;
  const word = wordAt(text, w, i).toLowerCase();
  if (word.length < 4 || !/(?:[^s]s|ed)$/.test(word) || ORG_WORDS.has(word)) return false;
  // and more of the headline after it (not "Early Bird Discounts" closing a line)
  let j = w.end[i];
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return j < text.length && c !== 10 && c !== 13;
}

/** A headline's name with a possessive, and more of the headline after it: "Kylie
 * Jenner's Rapper-Ex Tyga Set for First Gig". A line that ends in a few capitalised
 * words after the possessive names a show or a thing ("Maria Bartiromo's Wall Street"). */
function possessiveSubject(text: string, w: Words, e: number, le: number): boolean {
  if (!(w.flags[e] & POSSESSIVE)) return false;
  const rest = text.slice(w.end[e] + 2, Math.min(le, w.end[e] + 120));
  return !THING_REST.test(rest);
}
const THING_REST = /^\s*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s*$/u;

/** "3. Tom Davies", "3.Tom Davies", "3) Tom Davies": a numbered list's item. */
function numberedItem(text: string, ls: number, start: number): boolean {
  let a = ls;
  while (a < start && isSpace(text.charCodeAt(a))) a++;
  const d = a;
  while (a < start && text.charCodeAt(a) >= 48 && text.charCodeAt(a) <= 57) a++;
  if (a === d || a - d > 3 || (text.charCodeAt(a) !== 46 && text.charCodeAt(a) !== 41)) return false;
  a++;
  while (a < start && isSpace(text.charCodeAt(a))) a++;
  return a === start;
}

/** Only spaces and bullets between the line's start and `at`. */
function lineOpens(text: string, ls: number, at: number): boolean {
  let a = ls;
  while (a < at && charIn(BULLETS, text.charCodeAt(a))) a++;
  return a === at;
}

const PORTRAIT = /^ (?:Image|Photo|Headshot|Avatar|Portrait)\s*$/;
/** The name opens its line and one word for a picture closes it: "Alex Bozarjian Image". */
function portraitLine(text: string, ls: number, le: number, start: number, end: number): boolean {
  if (le - end > 14) return false;
  let a = ls;
  while (a < start && isSpace(text.charCodeAt(a))) a++;
  return a === start && PORTRAIT.test(text.slice(end, le));
}

const BULLETS = ' \t\u00a0•☆□●◦▪‣○■★·►▸»›◆◇*-';
const BULLET_MARKS = '•☆□●◦▪‣○■★·►▸»›◆◇*-';
/** Is the name start..end the whole line ls..le, but for bullets, a number ("3.") and
 * spaces around it? */
function wholeLine(text: string, ls: number, le: number, start: number, end: number): boolean {
  let a = ls;
  while (a < start && BULLETS.includes(text[a])) a++;
  // "3. Tom Davies"
  let d = a;
  while (d < start && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
  if (d > a && text.charCodeAt(d) === 46) {
    a = d + 1;
    while (a < start && isSpace(text.charCodeAt(a))) a++;
  }
  if (a !== start) return false;
  let b = le;
  while (b > end && (isSpace(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 10 || text.charCodeAt(b - 1) === 13)) b--;
  return b === end;
}

/** Does the name open its line, with only an outlet after it: capitalised words ending
 * in an organisation's word ("Associated Press"), or a word in capitals ("AP")? */
function outletAfter(text: string, ls: number, le: number, start: number, end: number): boolean {
  if (le - end > 48 || start - ls > 8) return false;
  let a = ls;
  while (a < start && BULLETS.includes(text[a])) a++;
  if (a !== start) return false;
  const rest = text.slice(end, le).trim().replace(/^[,|–—-]\s*/, '');
  if (!rest || !/^[A-Z]/.test(rest)) return false;
  const words = rest.split(/\s+/);
  if (words.length > 4) return false;
  const last = words[words.length - 1].replace(/[.,]$/, '');
  if (words.some((x) => !/^[A-Z][\w&.'’-]*$/.test(x))) return false;
  return ORG_WORDS.has(last.toLowerCase()) || words.every((x) => /^[A-Z&.]{2,}$/.test(x));
}

/** ", Carlineo’s attorney,", ", critic and historian": a role noun among the first words
 * after the comma. The words are those of after.slice(2, 80).split(/[\s,;]+/, 7), read in
 * place: no string per word. */
function roleAppositive(after: string): boolean {
  if (!after.startsWith(', ')) return false;
  const end = Math.min(80, after.length);
  let a = 2;
  for (let i = 0; i < 7; i++) {
    // the word after[a, b): empty at the start or the end, as split gives it
    let b = a;
    while (b < end && !appositiveSeparator(after.charCodeAt(b))) b++;
    // ", by artist Mark Rothko": the agent of a work, named after it
    if (i === 0 && b - a === 2 && after.startsWith('by', a)) return false;
    if (roleNounIn(after, a, b)) {
      // a role noun before a capitalised word is that next name's ("…, whose lawyer Jim
      // Dunham"); after separators there is a next word (maybe empty) within the seven
      if (b >= end || i === 6) return true;
      let c = b;
      while (c < end && appositiveSeparator(after.charCodeAt(c))) c++;
      let d = c;
      while (d < end && !appositiveSeparator(after.charCodeAt(d))) d++;
      return !UPPER_FIRST.test(after.slice(c, d));
    }
    if (b >= end) return false;
    a = b;
    while (a < end && appositiveSeparator(after.charCodeAt(a))) a++;
  }
  return false;
}

function appositiveSeparator(c: number): boolean {
  return c === 44 || c === 59 || isJsSpace(c);
}

/** Is s[a, b), lower-cased and without a possessive ('s), a role noun? */
function roleNounIn(s: string, a: number, b: number): boolean {
  // (only an S or an s lower-cases to an s, and only as the last character)
  const e = b - a >= 2 && (s.charCodeAt(b - 1) | 32) === 115 && isApostrophe(s.charCodeAt(b - 2)) ? b - 2 : b;
  const h = lowerHash(s, a, e);
  if (h < 0) return ROLE_NOUNS.has(s.slice(a, b).toLowerCase().replace(/['’]s$/, ''));
  return (lexiconAt(s, a, e, h) & Fact.Role) !== 0;
}

/** A person's name compared: lower case, no accents, no full stops, no suffix. */
export function nameKey(name: string): string {
  let key = KEYS.get(name);
  if (key !== undefined) return key;
  // the same names come back all along a page: a small cache, emptied when full
  if (KEYS.size > 4096) KEYS.clear();
  key = name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/ (?:jr|sr|ii|iii|iv)$/, '')
    .replace(NOT_LETTERS, ' ')
    .trim();
  KEYS.set(name, key);
  return key;
}
const KEYS = new Map<string, string>();
const OTHER_DIGIT = /\p{N}/u;
const MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
const ADJECTIVE_SUFFIX = /-\p{Ll}+$/u;
const NEXT_LOWER = /^\s+([\p{Ll}-]+)/u;
// (the bundle builds a literal with \p{…} anew at each call: those are kept here)
const GLUED_OUTLET = /(?<=\p{Ll}{3})\p{Lu}.*$/u;
const HYPHEN_LOWER = /-(\p{Ll})/gu;
const SPACE_LOWER = /^ \p{Ll}/u;
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
const UPPER_FIRST = /^\p{Lu}/u;
const SENTENCE_END = /[.!?](?=["”’]?\s+["“‘]?\p{Lu}|["”’]?\s*$)|["“”]|\s[—–]\s|;/u;
const COMMA_VERB = /,\s+(\p{Ll}+)\b/gu;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]+$/u;
const COMMA_WORD = /^,\s+(\p{Ll}+)/u;

// ---------------------------------------------------------------- from candidates to people

interface Group {
  key: string;
  name: string;
  /** Normalised words without initials and suffixes: "evan symon" for "Evan V. Symon". */
  core: string[];
  surfaces: Set<string>;
  cue: Cue;
  title?: string;
  first: number;
  author?: Person;
}

const AKA_WORDS = new Set(['better', 'also', 'known', 'aka', 'a', 'nicknamed', 'dubbed']);
const AKA_AFTER = /^["”’]?,?\s+(?:better known as|also known as|known as|aka|a\.k\.a\.|nicknamed|dubbed)\s+["“‘']?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u;
const DESCRIPTION_AFTER = /^,\s+((?:a|an|the)\s+.+|(?:[\p{L}.’'-]+\s+){0,5}?[\p{Ll}-]+\s+(?:of|at|for|with|in|from|on)\s.+)/u;

function coreOf(key: string): string[] {
  return key.split(' ').filter((p) => p.length > 1 && !SUFFIXES.has(p));
}

function contains(long: readonly string[], short: readonly string[]): boolean {
  if (short.length >= long.length) return false;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

/** The appositive after a name, to the end of its sentence or to the comma before a
 * speech verb: "a Ph.D. candidate at the University of Pennsylvania who studies …". */
function descriptionAfter(after: string): string | undefined {
  const m = DESCRIPTION_AFTER.exec(after);
  if (!m) return undefined;
  let d = m[1];
  // the sentence ends at a full stop before a capital or a quote (not "Ph.D. candidate")
  const end = SENTENCE_END.exec(d);
  if (end) d = d.slice(0, end.index);
  const verb = COMMA_VERB;
  verb.lastIndex = 0;
  for (let v = verb.exec(d); v; v = verb.exec(d)) {
    if (SPEECH_VERBS.has(v[1]) || v[1] === 'who' && false) {
      d = d.slice(0, v.index);
      break;
    }
  }
  d = d.trim().replace(/[,.]$/, '');
  return d.length >= 6 && d.length <= 240 ? d : undefined;
}

/** ", ", " and ", ", & ", "&" between two names of a list (a dozen characters at most). */
function listSeparator(text: string, from: number, to: number): boolean {
  if (to - from > 12 || to <= from) return false;
  const gap = text.slice(from, to).trim();
  if (gap === ',' || gap === '&' || gap === 'and' || gap === '/') return true;
  if (gap[0] !== ',') return false;
  const rest = gap.slice(1);
  const word = rest.trim();
  return (word === 'and' || word === '&') && rest !== word && isSpace(rest.charCodeAt(0));
}

/** A business or a thing the page names over and over in full ("Home Depot", "Blue
 * Origin", "Dow Jones"), without a given name, vouched for by a cue at a few places only,
 * and whose last word never stands alone (a person named in full is soon named by the
 * surname: "Ayad said"): not a person, though a speech verb or an appositive once stood
 * next to it ("Home Depot said", "Dow Jones, a subsidiary of"). A title vouches anyway. */
function orgLike(text: string, scan: Scan, all: Candidate[]): void {
  const seen = new Map<string, { n: number; ok: number; given: boolean; title: boolean; last: number }>();
  for (const c of all) {
    if (c.first === c.last) continue;
    let e = seen.get(c.key);
    if (!e) seen.set(c.key, (e = { n: 0, ok: 0, given: false, title: false, last: c.last }));
    e.n++;
    if (c.accepted) e.ok++;
    if (c.given) e.given = true;
    if (c.cue === Cue.Title) e.title = true;
  }
  const surnames = new Map<string, string>();
  for (const [key, e] of seen) {
    if (e.n < 3 || e.given || e.title || !e.ok || e.ok * 3 > e.n) continue;
    surnames.set(wordAt(text, scan.words, e.last), key);
  }
  if (!surnames.size) return;
  // the surnames that stand alone: a run of one word
  const w = scan.words;
  const lengths = new Set([...surnames.keys()].map((x) => x.length));
  for (let r = 0; r < scan.runCount && surnames.size; r++) {
    const f = scan.runs[2 * r];
    if (f !== scan.runs[2 * r + 1] || !lengths.has(w.end[f] - w.start[f])) continue;
    surnames.delete(wordAt(text, w, f));
  }
  if (!surnames.size) return;
  const orgs = new Set(surnames.values());
  // and the names read inside it ("Hall Putsch" in "Beer Hall Putsch")
  const inside = new Set<number>();
  for (const c of all) if (orgs.has(c.key)) for (let i = c.first; i <= c.last; i++) inside.add(i);
  for (const c of all) if (inside.has(c.first) || inside.has(c.last)) c.accepted = c.weak = false;
}

/** A menu's item that reads as a person's name: a given name that is no place, and a
 * last word that is no plural ("Kids", "Influencers"; "Roberts" ends in one too, and is
 * kept out of a menu with them). */
function menuPerson(c: Candidate): boolean {
  if (!c.given) return false;
  const words = c.key.split(' ');
  return !PLACES.has(words[0]) && !PLURAL.test(words[words.length - 1]);
}

/** A headline's title and given name read with the word after them ("Prince Andrew
 * Partying Appear …") where the page names the person by title and given name alone
 * ("Prince Andrew") and never by those two words elsewhere: the word is the headline's,
 * not a surname. */
function headlineVerbs(all: Candidate[]): void {
  let pairs = false;
  for (const c of all) if (c.headlinePair && c.accepted) pairs = true;
  if (!pairs) return;
  const alone = new Set<string>();
  const elsewhere = new Map<string, number>();
  for (const c of all) {
    if (c.accepted && c.first === c.last && c.cue === Cue.Title) alone.add(c.key);
    if (!c.headlinePair) elsewhere.set(c.key, (elsewhere.get(c.key) ?? 0) + 1);
  }
  for (const c of all) {
    if (!c.headlinePair || !c.accepted || elsewhere.has(c.key)) continue;
    if (alone.has(c.key.slice(0, c.key.indexOf(' ')))) c.accepted = c.weak = false;
  }
}

/** A pet form in -y or -ie of a longer given name, the first three letters shared:
 * "gerry" of "gerald", "danny" of "daniel", "kathy" of "katherine" (not "mary" of "mark":
 * the longer has five letters at least). */
function petName(short: string, long: string): boolean {
  return short.length <= 6 && long.length >= 5 && /(?:y|ie)$/.test(short) && short.slice(0, 3) === long.slice(0, 3);
}

/** Everyone the page names, its authors among them (merged by name), with every mention. */
export function namedPeople(text: string, lineStarts: readonly number[], authors: Person[], scan: Scan = scanWords(text, lineStarts as number[])): Person[] {
  const all = candidatesOf(text, scan);
  // names listed together are alike: "David Sedaris and Augusten Burroughs", "Kim Hana,
  // Kim Hyesu, Kim Minjeong"
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i + 1 < all.length; i++) {
      const x = all[i];
      const y = all[i + 1];
      // (a byline's or a credit's name vouches for a headline-shaped one after it: "By
      // R.C. Baker / Greg Cohen, Photographs")
      const vouched = x.accepted && x.cue >= Cue.By && y.weak && !y.accepted;
      if (x.line !== y.line || (!vouched && (x.accepted === y.accepted || x.weak || y.weak))) continue;
      if (!listSeparator(text, x.end, y.start)) continue;
      x.accepted = y.accepted = true;
    }
  }
  // a menu: a name that is its whole bullet line, between bullet lines that name nobody
  // ("□ Asia Talk" among "□ Europe Politics", "□ Markets"), unless it reads as a person's
  // name: a menu lists columnists and the people in the news too ("• Donald Trump" among
  // "• Impeachment"), but a section opens with a place ("Asia Talk") or ends in a plural
  // ("Atlanta Kids", "Austin Influencers")
  {
    const personLines = new Set<number>();
    for (const c of all) if (c.accepted && c.cue === Cue.Line) personLines.add(c.line);
    const starts = scan.lineStarts;
    const bullet = (l: number) => {
      if (l < 0 || l >= starts.length) return false;
      const le = l + 1 < starts.length ? starts[l + 1] : text.length;
      let a = starts[l];
      while (a < le && isSpace(text.charCodeAt(a))) a++;
      return a < le && charIn(BULLET_MARKS, text.charCodeAt(a));
    };
    const menuLine = (l: number) => bullet(l) && !personLines.has(l);
    for (const c of all) {
      if (!c.accepted || c.cue !== Cue.Line || !bullet(c.line) || menuPerson(c)) continue;
      if ((menuLine(c.line - 1) || !bullet(c.line - 1)) && (menuLine(c.line + 1) || !bullet(c.line + 1)) && (menuLine(c.line - 1) || menuLine(c.line + 1))) c.accepted = false;
    }
  }
  orgLike(text, scan, all);
  headlineVerbs(all);
  const strong = new Set(all.filter((c) => c.accepted).map((c) => c.key));
  const cands = all.filter((c) => c.accepted || (c.weak && strong.has(c.key)));

  const groups = new Map<string, Group>();
  // an author read from a bare byline line must read as a name ("Weight Loss" is a menu)
  authors = authors.filter((a) => {
    if (a.bio) return true;
    const words = a.name.split(/\s+/);
    const given = words.length > 1 && GIVEN_NAMES.has(words[0]);
    const lastLower = words[words.length - 1].toLowerCase();
    // nor end in a heading's noun ("Key Points", "CNN Business")
    if ((HEADING_NOUNS.has(lastLower) || nounEnding(lastLower))) return false;
    return words.every((x) => {
      const lw = x.toLowerCase();
      return !ROLE_NOUNS.has(lw) && !ORG_WORDS.has(lw) && !TITLES.has(lw) && !PLACES.has(lw) && (x === words[0] && given ? true : !seenLower(scan, lw));
    });
  });
  for (const a of authors) {
    const key = nameKey(a.name);
    groups.set(key, { key, name: a.name, core: coreOf(key), surfaces: new Set([a.name]), cue: Cue.By, first: -1, author: a });
  }
  for (const c of cands) {
    if (!c.key) continue;
    let g = groups.get(c.key);
    if (!g) {
      g = { key: c.key, name: c.name, core: coreOf(c.key), surfaces: new Set(), cue: c.cue, first: scan.words.start[c.first] };
      groups.set(c.key, g);
    }
    g.surfaces.add(c.name);
    // a name read in capitals ("Photo by FRED DUFOUR") is found as the page writes it
    if (text.charCodeAt(c.start + 1) !== c.name.charCodeAt(1)) {
      const raw = text.slice(c.start, c.end);
      if (raw.toLowerCase() === c.name.toLowerCase()) g.surfaces.add(raw);
    }
    if (c.cue > g.cue && !(g.author && c.cue === Cue.Credit)) g.cue = c.cue;
    if (c.title && (!g.title || c.title.length > g.title.length)) g.title = c.title;
  }
  // one person, several forms: "Evan V. Symon" and "Evan Symon"; "Trump" and "Donald
  // Trump"; "Carrie Ann" and "Carrie Ann Inaba"
  const list = [...groups.values()].sort((x, y) => y.core.length - x.core.length || (y.author ? 1 : 0) - (x.author ? 1 : 0));
  const byCore = new Map<string, Group>();
  const merged = new Map<Group, Group>();
  // the longer forms by each of their words, so that a form looks only at its kin
  const byWord = new Map<string, Group[]>();
  for (const g of list) {
    for (const w of new Set(g.core)) {
      const l = byWord.get(w);
      if (l) l.push(g);
      else byWord.set(w, [g]);
    }
  }
  for (const g of list) {
    if (!g.core.length) continue;
    const ck = g.core.join(' ');
    const same = byCore.get(ck);
    if (same) {
      merged.set(g, same);
      continue;
    }
    const hosts = (byWord.get(g.core[0]) ?? []).filter((h) => h !== g && !merged.has(h) && contains(h.core, g.core));
    if (hosts.length === 1) merged.set(g, hosts[0]);
    else if (hosts.length > 1) merged.set(g, g); // ambiguous: "Wilson" with Ann and Nancy Wilson: nobody's
    else byCore.set(ck, g);
  }
  // a short form of the given name, the rest the same: "Pat Carlineo" is "Patrick
  // Carlineo", "Alex Smith" is "Alexander Smith" (when only one such longer form is named)
  {
    // by surname first (no string built per group), the rest compared when two share it
    const bySurname = new Map<string, Group[]>();
    for (const g of byCore.values()) {
      if (g.core.length < 2) continue;
      const last = g.core[g.core.length - 1];
      const l = bySurname.get(last);
      if (l) l.push(g);
      else bySurname.set(last, [g]);
    }
    const sameRest = (a: Group, b: Group) => a.core.length === b.core.length && a.core.every((x, i) => i === 0 || x === b.core[i]);
    for (const l of bySurname.values()) {
      if (l.length < 2) continue;
      for (const g of l) {
        const f = g.core[0];
        if (f.length < 2) continue;
        const hosts = l.filter((h) => h !== g && h.core[0].length > f.length && sameRest(g, h) && (h.core[0].startsWith(f) || petName(f, h.core[0])));
        if (hosts.length === 1 && !merged.has(hosts[0])) merged.set(g, hosts[0]);
      }
    }
  }
  const people: { g: Group; surfaces: Set<string>; person: Person }[] = [];
  const byGroup = new Map<Group, (typeof people)[number]>();
  for (const g of list) {
    if (merged.has(g) || !g.core.length) continue;
    const person: Person = g.author ?? { id: idOf(g.name), name: g.name, role: g.cue === Cue.Credit ? 'photographer' : 'person', stories: [], mentions: [] };
    const entry = { g, surfaces: new Set(g.surfaces), person };
    people.push(entry);
    byGroup.set(g, entry);
  }
  for (const [g, host] of merged) {
    const e = byGroup.get(host);
    if (!e || host === g) continue;
    for (const s of g.surfaces) e.surfaces.add(s);
    if (g.title && (!e.g.title || g.title.length > e.g.title.length)) e.g.title = g.title;
    if (g.cue === Cue.Credit && e.person.role === 'person' && e.g.cue === Cue.Credit) e.person.role = 'photographer';
  }
  // people in the order the page names them
  people.sort((x, y) => (x.g.author ? -1 : x.g.first) - (y.g.author ? -1 : y.g.first));

  // ------------------------------------------------------------ mentions, in one pass
  // forms: every full form seen, the surname, and the first name or nickname where no
  // one else on the page shares it
  const shortOwners = new Map<string, number>();
  const addOwner = (w: string) => shortOwners.set(w, (shortOwners.get(w) ?? 0) + 1);
  const shortsOf = (e: (typeof people)[number]) => {
    const words = e.person.name.split(/\s+/).filter((w) => CAPITALISED.test(w) && !SUFFIXES.has(w.toLowerCase()));
    if (words.length < 2) return [];
    return [...new Set([words[words.length - 1], words[0]])];
  };
  for (const e of people) for (const w of shortsOf(e)) addOwner(w);
  const needles = new Map<string, { owner: number; form: Mention['form'] }>();
  people.forEach((e, i) => {
    for (const s of e.surfaces) needles.set(s, { owner: i, form: 'name' });
    needles.set(e.person.name, { owner: i, form: 'name' });
    for (const w of shortsOf(e)) if (shortOwners.get(w) === 1 && !needles.has(w)) needles.set(w, { owner: i, form: 'short' });
    if (e.person.handle) needles.set('@' + e.person.handle, { owner: i, form: 'handle' });
  });
  // nicknames: "Chen Guojiang, better known as "Mengzhu,""
  const akaFound = (sp: Spans) => {
    let added = false;
    for (let k = 0; k < sp.n; k++) {
      const info = sp.info[k];
      if (info.form !== 'name') continue;
      const end = sp.end[k];
      // only a comma or a space, then one of the words AKA_AFTER opens with, needs it run
      const q = text.charCodeAt(end);
      const w = wordAfter(text, q === 34 || q === 0x201d || q === 0x2019 ? end + 1 : end, Math.min(text.length, end + 24));
      if (!w || !AKA_WORDS.has(w)) continue;
      const m = AKA_AFTER.exec(text.slice(end, end + 80));
      if (!m || needles.has(m[1])) continue;
      const p = people[info.owner].person;
      (p.aka ??= []).push(m[1]);
      needles.set(m[1], { owner: info.owner, form: 'aka' });
      added = true;
    }
    return added;
  };
  let spans = mentionSpans(text, scan.words, needles);
  if (akaFound(spans)) spans = mentionSpans(text, scan.words, needles);
  const lineOf = (o: number) => lineAt({ starts: lineStarts }, o);
  const mentions: Mention[][] = people.map(() => []);
  let reach = -1;
  for (let k = 0; k < spans.n; k++) {
    const s = { start: spans.start[k], end: spans.end[k], owner: spans.info[k].owner, form: spans.info[k].form };
    if (s.start < reach) continue;
    reach = s.end;
    const line = lineOf(s.start);
    const ls = lineStarts[line];
    const le = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const lo = Math.max(ls, s.start - 40);
    // "Friedman's view, said …": past a possessive
    const afterAt = isApostrophe(text.charCodeAt(s.end)) && text.charCodeAt(s.end + 1) === 115 ? s.end + 2 : s.end;
    const quoted = speechVerbBefore(text, s.start, lo) || accordingTo(text, s.start, lo) || speechVerbAfter(text, afterAt, Math.min(le, s.end + 40));
    const m: Mention = { line, span: { start: s.start, end: s.end }, form: s.form };
    if (quoted) m.quoted = true;
    mentions[s.owner].push(m);
  }
  const out: Person[] = [];
  people.forEach((e, i) => {
    const p = e.person;
    p.mentions = mentions[i];
    if (!p.mentions.length) return;
    if (e.g.title) p.title = e.g.title;
    for (const m of p.mentions) {
      // (an appositive opens with a comma: most mentions are not sliced)
      if (m.form !== 'name' || text.charCodeAt(m.span.end) !== 44) continue;
      const le = m.line + 1 < lineStarts.length ? lineStarts[m.line + 1] : text.length;
      let restEnd = Math.min(le, m.span.end + 400);
      while (restEnd > m.span.end && (text.charCodeAt(restEnd - 1) === 10 || text.charCodeAt(restEnd - 1) === 13)) restEnd--;
      const rest = text.slice(m.span.end, restEnd);
      const d = descriptionAfter(rest);
      if (d) {
        // "Matthew Nokleby, machine learning manager for …, told Protocol"
        const v = COMMA_WORD.exec(rest.slice(rest.indexOf(d) + d.length));
        if (v && SPEECH_VERBS.has(v[1])) m.quoted = true;
        p.description = d;
        p.introduced = { line: m.line, span: m.span };
        break;
      }
    }
    if (!p.introduced) {
      const first = (p.nameLine !== undefined && p.mentions.find((m) => m.line === p.nameLine)) || p.mentions.find((m) => m.form === 'name') || p.mentions[0];
      p.introduced = { line: first.line, span: first.span };
    }
    out.push(p);
  });
  return out;
}

/** For tuning: every candidate with its cue and verdict. */
export function explainNames(text: string, lineStarts: readonly number[]): { name: string; cue: number; given: boolean; accepted: boolean; weak: boolean; line: number }[] {
  const scan = scanWords(text, lineStarts as number[]);
  const all = candidatesOf(text, scan);
  return all.map((c) => ({ name: c.name, cue: c.cue, given: c.given, accepted: c.accepted, weak: c.weak, line: c.line + 1 }));
}
