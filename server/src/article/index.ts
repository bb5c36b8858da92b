// The public face of the pure model: what the server, the command line and the tests use.

export { analyzeArticle, analyzeInSteps, withPeople } from './analyze';
export type { AnalysisSteps, PeopleReading } from './analyze';
export { LineCache } from './blocks';
export { applyEdits, composeEdits, fixAllEdits, fixAllToFixedPoint, removalEdits } from './fixes';
export { withSiteChrome } from './findings';
export { chromeLevel, SITE_CHROME, SiteChromeIndex } from './siteChrome';
export { lineTable, lineAt } from './lines';
export type { LineTable } from './lines';
export * from './types';
export { parseAnnotations, projectAnnotations, toAnnotated, tagsIn, CLOSER, OPENER } from './annotations';
export type { Annotation, AnnotationKind, AnnotationProblem, Annotations, Tag } from './annotations';
export { asSuggestions, isChange, reviewAll, reviewEdits } from './review';
export type { Suggestions } from './review';
