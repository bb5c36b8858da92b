// Model offsets to LSP positions and ranges. The model counts UTF-16 code units, as
// LSP does by default, so positions come straight from the text document.

import { DiagnosticSeverity, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Severity, Span } from './article';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function lineRange(doc: TextDocument, first: number, last: number): Range {
  const endOffset = last + 1 < doc.lineCount ? doc.offsetAt({ line: last + 1, character: 0 }) : doc.getText().length;
  // end of the last line, without its line break
  const end = doc.positionAt(endOffset);
  if (last + 1 < doc.lineCount) {
    const text = doc.getText({ start: { line: last, character: 0 }, end });
    return { start: { line: first, character: 0 }, end: { line: last, character: text.replace(/\r?\n$|\r$/, '').length } };
  }
  return { start: { line: first, character: 0 }, end };
}

export function toSeverity(s: Severity): DiagnosticSeverity | undefined {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}
