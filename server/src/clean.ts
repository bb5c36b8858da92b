// What "clean the article" does under the user's settings: the sure findings of the
// kinds fix-all applies (not switched off, not ignored), fixed to a fixed point, so
// that cleaning a cleaned article changes nothing. Shared by source.fixAll.galley,
// Clean Article, its preview and the command line.

import { analyzeArticle, ArticleModel, Finding, fixAllEdits, fixAllToFixedPoint, lineTable, TextEdit } from './article';
import { fixAllKinds, GalleySettings, isShown } from './settings';

/** The findings one round of cleaning fixes. */
export function cleanable(model: ArticleModel, settings: GalleySettings): Finding[] {
  const kinds = fixAllKinds(settings);
  return model.findings.filter((f) => f.sure && kinds.has(f.kind) && isShown(settings, f));
}

/** The edits that clean the model's text; later rounds read the text the earlier ones
 * left (without the folder's evidence, which only ever adds findings). */
export function cleanEdits(model: ArticleModel, settings: GalleySettings, maxRounds = 3): TextEdit[] {
  const kinds = fixAllKinds(settings);
  return fixAllToFixedPoint(
    model.text,
    (text, round) => {
      const m = round === 0 ? model : analyzeArticle(text);
      return fixAllEdits(text, lineTable(text), cleanable(m, settings), kinds);
    },
    maxRounds,
  );
}
