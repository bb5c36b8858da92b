// The fuzzer: pages of the labelled corpus, damaged by a fixed-seed sequence of
// mutations (deletions, duplications, encoding damage, splices of other pages, line-end
// changes), each result checked with `checkText` (test/model/invariants.ts): no
// exception, every range inside the document, fix-all edits sorted and non-overlapping,
// no text outside a finding removed (failures); and fixing twice equal to fixing once
// where the first fix acted (counted apart, held under a floor by the tests).
//
// `npm run fuzz` runs 10,000 cases (scripts/fuzz.mjs); `npm test` runs a few hundred
// (test/model/fuzz.test.ts). The same seed gives the same cases, so a failure reported
// as "case N" is reproduced with `npm run fuzz -- --from N --cases 1`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';
import { checkText } from '../model/invariants';

/** mulberry32: a small PRNG with a 32-bit state, the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function corpusPages(): { name: string; text: string }[] {
  const dir = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];

/** A random range of the text, mostly short, sometimes whole lines. */
function range(r: Rand, text: string): [number, number] {
  if (!text.length) return [0, 0];
  const a = int(r, text.length + 1);
  if (r() < 0.5) {
    // whole lines
    const s = text.lastIndexOf('\n', a - 1) + 1;
    let e = s;
    for (let n = 1 + int(r, 4); n > 0 && e < text.length; n--) {
      const nl = text.indexOf('\n', e);
      e = nl < 0 ? text.length : nl + 1;
    }
    return [s, e];
  }
  const len = r() < 0.8 ? int(r, 40) : int(r, 2000);
  return [a, Math.min(text.length, a + len)];
}

/** UTF-8 bytes of a string read as Windows-1252 (the usual mojibake). */
function mojibake(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  return new TextDecoder('windows-1252').decode(bytes);
}

const JUNK = ['\u0000', '\ufffd', '\ufeff', '\u200b', '\u00a0', '\t', '\u0007', '\ud83d', '\ude00', '\ud83d\ude00', '&amp;', '&nbsp;', '&#8217;', '<br>', '</p>', '\r', '\r\n', '\u2028', '\u0085', '  ', ' \n', '"', '“', '‘', '(', ')', '@', '#', '|', '…', '—'];

export interface Mutation {
  name: string;
  apply(r: Rand, text: string, other: string): string;
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'delete',
    apply(r, t) {
      const [a, b] = range(r, t);
      return t.slice(0, a) + t.slice(b);
    },
  },
  {
    name: 'duplicate',
    apply(r, t) {
      const [a, b] = range(r, t);
      const at = r() < 0.5 ? b : int(r, t.length + 1);
      return t.slice(0, at) + t.slice(a, b) + t.slice(at);
    },
  },
  {
    name: 'splice another page',
    apply(r, t, other) {
      const [a, b] = range(r, other);
      const at = int(r, t.length + 1);
      return t.slice(0, at) + other.slice(a, b) + t.slice(at);
    },
  },
  {
    name: 'mojibake',
    apply(r, t) {
      const [a, b] = range(r, t);
      return t.slice(0, a) + mojibake(t.slice(a, b)) + t.slice(b);
    },
  },
  {
    name: 'invalid UTF-8 decoded',
    apply(r, t) {
      // the bytes of a range damaged, then decoded as a client would (U+FFFD for bad sequences)
      const [a, b] = range(r, t);
      const bytes = Buffer.from(t.slice(a, b), 'utf8');
      for (let n = 1 + int(r, 4); n > 0 && bytes.length; n--) bytes[int(r, bytes.length)] = 0x80 + int(r, 0x80);
      return t.slice(0, a) + new TextDecoder('utf-8').decode(bytes) + t.slice(b);
    },
  },
  {
    name: 'junk characters',
    apply(r, t) {
      let out = t;
      for (let n = 1 + int(r, 8); n > 0; n--) {
        const at = int(r, out.length + 1);
        const j = pick(r, JUNK).repeat(r() < 0.9 ? 1 : 1 + int(r, 50));
        out = out.slice(0, at) + j + out.slice(at);
      }
      return out;
    },
  },
  {
    name: 'line ends',
    apply(r, t) {
      const eol = pick(r, ['\r\n', '\r', '\n\n', '\n']);
      const [a, b] = r() < 0.3 ? [0, t.length] : range(r, t);
      return t.slice(0, a) + t.slice(a, b).replace(/\r\n|\r|\n/g, eol) + t.slice(b);
    },
  },
  {
    name: 'join lines',
    apply(r, t) {
      const [a, b] = range(r, t);
      return t.slice(0, a) + t.slice(a, b).replace(/\n+/g, pick(r, [' ', '', '  '])) + t.slice(b);
    },
  },
  {
    name: 'truncate',
    apply(r, t) {
      return r() < 0.5 ? t.slice(0, int(r, t.length + 1)) : t.slice(int(r, t.length + 1));
    },
  },
  {
    name: 'case and spacing',
    apply(r, t) {
      const [a, b] = range(r, t);
      const mid = t.slice(a, b);
      const f = pick(r, [(s: string) => s.toUpperCase(), (s: string) => s.replace(/ /g, '  '), (s: string) => s.replace(/\s+/g, ''), (s: string) => s.replace(/(\S)$/gm, '$1   ')]);
      return t.slice(0, a) + f(mid) + t.slice(b);
    },
  },
];

