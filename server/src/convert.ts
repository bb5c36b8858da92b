// Model offsets to LSP positions and ranges. The model counts UTF-16 code units, as
// LSP does by default, so positions come straight from the text document.

import { DiagnosticSeverity, Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleModel, Severity, Span } from './article';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** doc.positionAt for offsets into the model's text. When the document holds that very
 * text, read from the model's line starts (the same line breaks the document counts):
 * the document need not build its own table of lines, which for a version just opened
 * costs a pass over the whole text in script. Same answers as positionAt: the offset
 * clamped to the text, and one inside a line break moved before it. */
export function positionsOf(doc: TextDocument, model: Pick<ArticleModel, 'text' | 'lineStarts'>): (offset: number) => Position {
  const text = model.text;
  if (doc.getText() !== text) return (offset) => doc.positionAt(offset);
  const starts = model.lineStarts;
  return (offset) => {
    offset = Math.max(Math.min(offset, text.length), 0);
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    const line = lo - 1;
    const start = starts[line];
    while (offset > start && isLineBreak(text.charCodeAt(offset - 1))) offset--;
    return { line, character: offset - start };
  };
}

function isLineBreak(c: number): boolean {
  return c === 13 || c === 10;
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
