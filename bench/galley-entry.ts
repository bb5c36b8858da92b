// What the benchmark calls of Galley: the same model and LSP translations the server
// uses, bundled by bench/build.mjs into bench/.build/galley.cjs.
export { analyzeArticle, fixAllEdits, lineTable, SiteChromeIndex, FINDING_KINDS } from '../server/src/article';
export { documentSymbols } from '../server/src/symbols';
export { foldingRanges } from '../server/src/folding';
export { toDiagnostics } from '../server/src/diagnostics';
export { hoverAt } from '../server/src/hover';
export { DEFAULT_SETTINGS } from '../server/src/settings';
export { ModelCache } from '../server/src/modelCache';
export { TextDocument } from 'vscode-languageserver-textdocument';