export interface FuzzFailure {
  index: number;
  page: string;
  mutations: string[];
  violations: string[];
  text: string;
}

export interface FuzzStats {
  cases: number;
  /** Cases that broke an invariant: an exception, a range outside the document,
   * overlapping edits, text outside a finding removed. */
  failures: FuzzFailure[];
  /** Cases where fixing twice differs from fixing once (see checkSecondFix). */
  notIdempotent: FuzzFailure[];
  chars: number;
  elapsedMs: number;
  slowestMs: number;
  slowest?: string;
  byMutation: Record<string, number>;
}

export interface FuzzOptions {
  seed?: number;
  cases: number;
  /** The first case to run (earlier ones are generated and skipped). */
  from?: number;
  /** Check fixing twice against fixing once (a second analysis per case). */
  idempotence?: boolean;
  /** Stop after this many failures. */
  maxFailures?: number;
  progress?: (done: number, stats: FuzzStats) => void;
}

export const DEFAULT_SEED = 20240601;

/** The text of case `i`: a page damaged by 1–4 mutations. Cases are independent: each
 * has its own generator seeded from the run's seed and its index. */
export function fuzzCase(pages: readonly { name: string; text: string }[], seed: number, i: number): { page: string; mutations: string[]; text: string } {
  const r = prng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const page = pick(r, pages);
  let text = page.text;
  // most cases a window of the page (keeps the run fast), some the whole page
  if (r() < 0.7 && text.length > 6000) {
    const a = int(r, text.length - 4000);
    text = text.slice(a, a + 2000 + int(r, 6000));
  }
  const mutations: string[] = [];
  for (let n = 1 + int(r, 4); n > 0; n--) {
    const m = pick(r, MUTATIONS);
    text = m.apply(r, text, pick(r, pages).text);
    mutations.push(m.name);
  }
  return { page: page.name, mutations, text };
}

export function runFuzz(options: FuzzOptions): FuzzStats {
  const seed = options.seed ?? DEFAULT_SEED;
  const pages = corpusPages();
  const stats: FuzzStats = { cases: 0, failures: [], notIdempotent: [], chars: 0, elapsedMs: 0, slowestMs: 0, byMutation: {} };
  const t0 = performance.now();
  const from = options.from ?? 0;
  for (let i = from; i < from + options.cases; i++) {
    const c = fuzzCase(pages, seed, i);
    const t = performance.now();
    const { violations, secondFix } = checkText(c.text, { idempotence: options.idempotence });
    const ms = performance.now() - t;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowest = `case ${i} (${c.page}, ${c.text.length} chars: ${c.mutations.join(', ')})`;
    }
    stats.cases++;
    stats.chars += c.text.length;
    for (const m of c.mutations) stats.byMutation[m] = (stats.byMutation[m] ?? 0) + 1;
    if (secondFix.length) stats.notIdempotent.push({ index: i, page: c.page, mutations: c.mutations, violations: secondFix, text: c.text });
    if (violations.length) {
      stats.failures.push({ index: i, page: c.page, mutations: c.mutations, violations, text: c.text });
      if (options.maxFailures !== undefined && stats.failures.length >= options.maxFailures) break;
    }
    if (options.progress && stats.cases % 500 === 0) options.progress(stats.cases, stats);
  }
  stats.elapsedMs = performance.now() - t0;
  return stats;
}
