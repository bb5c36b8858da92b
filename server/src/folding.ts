// Each story folds, and so does each crosshead's section.

import { FoldingRange } from 'vscode-languageserver';
import { ArticleModel } from './article';

export function foldingRanges(model: ArticleModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of model.stories) {
    if (s.endLine > s.startLine) out.push({ startLine: s.startLine, endLine: s.endLine, kind: 'region' });
    for (const c of s.crossheads) if (c.endLine > c.line) out.push({ startLine: c.line, endLine: c.endLine, kind: 'region' });
  }
  return out;
}
