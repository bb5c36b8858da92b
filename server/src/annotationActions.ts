// Code actions on CriticMarkup: close or remove malformed markup (the `annotation`
// diagnostics), accept or reject suggested changes (one, all in the story, all in the
// file), and "Clean Article as Suggestions": the fix-all's own edits (clean.ts) written
// as `{-- --}` and `{~~ ~> ~~}` for an editor to review (article/review.ts).

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Annotation, AnnotationProblem, ArticleModel, asSuggestions, isChange, lineTable, OPENER, reviewEdits, TextEdit } from './article';
import { cleanEdits } from './clean';
import { toRange } from './convert';
import type { EditTarget } from './codeActions';
import { workspaceEdit } from './codeActions';
import { GalleySettings } from './settings';

export const ANNOTATION_CODE = 'annotation';
export const REVIEW_KIND = `${CodeActionKind.RefactorRewrite}.galley`;
export const SUGGEST_KIND = `${CodeActionKind.Source}.galley.suggestions`;
export const ANNOTATION_FIX_KIND = `${CodeActionKind.QuickFix}.galley.annotation`;

function admits(only: string[] | undefined, kind: string, whenUnset: boolean): boolean {
  if (!only) return whenUnset;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** Malformed markup as diagnostics (after the findings; not subject to the rules'
 * settings: it is the user's markup, not scrape cruft). */
export function annotationDiagnostics(doc: TextDocument, model: ArticleModel): Diagnostic[] {
  return (model.annotations?.problems ?? []).map((p) => ({
    range: toRange(doc, p.span),
    severity: DiagnosticSeverity.Warning,
    source: 'galley',
    code: ANNOTATION_CODE,
    message: p.message,
  }));
}

function problemFixes(doc: TextDocument, model: ArticleModel, p: AnnotationProblem, d: Diagnostic | undefined, target: EditTarget): CodeAction[] {
  const t = lineTable(model.text);
  const diagnostics = d ? [d] : undefined;
  const act = (title: string, edit: TextEdit, isPreferred = false): CodeAction => ({
    title, kind: ANNOTATION_FIX_KIND, diagnostics, isPreferred, edit: workspaceEdit(doc, [edit], target),
  });
  if (p.closer) {
    const end = t.ends[p.line];
    return [
      act(`Close it: add "${p.closer}" at the end of the line`, { start: end, end, newText: p.closer }, true),
      act(`Remove the stray "${OPENER[p.kind]}"`, { start: p.span.start, end: p.span.end, newText: '' }),
    ];
  }
  // a substitution without "~>": keep its text, without the markup
  const inner = model.text.slice(p.span.start + 3, p.span.end - 3);
  return [act('Remove the markup, keep its text', { start: p.span.start, end: p.span.end, newText: inner }, true)];
}

const NOUN: Record<string, string> = { insertion: 'insertion', deletion: 'deletion', substitution: 'substitution' };

function quote(s: string): string {
  return s.length > 40 ? `"${s.slice(0, 37).trimEnd()}…"` : `"${s}"`;
}

function describe(a: Annotation): string {
  if (a.kind === 'substitution') return `${quote(a.text)} → ${quote(a.newText!)}`;
  return quote(a.text);
}

export function annotationActions(doc: TextDocument, model: ArticleModel, settings: GalleySettings, params: CodeActionParams, target: EditTarget): CodeAction[] {
  const ann = model.annotations;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const a0 = doc.offsetAt(params.range.start);
  const b0 = doc.offsetAt(params.range.end);
  const touches = (s: number, e: number) => s <= b0 && a0 <= e;

  if (ann && admits(only, ANNOTATION_FIX_KIND, true)) {
    for (const p of ann.problems) {
      if (!touches(p.span.start, p.span.end)) continue;
      const d = params.context.diagnostics.find((x) => x.code === ANNOTATION_CODE && doc.offsetAt(x.range.start) === p.span.start);
      actions.push(...problemFixes(doc, model, p, d, target));
    }
  }

  if (ann && admits(only, REVIEW_KIND, true)) {
    const changes = ann.items.filter(isChange);
    const table = lineTable(model.text);
    const storyAt = (line: number) => model.stories.find((s) => s.startLine <= line && line <= s.endLine)?.index ?? -1;
    const here = changes.filter((a) => touches(a.span.start, a.span.end));
    const review = (title: string, list: Annotation[], accept: boolean): CodeAction => ({
      title, kind: REVIEW_KIND, edit: workspaceEdit(doc, reviewEdits(model.text, list, accept, table), target),
    });
    for (const a of here) {
      actions.push(review(`Accept ${NOUN[a.kind]} ${describe(a)}`, [a], true), review(`Reject ${NOUN[a.kind]} ${describe(a)}`, [a], false));
    }
    if (here.length) {
      const story = storyAt(here[0].line);
      const inStory = story >= 0 ? changes.filter((a) => storyAt(a.line) === story) : [];
      if (inStory.length > 1) {
        const name = quote(model.stories[story].title);
        actions.push(review(`Accept all ${inStory.length} changes in the story ${name}`, inStory, true), review(`Reject all ${inStory.length} changes in the story ${name}`, inStory, false));
      }
      if (changes.length > inStory.length && changes.length > 1) {
        actions.push(review(`Accept all ${changes.length} changes in this file`, changes, true), review(`Reject all ${changes.length} changes in this file`, changes, false));
      }
    }
  }

  if (admits(only, SUGGEST_KIND, false)) {
    const s = asSuggestions(model.text, cleanEdits(model, settings));
    if (s.edits.length) actions.push({ title: `Clean article as suggestions: mark ${s.edits.length} changes for review`, kind: SUGGEST_KIND, edit: workspaceEdit(doc, s.edits, target) });
  }
  return actions;
}
