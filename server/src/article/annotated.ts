// Reading an annotated article as if its markup were absent: the model runs on the
// projection (annotations.ts), and every range it gives (blocks, stories, people,
// findings and their fixes) is mapped back to the annotated text. Findings that touch
// an annotation are dropped: annotations are the user's own words, and no cruft rule
// flags or removes them (a whole-line finding on a line holding a note would delete
// the note with the line).

import { Annotations, mayHoldAnnotations, parseAnnotations, Projection, projectAnnotations, toAnnotated } from './annotations';
import { lineTable } from './lines';
import type { AnalysisSteps, PeopleReading } from './analyze';
import { AnalysisOptions, ArticleModel, Finding, SiteChromeLookup, Span } from './types';

/** `analyze(text)` for a text that may hold CriticMarkup. A text without any costs one
 * indexOf more than `analyze` itself. */
export function analyzeAnnotated(
  text: string,
  options: AnalysisOptions,
  analyze: (text: string, options: AnalysisOptions) => AnalysisSteps,
  /** The folder's evidence, applied to the mapped model (withSiteChrome). */
  overlay: (model: ArticleModel, lookup: SiteChromeLookup, options: AnalysisOptions) => ArticleModel,
): AnalysisSteps {
  if (!mayHoldAnnotations(text)) return analyze(text, options);
  const annotations = parseAnnotations(text);
  if (!annotations.items.length && !annotations.problems.length) return analyze(text, options);
  const projection = projectAnnotations(text, annotations.items, annotations.problems);
  const inner = analyze(projection.text, { ...options, siteChrome: undefined });
  const span = spanMap(projection);
  const model = keepClearOfAnnotations(mapBack(inner.findings, text, span, annotations));
  return {
    findings: options.siteChrome ? overlay(model, options.siteChrome, options) : model,
    people: () => mapPeopleBack(inner.people(), span),
  };
}

/** A range of the projection as a range of the annotated text. */
function spanMap(p: Projection): (s: Span) => Span {
  return (s) => {
    const a = toAnnotated(p, s.start, 'start');
    return { start: a, end: Math.max(a, toAnnotated(p, s.end, 'end')) };
  };
}

/** The projection's model expressed on the annotated text. An annotation never
 * crosses a line break, so the projection has the same lines: line numbers stand, and
 * only offsets move. */
function mapBack(m: ArticleModel, text: string, span: (s: Span) => Span, annotations: Annotations): ArticleModel {
  const t = lineTable(text);
  const blocks = m.blocks.map((b) => ({ ...b, lineSpan: { start: t.starts[b.line], end: t.ends[b.line] }, span: span(b.span) }));
  const stories = m.stories.map((s) => ({
    ...s,
    headline: s.headline && { ...s.headline, span: span(s.headline.span) },
    titleSpan: span(s.titleSpan),
    crossheads: s.crossheads.map((c) => ({ ...c, span: span(c.span) })),
  }));
  const findings = m.findings.map((f): Finding => ({
    ...f,
    span: span(f.span),
    fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ ...span(e), newText: e.newText })) },
  }));
  return { ...m, text, lineStarts: t.starts, blocks, stories, findings, annotations };
}

/** The second step's people and short forms on the annotated text: every range they
 * hold (mentions, where a person is introduced, a short form's definition and uses). */
function mapPeopleBack(r: PeopleReading, span: (s: Span) => Span): PeopleReading {
  const at = <T extends { span: Span }>(x: T): T => ({ ...x, span: span(x.span) });
  const people = r.people.map((x) => ({ ...x, ...(x.introduced && { introduced: at(x.introduced) }), mentions: x.mentions.map(at) }));
  const acronyms = r.acronyms.map((a) => ({ ...a, definition: at(a.definition), mentions: a.mentions.map(at) }));
  return { ...r, people, acronyms };
}

/** The model without the findings that touch an annotation: their span, their fix's
 * edits, or (whole-line findings, which fix-all removes by line) their lines. */
export function keepClearOfAnnotations(model: ArticleModel): ArticleModel {
  const ann = model.annotations;
  if (!ann) return model;
  // malformed markup is the user's too
  const spans = [...ann.items, ...ann.problems].map((a) => a.span).sort((a, b) => a.start - b.start);
  const t = lineTable(model.text);
  // does [s, e) overlap or touch an annotation? Touching counts: the space before a note
  // at the end of a line is trailing only in the projection, and is no cruft
  const touches = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end < s) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo].start <= e;
  };
  // does an edit of [s, e) change an annotation (an insertion strictly inside one does)?
  const changes = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= s) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= spans.length) return false;
    const a = spans[lo];
    return s === e ? a.start < s && s < a.end : a.start < e;
  };
  const findings = model.findings.filter((f) => {
    if (touches(f.span.start, f.span.end)) return false;
    if (f.lines && changes(t.starts[f.lines.first], t.ends[f.lines.last])) return false;
    return !f.fix.edits.some((e) => changes(e.start, e.end));
  });
  return findings.length === model.findings.length ? model : { ...model, findings };
}
