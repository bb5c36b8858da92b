// The peer: vscode-markdown-languageservice 0.4.0 (the engine of VS Code's Markdown
// outline, folding and link diagnostics) with markdown-it 15 and a one-document
// in-memory workspace, as ../shared/PEERS.md describes it.
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as md from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

/** A minimal VS Code-style event: subscribe with `event(listener)`, raise with `fire(value)`. */
function emitter() {
  const listeners = new Set();
  const event = (listener, thisArgs) => {
    const l = (v) => listener.call(thisArgs, v);
    listeners.add(l);
    return { dispose: () => listeners.delete(l) };
  };
  return { event, fire: (v) => listeners.forEach((l) => l(v)) };
}

export function createPeer() {
  const docs = new Map();
  const changed = emitter();
  const created = emitter();
  const deleted = emitter();
  const workspace = {
    workspaceFolders: [URI.file('/bench')],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: created.event,
    onDidDeleteMarkdownDocument: deleted.event,
    async getAllMarkdownDocuments() {
      return docs.values();
    },
    hasMarkdownDocument: (uri) => docs.has(uri.toString()),
    async openMarkdownDocument(uri) {
      return docs.get(uri.toString());
    },
    async stat(uri) {
      return docs.has(uri.toString()) ? { isDirectory: false } : undefined;
    },
    async readDirectory() {
      return [];
    },
  };
  const it = MarkdownIt({ html: true });
  // VS Code's Markdown engine keeps the tokens of the last version of a document: the
  // service asks for them once per feature and once for its workspace cache
  let cached = { uri: '', version: -1, tokens: [] };
  const parser = {
    slugifier: md.githubSlugifier,
    async tokenize(doc) {
      if (cached.uri !== doc.uri || cached.version !== doc.version) cached = { uri: doc.uri, version: doc.version, tokens: it.parse(doc.getText(), {}) };
      return cached.tokens;
    },
  };
  const logger = { level: md.LogLevel.Off, log() {} };
  const service = md.createLanguageService({ workspace, parser, logger });
  const token = new CancellationTokenSource().token;
  const options = {
    validateReferences: md.DiagnosticLevel.warning,
    validateFragmentLinks: md.DiagnosticLevel.warning,
    validateFileLinks: md.DiagnosticLevel.warning,
    validateMarkdownFileLinkFragments: md.DiagnosticLevel.warning,
    validateUnusedLinkDefinitions: md.DiagnosticLevel.warning,
    validateDuplicateLinkDefinitions: md.DiagnosticLevel.warning,
    ignoreLinks: [],
  };
  let version = 0;
  const uri = URI.file('/bench/page.md').toString();
  return {
    /** Document symbols, folding ranges and diagnostics of a fresh version of `text`. */
    async all(text) {
      const doc = TextDocument.create(uri, 'markdown', ++version, text);
      const known = docs.has(uri);
      docs.set(uri, doc);
      // the service keeps its parse per document until it hears of a change
      (known ? changed : created).fire(doc);
      const symbols = await service.getDocumentSymbols(doc, { includeLinkDefinitions: true }, token);
      const folding = await service.getFoldingRanges(doc, token);
      const diagnostics = await service.computeDiagnostics(doc, options, token);
      return { symbols: symbols.length, folding: folding.length, diagnostics: diagnostics.length };
    },
  };
}
