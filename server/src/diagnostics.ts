// Findings as LSP diagnostics: source "galley", code = kind, the severity from the
// settings, and `data` pointing back at the finding so code actions need no new
// analysis. Findings the settings hide (kind off, fingerprint in galley.ignore) are
// left out here, in the LSP layer: the model knows nothing of settings.

import { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, Finding } from './article';
import { positionsOf, toSeverity } from './convert';
import { effectiveSeverity, GalleySettings, isIgnored } from './settings';

export const SOURCE = 'galley';

export interface DiagnosticData {
  /** Document version the finding belongs to. */
  version: number;
  /** Index of the finding in the model. */
  index: number;
  fingerprint: string;
}

/** The findings shown as diagnostics; those touching the `held` lines (being typed on,
 * see runPolicy.ts) wait. */
export function toDiagnostics(doc: TextDocument, model: ArticleModel, settings: GalleySettings, held?: { first: number; last: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = positionsOf(doc, model);
  model.findings.forEach((f: Finding, index) => {
    if (out.length >= settings.maxNumberOfProblems) return;
    const severity = toSeverity(effectiveSeverity(settings, f.kind, f.sure));
    if (severity === undefined || isIgnored(settings, f)) return;
    const range = { start: at(f.span.start), end: at(f.span.end) };
    if (held && range.start.line <= held.last && range.end.line >= held.first) return;
    const data: DiagnosticData = { version: doc.version, index, fingerprint: f.fingerprint };
    out.push({ range, severity, source: SOURCE, code: f.kind, message: f.message, data });
  });
  return out;
}
