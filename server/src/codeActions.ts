// Quick fixes for each finding, "remove all of this kind", and source.fixAll.galley
// for fix-on-save; then the actions that ignore a finding or its kind (ignore.ts).
// Every edit is minimal and bound to the document version it was computed for, so a
// stale fix can never be applied to newer text.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, FIX_MODE, Finding, FindingKind, fixAllEdits, lineTable, TextEdit } from './article';
import { toRange } from './convert';
import { cleanable, cleanEdits } from './clean';
import { DiagnosticData, SOURCE, toDiagnostics } from './diagnostics';
import { IGNORE_KIND, ignoreActions } from './ignore';
import { GalleySettings, isShown } from './settings';

export const QUICKFIX_KIND = `${CodeActionKind.QuickFix}.galley`;
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.galley`;

/** Does the client's `only` filter admit actions of `kind`? */
function admits(only: string[] | undefined, kind: string, whenUnset: boolean): boolean {
  if (!only) return whenUnset;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export interface EditTarget {
  uri: string;
  version: number;
  documentChanges: boolean;
}

export function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[], target: EditTarget): WorkspaceEdit {
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
  if (target.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: lsp }] };
  return { changes: { [target.uri]: lsp } };
}

function findingOf(model: ArticleModel, doc: TextDocument, d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as DiagnosticData | undefined;
  if (data && data.version === doc.version) {
    const f = model.findings[data.index];
    if (f && f.fingerprint === data.fingerprint) return f;
  }
  // a client that does not send `data` back: find the finding by range and kind
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return model.findings.find((f) => f.kind === d.code && f.span.start === start && f.span.end === end);
}

const NOUNS: Record<FindingKind, string> = {
  'ui-label': 'button and link labels',
  'image-credit': 'photo credits',
  'image-caption': 'photo captions',
  sponsored: 'sponsored blocks',
  duplicate: 'duplicate paragraphs',
  navigation: 'navigation blocks',
  'link-residue': 'link residues',
  spacing: 'spacing problems',
  encoding: 'encoding problems',
};

export function fixAllTitle(kind: FindingKind, n: number): string {
  const verb = FIX_MODE[kind] === 'remove' ? 'Remove' : 'Fix';
  return `${verb} all ${n} ${NOUNS[kind]} (${kind}) in this file`;
}

export function codeActions(doc: TextDocument, model: ArticleModel, settings: GalleySettings, params: CodeActionParams, target: EditTarget): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const table = lineTable(model.text);
  const visible = (f: Finding) => isShown(settings, f);
  const wantFixes = admits(only, QUICKFIX_KIND, true);
  const wantIgnores = admits(only, IGNORE_KIND, true);

  if (wantFixes || wantIgnores) {
    let diags = params.context.diagnostics.filter((d) => d.source === SOURCE);
    if (diags.length === 0 && !params.context.diagnostics.length) {
      // clients that do not pass diagnostics: offer fixes for what lies in the range
      const a = doc.offsetAt(params.range.start);
      const b = doc.offsetAt(params.range.end);
      const all = toDiagnostics(doc, model, settings);
      diags = all.filter((d) => {
        const s = doc.offsetAt(d.range.start);
        const e = doc.offsetAt(d.range.end);
        return s <= b && a <= e;
      });
    }
    const kindsSeen = new Set<FindingKind>();
    const found: [Diagnostic, Finding][] = [];
    for (const d of diags) {
      const f = findingOf(model, doc, d);
      if (!f) continue;
      found.push([d, f]);
      kindsSeen.add(f.kind);
      if (!wantFixes) continue;
      actions.push({
        title: f.fix.title,
        kind: QUICKFIX_KIND,
        diagnostics: [d],
        isPreferred: true,
        edit: workspaceEdit(doc, f.fix.edits, target),
      });
    }
    for (const kind of kindsSeen) {
      if (!wantFixes || FIX_MODE[kind] === 'mark') continue;
      const ofKind = model.findings.filter((f) => f.kind === kind && f.sure && visible(f));
      if (ofKind.length < 2) continue;
      const edits = fixAllEdits(model.text, table, ofKind, new Set([kind]));
      actions.push({ title: fixAllTitle(kind, ofKind.length), kind: QUICKFIX_KIND, edit: workspaceEdit(doc, edits, target) });
    }
    if (wantIgnores) actions.push(...ignoreActions(model, found, target.uri, visible));
  }

  if (admits(only, FIX_ALL_KIND, false)) {
    const edits = cleanEdits(model, settings);
    if (edits.length) {
      const n = cleanable(model, settings).length;
      actions.push({ title: `Clean article: fix ${n} Galley findings`, kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, target) });
    }
  }
  return actions;
}
