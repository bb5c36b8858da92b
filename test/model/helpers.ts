// Shared test helpers: inline fixtures, the seed scrape and its reference reading, and
// small line/offset utilities that do not depend on the model under test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Joins lines with a line break (LF unless told otherwise): inline fixtures stay readable. */
export function joinLines(lines: readonly string[], eol: '\n' | '\r\n' | '\r' = '\n'): string {
  return lines.join(eol);
}

/** The repository root, found from this (bundled) file's location. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'fixtures', 'seed'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`test/fixtures/seed not found above ${__dirname}`);
    dir = up;
  }
  return dir;
})();

// ------------------------------------------------------------------ the reference reading

export interface RefHeading {
  line: number;
  text: string;
}

export interface RefArticle {
  headline: RefHeading | null;
  untitledFirstLine?: number;
  dek?: { line: number };
  crossheads: RefHeading[];
  authors: string[];
  /** First and last line, 1-based, inclusive. */
  lines: [number, number];
  complete: boolean;
  truncatedAt?: number;
}

export interface RefAuthor {
  name: string;
  handle: string | null;
  nameLine: number;
  bioLine: number;
  summary: string;
  /** The headline line (or untitled first line) of each story they wrote. */
  articles: number[];
}

export interface RefCruft {
  line: number;
  kind: string;
  text?: string;
  why?: string;
}

export interface RefResidue {
  line: number;
  kind: string;
  text: string;
  why?: string;
}

/** The reference reading of a scrape. All line numbers are 1-based. */
export interface Reference {
  file: string;
  articles: RefArticle[];
  authors: RefAuthor[];
  cruft: RefCruft[];
  residue: RefResidue[];
  keep: number[];
  /** Every person the page names (1-based lines). */
  peopleNamed: { name: string; role?: string; lines: number[]; surname?: string; title?: string; mentions?: string[]; aka?: string }[];
  peopleQuoted: { name: string; introducedLine: number; description: string; laterMentions?: number[] }[];
  acronyms: { short: string; long: string; longLine?: number; shortLines?: number[]; line?: number }[];
  notPeople: string[];
}

export interface Fixture {
  name: string;
  text: string;
  ref: Reference;
}

export function loadSeed(name = '000_c293627eab9434ab'): Fixture {
  const dir = join(repoRoot, 'test', 'fixtures', 'seed');
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const ref = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Reference;
  return { name, text, ref };
}

/** The line a reference article is named by: its headline, else its first text line. */
export function titleLineOf(a: RefArticle): number {
  if (a.headline) return a.headline.line;
  if (a.untitledFirstLine === undefined) throw new Error('reference article without headline or untitledFirstLine');
  return a.untitledFirstLine;
}

// ------------------------------------------------------------------ lines (independent of the model)

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character, before the line break. */
  end: number;
  text: string;
}

/** Splits like LSP and VS Code do: \r\n, \n or a lone \r end a line. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

export function isBlankText(s: string): boolean {
  return /^\s*$/.test(s);
}

/** Groups of reference cruft of one kind that are adjacent (nothing but blank lines between
 * them): the model must report each group as a single finding. 1-based lines. */
export function cruftGroups(ref: Reference, lines: readonly Line[]): { kind: string; first: number; last: number }[] {
  const sorted = [...ref.cruft].sort((a, b) => a.line - b.line);
  const groups: { kind: string; first: number; last: number }[] = [];
  for (const c of sorted) {
    const g = groups[groups.length - 1];
    if (g && g.kind === c.kind) {
      let onlyBlank = true;
      for (let l = g.last + 1; l < c.line; l++) if (!isBlankText(lines[l - 1].text)) onlyBlank = false;
      if (onlyBlank) {
        g.last = c.line;
        continue;
      }
    }
    groups.push({ kind: c.kind, first: c.line, last: c.line });
  }
  return groups;
}

/** The repaired form of a residue the reference marks for repair (not removal). */
export function repairedResidue(kind: string, text: string): string {
  if (kind === 'spacing') return text.replace(/([([{])\s+/g, '$1').replace(/\s+([)\]}])/g, '$1');
  throw new Error(`no expectation for the repair of a ${kind} residue: extend repairedResidue`);
}

/** Applies non-overlapping offset edits, checking that they do not overlap. */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`edits overlap at offset ${e.start}`);
    if (e.end < e.start || e.end > text.length) throw new Error(`bad edit ${e.start}..${e.end}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}
