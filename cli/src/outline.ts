// `galley outline FILE`: the story/crosshead tree (the server's document symbols) as
// indented text; `--format json` prints the symbols themselves.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';

function line(s: DocumentSymbol, depth: number): string {
  const mark = s.kind === SymbolKind.Module ? '#' : s.kind === SymbolKind.String ? '##' : '@';
  const where = s.range.start.line === s.range.end.line ? `line ${s.range.start.line + 1}` : `lines ${s.range.start.line + 1}–${s.range.end.line + 1}`;
  return `${'  '.repeat(depth)}${mark} ${s.name}  (${where}${s.detail ? ` · ${s.detail}` : ''})\n`;
}

export function outlineText(symbols: readonly DocumentSymbol[], depth = 0): string {
  return symbols.map((s) => line(s, depth) + outlineText(s.children ?? [], depth + 1)).join('');
}
