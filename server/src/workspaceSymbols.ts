// Workspace Symbols (Ctrl+T): the stories of every scrape of the workspace folders by
// headline, and the people they name by name, from the workspace index's summaries.

import { SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { DocSummary } from './workspaceIndex';

/** Does the query match the name as VS Code matches: its characters in order? */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  const n = name.toLowerCase();
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) if (n[i] === q[j]) j++;
  return j === q.length;
}

export const MAX_WORKSPACE_SYMBOLS = 1000;

export function workspaceSymbols(query: string, summaries: readonly DocSummary[]): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const d of summaries) {
    for (const s of d.stories) {
      if (!fuzzyMatch(query, s.title)) continue;
      out.push({
        name: s.title,
        kind: SymbolKind.Module,
        location: { uri: d.uri, range: { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } } },
        containerName: s.authors.length ? `story by ${s.authors.join(', ')}` : 'story',
      });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
    for (const p of d.people) {
      if (!fuzzyMatch(query, p.name)) continue;
      out.push({
        name: p.name,
        kind: SymbolKind.Property,
        location: { uri: d.uri, range: { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } } },
        containerName: p.role,
      });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
  }
  return out;
}
