// The typed model of a scraped article. Everything here is plain data so that the
// language server, the command line and the tests can share it; the LSP layer
// converts offsets to positions and kinds to diagnostics.

import type { Annotations } from './annotations';

/** A half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of `text.slice(start, end)` by `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/** What a block (one non-blank line of the scrape) is, once read in context. */
export type Role =
  // the article itself
  | 'headline'
  | 'kicker'
  | 'dek'
  | 'byline'
  | 'dateline'
  | 'crosshead'
  | 'body'
  | 'author-name'
  | 'author-bio'
  // kept but neither article nor cruft: an unsure line inside a story
  | 'other'
  // scrape cruft
  | 'truncation'
  | 'ui'
  | 'credit'
  | 'caption'
  | 'sponsored'
  | 'duplicate'
  | 'chrome';

export const CRUFT_ROLES: ReadonlySet<Role> = new Set<Role>([
  'truncation', 'ui', 'credit', 'caption', 'sponsored', 'duplicate', 'chrome',
]);

/** Kinds of findings; the `code` of a diagnostic. */
export type FindingKind =
  | 'ui-label'
  | 'image-credit'
  | 'image-caption'
  | 'sponsored'
  | 'duplicate'
  | 'navigation'
  | 'link-residue'
  | 'spacing'
  | 'encoding';

export const FINDING_KINDS: readonly FindingKind[] = [
  'ui-label', 'image-credit', 'image-caption', 'sponsored', 'duplicate', 'navigation',
  'link-residue', 'spacing', 'encoding',
];

/** How a kind's fix treats the text: removal deletes cruft, repair rewrites characters
 * at fault, mark only annotates a gap (text that cannot be restored). */
export type FixMode = 'remove' | 'repair' | 'mark';

export const FIX_MODE: Readonly<Record<FindingKind, FixMode>> = {
  'ui-label': 'remove',
  'image-credit': 'remove',
  'image-caption': 'remove',
  sponsored: 'remove',
  duplicate: 'remove',
  navigation: 'remove',
  'link-residue': 'mark',
  spacing: 'repair',
  encoding: 'repair',
};

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The severity each kind gets unless the user says otherwise. Unsure findings are
 * capped at information whatever the kind's severity. */
export const DEFAULT_SEVERITY: Readonly<Record<FindingKind, Severity>> = {
  'ui-label': 'warning',
  'image-credit': 'warning',
  'image-caption': 'warning',
  sponsored: 'warning',
  duplicate: 'warning',
  navigation: 'warning',
  'link-residue': 'information',
  spacing: 'warning',
  encoding: 'warning',
};

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  kind: FindingKind;
  /** Exactly the text at fault. Whole-line findings span from the start of their first
   * line to the end of their last line (line breaks excluded). */
  span: Span;
  /** First and last line (0-based) of a whole-line finding; absent for findings
   * inside a line. */
  lines?: { first: number; last: number };
  message: string;
  /** Unsure findings are shown softly and never fixed on save. */
  sure: boolean;
  /** The preferred fix of this finding alone. */
  fix: Fix;
  /** A stable identity for suppressions: kind plus normalised text. */
  fingerprint: string;
}

export interface Heading {
  line: number;
  text: string;
  span: Span;
}

export interface Section extends Heading {
  /** Last line (inclusive) of the section. */
  endLine: number;
}

export interface Story {
  index: number;
  /** The headline, or undefined when the scrape lost it. */
  headline?: Heading;
  /** The story's name: its headline, or its first words when the headline is lost. */
  title: string;
  /** Where the story's name is: the headline line or the first text line. */
  titleLine: number;
  titleSpan: Span;
  dekLine?: number;
  crossheads: Section[];
  /** Ids of the people who wrote it. */
  authors: string[];
  startLine: number;
  endLine: number;
  /** The line of the "Keep Reading" marker of a teaser cut off by the page. */
  truncatedAt?: number;
  complete: boolean;
}

export interface Mention {
  line: number;
  span: Span;
  /** 'name' = the full name, 'short' = a part of it (a surname, a first name),
   * 'handle' = the @handle, 'aka' = a name the person is better known by. */
  form: 'name' | 'short' | 'handle' | 'aka';
  /** Words are attributed to the person here ("said Eli Friedman", "Friedman told …"). */
  quoted?: boolean;
}

/** Why the page names a person: they wrote a story, took a photo, or are named in one. */
export type PersonRole = 'author' | 'photographer' | 'person';

export interface Person {
  id: string;
  name: string;
  handle?: string;
  role: PersonRole;
  /** A one-line summary of who they are, from the bio. */
  summary?: string;
  bio?: { line: number; text: string };
  nameLine?: number;
  /** The title the page gives them before their name: "Magistrate Judge", "CEO". */
  title?: string;
  /** How the page introduces them: "a sociologist at Cornell University who studies …". */
  description?: string;
  /** Where the page introduces them: the mention with their description, else their
   * first full name (the name line of an author). */
  introduced?: { line: number; span: Span };
  /** Other names the page gives them: "Mengzhu" for Chen Guojiang. */
  aka?: string[];
  /** Indexes of the stories they wrote. */
  stories: number[];
  mentions: Mention[];
}

/** A short form the page defines: "Financial Technology Association (FTA)", or "the
 * ACFTU" after "All-China Federation of Trade Unions". */
export interface Acronym {
  short: string;
  long: string;
  /** The long form where the page spells it out. */
  definition: { line: number; span: Span };
  /** Every use of the short form. */
  mentions: { line: number; span: Span }[];
}

export interface Block {
  index: number;
  line: number;
  /** The line without its line break. */
  lineSpan: Span;
  /** The line without leading and trailing white space. */
  span: Span;
  text: string;
  role: Role;
  /** Index of the story this block belongs to, -1 outside every story. */
  story: number;
}

/** How widely a line recurs among the scrapes of its folder: in `docs` of the folder's
 * `of` distinct documents (this one included). */
export interface ChromeEvidence {
  docs: number;
  of: number;
}

/** Evidence from outside the document: the recurrence of a line (its trimmed text)
 * across the document's folder, or undefined when the line occurs nowhere else known. */
export type SiteChromeLookup = (line: string) => ChromeEvidence | undefined;

export interface AnalysisOptions {
  /** Kinds the user has switched off are not computed at all where that saves work. */
  disabledKinds?: ReadonlySet<FindingKind>;
  /** Lines that recur across the folder's scrapes are site chrome (see siteChrome.ts):
   * kept lines that are not article text become `navigation` findings. */
  siteChrome?: SiteChromeLookup;
  /** The readings of the lines of this document's last version (blocks.ts LineCache):
   * reused for the lines this version has too, with the same result. */
  lineCache?: import('./blocks').LineCache;
  /** Asked between the passes of the analysis: true stops it (it throws
   * AnalysisStopped). For a server that no longer wants the result. */
  shouldStop?: () => boolean;
}

/** Thrown by an analysis whose `shouldStop` said so. */
export class AnalysisStopped extends Error {
  constructor() {
    super('analysis stopped');
  }
}

export interface ArticleModel {
  text: string;
  lineCount: number;
  /** Offset of the start of each line. */
  lineStarts: number[];
  blocks: Block[];
  stories: Story[];
  people: Person[];
  acronyms: Acronym[];
  findings: Finding[];
  /** Milliseconds the analysis took. */
  elapsedMs: number;
  /** CriticMarkup annotations and malformed markup (annotations.ts); absent when the
   * text holds none. The rest of the model reads the text as if they were absent. */
  annotations?: Annotations;
}
