// The one entry point: text in, model out.

import { analyzeAnnotated } from './annotated';
import { BlockInfo, readBlocks } from './blocks';
import { findDuplicates, ShingleMemo } from './duplicates';
import { inlineFindings, wholeLineFindings, withSiteChrome } from './findings';
import { readAcronyms } from './acronyms';
import { readPeople } from './people';
import { scanWords } from './words';
import { readStories, StoryDraft } from './stories';
import { Acronym, AnalysisOptions, AnalysisStopped, ArticleModel, Block, Person, Role, Story } from './types';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// the roles of a story's lines that may repeat an earlier one (a caption the dek, a
// pull quote a paragraph)
const MAY_REPEAT = new Set<Role>(['caption', 'body', 'other', 'dek']);

function firstWords(text: string, max = 8): string {
  const words = text.split(/\s+/);
  return words.length <= max ? text : words.slice(0, max).join(' ') + '…';
}

export function analyzeArticle(text: string, options: AnalysisOptions = {}): ArticleModel {
  const steps = analyzeInSteps(text, options);
  return withPeople(steps.findings, steps.people());
}

/** The people and short forms of a page: the model's second step. */
export interface PeopleReading {
  people: Person[];
  acronyms: Acronym[];
  elapsedMs: number;
}

/** The analysis in two steps. Diagnostics need only the first (blocks, stories,
 * findings); people and short forms, about two fifths of the work on a big page, only
 * hovers and navigation. So a server can publish a version's problems before reading its
 * people. `findings` is the model with no people and no short forms yet (and no authors
 * under its stories); `withPeople(findings, people())` is analyzeArticle's model. */
export interface AnalysisSteps {
  findings: ArticleModel;
  people(): PeopleReading;
}

export function analyzeInSteps(text: string, options: AnalysisOptions = {}): AnalysisSteps {
  // CriticMarkup (the user's notes) is read as if absent: annotated.ts
  return analyzeAnnotated(text, options, analyzePlain, withSiteChrome);
}

/** The whole model: the first step's, with the people and short forms read after it, and
 * each story's authors. */
export function withPeople(m: ArticleModel, p: PeopleReading): ArticleModel {
  const stories = m.stories.map((s) => ({ ...s, authors: [] as string[] }));
  for (const x of p.people) for (const s of x.stories) stories[s]?.authors.push(x.id);
  return { ...m, stories, people: p.people, acronyms: p.acronyms, elapsedMs: m.elapsedMs + p.elapsedMs };
}

function analyzePlain(text: string, options: AnalysisOptions): AnalysisSteps {
  const t0 = now();
  const stopped = options.shouldStop;
  const checkpoint = stopped
    ? () => {
        if (stopped()) throw new AnalysisStopped();
      }
    : () => undefined;
  checkpoint();
  const page = readBlocks(text, options.lineCache);
  checkpoint();
  const reading = readStories(page);
  const { blocks } = page;
  checkpoint();

  // duplicates: a later block repeating an earlier one, inside a story
  const dupOf = findDuplicates(blocks, (b) => reading.story[b.index] >= 0 && MAY_REPEAT.has(reading.role[b.index]), shingleMemo(text, options));
  // a headline printed twice (above and below the byline) is how many sites lay out a
  // title, and the reader's labels keep both: never a removable duplicate
  const counts = (k: number) => reading.role[k] !== 'chrome' && reading.role[k] !== 'headline';
  for (let i = 0; i < blocks.length; i++) {
    if (dupOf[i] >= 0 && counts(dupOf[i])) reading.role[i] = 'duplicate';
    else dupOf[i] = -1;
  }

  checkpoint();
  const stories = reading.stories.map((d, i) => toStory(d, i, blocks));

  checkpoint();
  let findings = [...wholeLineFindings(page, reading, dupOf), ...inlineFindings(page, reading)];
  if (options.disabledKinds?.size) findings = findings.filter((f) => !options.disabledKinds!.has(f.kind));
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  const outBlocks: Block[] = blocks.map((b) => ({
    index: b.index,
    line: b.line,
    lineSpan: b.lineSpan,
    span: b.span,
    text: b.text,
    role: reading.role[b.index],
    story: reading.story[b.index],
  }));
  const model: ArticleModel = {
    text,
    lineCount: page.table.starts.length,
    lineStarts: page.table.starts,
    blocks: outBlocks,
    stories,
    people: [],
    acronyms: [],
    findings,
    elapsedMs: now() - t0,
  };
  // the second step reads the blocks' roles and stories of the first, never the
  // folder's evidence (findings only)
  const people = (): PeopleReading => {
    const t1 = now();
    checkpoint();
    // one scan of the words for people and short forms
    const words = scanWords(text, page.table.starts);
    checkpoint();
    const found = readPeople(text, blocks, reading.role, reading.story, reading.stories, page.table.starts, words);
    // (a thread told to stop is free for the next job a pass sooner)
    checkpoint();
    const acronyms = readAcronyms(text, page.table.starts, words);
    return { people: found, acronyms, elapsedMs: now() - t1 };
  };
  // the folder's evidence comes last and reads only the model: a server keeps the model
  // above once per version and applies the evidence of the moment (withSiteChrome)
  return { findings: options.siteChrome ? withSiteChrome(model, options.siteChrome, options) : model, people };
}

// Past this size a document's shingles are read afresh each version rather than kept
// between versions (1.2 MB kept for the 1 MB of the dev corpus; more on a page whose
// paragraphs are all distinct and inside a story).
const MEMO_MAX = 2_000_000;

/** The memo of the last version's shingles (duplicates.ts), for a text small enough. */
function shingleMemo(text: string, options: AnalysisOptions): ShingleMemo | undefined {
  const memo = options.lineCache?.shingles;
  if (memo && text.length > MEMO_MAX) memo.clear();
  return text.length <= MEMO_MAX ? memo : undefined;
}

function toStory(d: StoryDraft, index: number, blocks: BlockInfo[]): Story {
  const h = d.headline >= 0 ? blocks[d.headline] : undefined;
  const firstText = blocks[d.bodyStart] ?? blocks[d.first];
  const last = blocks[d.last];
  return {
    index,
    headline: h ? { line: h.line, text: h.text, span: h.span } : undefined,
    title: h ? h.text : firstWords(firstText.text),
    titleLine: h ? h.line : firstText.line,
    titleSpan: h ? h.span : firstText.span,
    dekLine: d.dek >= 0 ? blocks[d.dek].line : undefined,
    crossheads: d.crossheads.map((c, k) => {
      const next = d.crossheads[k + 1];
      const endLine = next !== undefined ? blocks[next].line - 1 : last.line;
      return { line: blocks[c].line, text: blocks[c].text, span: blocks[c].span, endLine };
    }),
    authors: [],
    startLine: blocks[d.first].line,
    endLine: last.line,
    truncatedAt: d.truncation >= 0 ? blocks[d.truncation].line : undefined,
    complete: d.truncation < 0,
  };
}
