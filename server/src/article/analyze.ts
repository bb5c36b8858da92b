// The one entry point: text in, model out.

import { analyzeAnnotated } from './annotated';
import { BlockInfo, readBlocks } from './blocks';
import { findDuplicates } from './duplicates';
import { inlineFindings, wholeLineFindings, withSiteChrome } from './findings';
import { readAcronyms } from './acronyms';
import { readPeople } from './people';
import { scanWords } from './words';
import { readStories, StoryDraft } from './stories';
import { AnalysisOptions, AnalysisStopped, ArticleModel, Block, Role, Story } from './types';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// the roles of a story's lines that may repeat an earlier one (a caption the dek, a
// pull quote a paragraph)
const MAY_REPEAT = new Set<Role>(['caption', 'body', 'other', 'dek']);

function firstWords(text: string, max = 8): string {
  const words = text.split(/\s+/);
  return words.length <= max ? text : words.slice(0, max).join(' ') + '…';
}

export function analyzeArticle(text: string, options: AnalysisOptions = {}): ArticleModel {
  // CriticMarkup (the user's notes) is read as if absent: annotated.ts
  return analyzeAnnotated(text, options, analyzePlain, withSiteChrome);
}

function analyzePlain(text: string, options: AnalysisOptions): ArticleModel {
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
  const dupOf = findDuplicates(blocks, (b) => reading.story[b.index] >= 0 && MAY_REPEAT.has(reading.role[b.index]));
  // a headline printed twice (above and below the byline) is how many sites lay out a
  // title, and the reader's labels keep both: never a removable duplicate
  const counts = (k: number) => reading.role[k] !== 'chrome' && reading.role[k] !== 'headline';
  for (let i = 0; i < blocks.length; i++) {
    if (dupOf[i] >= 0 && counts(dupOf[i])) reading.role[i] = 'duplicate';
    else dupOf[i] = -1;
  }

  checkpoint();
  const stories = reading.stories.map((d, i) => toStory(d, i, blocks));
  // one scan of the words for people and short forms
  const words = scanWords(text, page.table.starts);
  checkpoint();
  const people = readPeople(text, blocks, reading.role, reading.story, reading.stories, page.table.starts, words);
  const acronyms = readAcronyms(text, page.table.starts, words);
  for (const p of people) for (const s of p.stories) stories[s]?.authors.push(p.id);

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
    people,
    acronyms,
    findings,
    elapsedMs: now() - t0,
  };
  // the folder's evidence comes last and reads only the model: a server keeps the model
  // above once per version and applies the evidence of the moment (withSiteChrome)
  return options.siteChrome ? withSiteChrome(model, options.siteChrome, options) : model;
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
