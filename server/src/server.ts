// The Galley language server: wires the LSP connection to the pure model. Each
// feature lives in its own file and only translates the model; this file owns the
// documents, the per-version model cache, settings and the diagnostics schedule; the
// workspace's scrapes are indexed for site-chrome evidence in workspaceIndex.ts.
//
// Run it with `node dist/server.js --stdio` (any LSP client) or over IPC (VS Code).

import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, Diagnostic, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  CancellationToken, DocumentDiagnosticReportKind, InitializeParams, InitializeResult, Location, LSPErrorCodes, MessageType, ProposedFeatures, ResponseError,
  ShowMessageNotification, TextDocumentSyncKind, TextDocuments, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, QUICKFIX_KIND } from './codeActions';
import { toDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { definitionAt } from './definition';
import { hoverAt, OtherStory } from './hover';
import { highlightsAt, referencesAt } from './references';
import { workspaceSymbols } from './workspaceSymbols';
import { explainIgnore, IGNORE_KIND } from './ignore';
import { Analysis, Cancelled, ModelCache } from './modelCache';
import {
  CHECK_NOTIFICATION, CheckParams, CLIENT_COMMANDS, EXPORT_ANNOTATIONS_REQUEST, ExportAnnotationsParams, ExportAnnotationsResult, OPEN_SETTING_NOTIFICATION, STATUS_NOTIFICATION, StatusParams,
} from './protocol';
import { DEFAULT_SETTINGS, GalleySettings, parseSettings } from './settings';
import { EditRange, RunPolicy } from './runPolicy';
import { documentSymbols } from './symbols';
import { TypedDocument } from './typedDocument';
import { ANNOTATION_FIX_KIND, annotationActions, annotationDiagnostics, REVIEW_KIND, SUGGEST_KIND } from './annotationActions';
import { annotationsMarkdown, collectAnnotations } from './annotationExport';
import { tagAt, tagReferences, tagsOf, tagSymbols, TagUse } from './tagSymbols';
import { DocSummary, pathOf, WorkspaceIndex } from './workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
// galley.run and the findings held back while typing: the document manager reports
// which lines each change touched
const policy = new RunPolicy();
const documents = new TextDocuments<TextDocument>({
  // typing is applied when the text is next read, not copied for every keystroke
  create: TypedDocument.create,
  update: (doc, changes, version) => {
    policy.edited(doc.uri, changes as EditRange[]);
    if (!(doc instanceof TypedDocument)) return TextDocument.update(doc, changes, version);
    doc.update(changes, version);
    return doc;
  },
});

let canPull = false;
let canConfigure = false;
let canRegisterConfiguration = false;
let canDocumentChanges = false;
let canActionLiterals = false;
let canWatchFiles = false;
let canRefresh = false;
let workspaceFolders: string[] = [];
let globalSettings: GalleySettings = DEFAULT_SETTINGS;
// commands of code actions that the client runs itself (initializationOptions.clientCommands)
let clientCommands = new Set<string>();
// the client opens a setting when told to (galley/openSetting): VS Code's client does
let canOpenSetting = false;
const settingsCache = new Map<string, Promise<GalleySettings>>();
// documents' size limits are read synchronously by the cache: keep the last known ones
const knownSettings = new Map<string, GalleySettings>();

// open documents by file system path, for the workspace index
const openByPath = new Map<string, string>();

const workspaceIndex = new WorkspaceIndex({
  connection,
  settings: async (uri) => {
    const s = await settingsFor(uri);
    return { enabled: s.workspaceIndex, maxFileSize: s.maxFileSize };
  },
  openText: (path) => {
    const uri = openByPath.get(path);
    return uri !== undefined ? documents.get(uri)?.getText() : undefined;
  },
  openPaths: () => openByPath.keys(),
  changed: (folders) => {
    // the evidence of these folders changed: their open documents' diagnostics with it
    const affected = documents.all().filter((d) => {
      const p = pathOf(d.uri);
      return p !== undefined && folders.has(dirname(p));
    });
    if (!affected.length) return;
    if (!canPull) for (const d of affected) schedule(d, 0);
    else if (canRefresh) void connection.languages.diagnostics.refresh();
  },
});

const cache = new ModelCache(
  (uri) => (knownSettings.get(uri) ?? globalSettings).maxFileSize,
  (uri) => workspaceIndex.evidence(uri),
  undefined,
  (a) => reportStatus(a),
);

function settingsFor(uri: string): Promise<GalleySettings> {
  if (!canConfigure) return Promise.resolve(globalSettings);
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'galley' })
      .then(parseSettings, () => globalSettings)
      .then((s) => {
        knownSettings.set(uri, s);
        return s;
      });
    settingsCache.set(uri, p);
  }
  return p;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  canPull = !!caps.textDocument?.diagnostic;
  canConfigure = !!caps.workspace?.configuration;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  canDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  canActionLiterals = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  if (params.workspaceFolders?.length) workspaceFolders = params.workspaceFolders.map((f) => f.uri);
  else if (params.rootUri) workspaceFolders = [params.rootUri];
  else if (params.rootPath) workspaceFolders = [pathToFileURL(params.rootPath).href];
  if (params.initializationOptions && typeof params.initializationOptions === 'object') {
    const init = params.initializationOptions as Record<string, unknown>;
    if (init.galley) globalSettings = parseSettings(init.galley);
    if (Array.isArray(init.clientCommands)) clientCommands = new Set(init.clientCommands.filter((c) => typeof c === 'string'));
    canOpenSetting = init.openSetting === true;
  }
  const serverCommands = CLIENT_COMMANDS.filter((c) => !clientCommands.has(c));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'Galley' },
      foldingRangeProvider: true,
      hoverProvider: true,
      // people and short forms (definition, references, highlights), stories, people
      // and note tags across the workspace (workspaceSymbols.ts, tagSymbols.ts)
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: canActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, QUICKFIX_KIND, IGNORE_KIND, FIX_ALL_KIND, ANNOTATION_FIX_KIND, REVIEW_KIND, SUGGEST_KIND] } : true,
      executeCommandProvider: serverCommands.length ? { commands: serverCommands } : undefined,
      diagnosticProvider: canPull ? { identifier: 'galley', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    },
    serverInfo: { name: 'galley', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // only clients that register it dynamically (Emacs' eglot warns about the request otherwise)
  if (canConfigure && canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'galley' });
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      // scrapes, and deletions of anything (a deleted directory takes its scrapes along)
      watchers: [{ globPattern: '**/*.{txt,article}' }, { globPattern: '**/*', kind: WatchKind.Delete }],
    });
  }
  void workspaceIndex.start(workspaceFolders);
});

connection.onDidChangeWatchedFiles((params) => workspaceIndex.watched(params.changes));
connection.onShutdown(() => {
  workspaceIndex.dispose();
  cache.dispose();
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  knownSettings.clear();
  if (!canConfigure) {
    const s = change.settings as Record<string, unknown> | undefined;
    globalSettings = parseSettings(s?.galley);
  }
  cache.clear();
  // new settings (severities, galley.run) are shown at once, whatever the run mode
  for (const doc of documents.all()) policy.requested(doc.uri);
  if (canPull) connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) schedule(doc, 0);
  void workspaceIndex.reconfigure();
});

// ------------------------------------------------------------------ analysis + status

/** After each analysis of a version (or its skipping): the status item's figures. */
function reportStatus(a: Analysis): void {
  const status: StatusParams = {
    uri: a.uri,
    version: a.version,
    stories: a.model?.stories.length ?? 0,
    findings: a.model?.findings.length ?? 0,
    elapsedMs: Math.round((a.model?.elapsedMs ?? 0) * 10) / 10,
    skipped: a.skipped,
  };
  void connection.sendNotification(STATUS_NOTIFICATION, status);
  if (a.skipped) void tellSkipped(a.uri, a.skipped);
}

// documents whose user was told why they are not analysed: once per open document
const toldSkipped = new Set<string>();
const OPEN_SETTING = 'Open Setting';

async function tellSkipped(uri: string, why: string): Promise<void> {
  if (toldSkipped.has(uri)) return;
  toldSkipped.add(uri);
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const message = `Galley does not analyse ${name}: ${why}.`;
  try {
    const choice = await connection.window.showWarningMessage(message, { title: OPEN_SETTING });
    if (choice?.title === OPEN_SETTING && canOpenSetting) void connection.sendNotification(OPEN_SETTING_NOTIFICATION, { setting: 'galley.maxFileSize', uri });
  } catch {
    // a client without window/showMessageRequest: nothing more to say
  }
}

const contentModified = () => new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
const requestCancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

/** The analysis of the document's current version, for a request: rejects with
 * RequestCancelled when the client cancels, and with ContentModified when the document
 * changes (or closes) before the analysis is done, so that no result for a stale version
 * is ever returned. */
async function analyse(uri: string, token?: CancellationToken, findingsOnly = false): Promise<{ doc: TextDocument; a: Analysis; settings: GalleySettings }> {
  const settings = await settingsFor(uri);
  const doc = documents.get(uri);
  if (!doc) throw contentModified();
  let a: Analysis;
  try {
    // diagnostics need no people: they go out before the people are read (modelCache.ts)
    a = await (findingsOnly ? cache.findings(doc) : cache.get(doc));
  } catch (e) {
    if (e instanceof Cancelled) throw token?.isCancellationRequested ? requestCancelled() : contentModified();
    throw e;
  }
  if (token?.isCancellationRequested) throw requestCancelled();
  const current = documents.get(uri);
  if (!current || current.version !== a.version) throw contentModified();
  return { doc: current, a, settings };
}

/** Runs a request on the current analysis; a document that is not open gets `empty`. */
async function withAnalysis<T>(uri: string, token: CancellationToken, empty: T, f: (doc: TextDocument, model: NonNullable<Analysis['model']>, settings: GalleySettings) => T): Promise<T> {
  if (!documents.get(uri)) return empty;
  const { doc, a, settings } = await analyse(uri, token);
  return a.model ? f(doc, a.model, settings) : empty;
}

// ------------------------------------------------------------------ push diagnostics

const timers = new Map<string, ReturnType<typeof setTimeout>>();

function schedule(doc: TextDocument, delay: number): void {
  if (canPull) return;
  const t = timers.get(doc.uri);
  if (t) clearTimeout(t);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      void publish(doc.uri);
    }, delay),
  );
}

/** The diagnostics of the document's current version under its run mode: a fresh
 * report when one is due (with the findings on the lines being typed on held back), or
 * undefined when the last report stands (on save, manual). */
async function report(uri: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
  const settings = await settingsFor(uri);
  if (!policy.isDue(uri, settings.run)) return undefined;
  const { doc, a } = await analyse(uri, token, true);
  const held = policy.heldLines(uri, settings.run);
  const items = a.model ? toDiagnostics(doc, a.model, settings, held).concat(annotationDiagnostics(doc, a.model)) : [];
  policy.reported(uri);
  if (held) showHeldLater(uri);
  return items;
}

// once the typing pauses, the held findings are shown
const heldTimers = new Map<string, ReturnType<typeof setTimeout>>();
function showHeldLater(uri: string): void {
  const old = heldTimers.get(uri);
  if (old) clearTimeout(old);
  heldTimers.set(
    uri,
    setTimeout(() => {
      heldTimers.delete(uri);
      if (!documents.get(uri)) return;
      if (!canPull) void publish(uri);
      else if (canRefresh) void connection.languages.diagnostics.refresh();
    }, policy.untilQuiet(uri) + 20),
  );
}

async function publish(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  let diagnostics: Diagnostic[] | undefined;
  try {
    diagnostics = await report(uri);
  } catch (e) {
    // a newer version arrived while this one was analysed: its own run will publish
    if (e instanceof ResponseError) return;
    throw e;
  }
  if (!diagnostics || documents.get(uri)?.version !== version) return;
  await connection.sendDiagnostics({ uri, version, diagnostics });
}

// TextDocuments fires a change right after each open, for the same version: the open has
// scheduled its report at once, and the change must not put it off by the wait for
// more changes (CHANGE_WAIT_MS) nor have the index read the text a second time
const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
  const path = pathOf(e.document.uri);
  if (path !== undefined) {
    openByPath.set(path, e.document.uri);
    workspaceIndex.opened(e.document.uri, e.document.getText());
  }
  policy.opened(e.document.uri);
  schedule(e.document, 0);
});
// A change's report waits for the changes that come with it: the messages of a burst
// (a macro, a replace-all sent change by change) arrive within a few milliseconds of
// each other, a person's keystrokes 50 ms or more apart. So every keystroke is reported
// whatever the wait, and a longer one would only delay its problems (measured on a 1 MB
// scrape: a 100-edit burst is one analysis at 10, 15 and 30 ms alike).
const CHANGE_WAIT_MS = 15;
documents.onDidChangeContent((e) => {
  if (justOpened.delete(e.document.uri)) return;
  workspaceIndex.edited(e.document.uri);
  schedule(e.document, CHANGE_WAIT_MS);
});
documents.onDidSave((e) => {
  policy.saved(e.document.uri);
  if (canPull) {
    if (canRefresh) void connection.languages.diagnostics.refresh();
  } else schedule(e.document, 0);
});
// "Galley: Check Document"
connection.onNotification(CHECK_NOTIFICATION, (p: CheckParams) => {
  const doc = documents.get(p.uri);
  if (!doc) return;
  policy.requested(p.uri);
  if (canPull) {
    if (canRefresh) void connection.languages.diagnostics.refresh();
  } else schedule(doc, 0);
});
documents.onDidClose((e) => {
  const path = pathOf(e.document.uri);
  if (path !== undefined && openByPath.get(path) === e.document.uri) {
    openByPath.delete(path);
    workspaceIndex.closed(e.document.uri);
  }
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  policy.closed(e.document.uri);
  lastReports.delete(e.document.uri);
  const h = heldTimers.get(e.document.uri);
  if (h) clearTimeout(h);
  heldTimers.delete(e.document.uri);
  toldSkipped.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  knownSettings.delete(e.document.uri);
  if (!canPull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ------------------------------------------------------------------ requests

// the last full report per document, so that a report that stands (galley.run onSave or
// manual) is answered "unchanged" and the editor keeps its markers where the edits moved them
const lastReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
let resultIds = 0;

connection.languages.diagnostics.on(async (params, token) => {
  const uri = params.textDocument.uri;
  if (!documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  try {
    const items = await report(uri, token);
    const last = lastReports.get(uri);
    if (!items) {
      if (last && params.previousResultId === last.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: last?.resultId, items: last?.items ?? [] };
    }
    const next = { resultId: String(++resultIds), items };
    lastReports.set(uri, next);
    return { kind: DocumentDiagnosticReportKind.Full, ...next };
  } catch (e) {
    // the document changed under the request: the client asks again (LSP ServerCancelled)
    if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    throw e;
  }
});

connection.onDocumentSymbol((params, token) => withAnalysis(params.textDocument.uri, token, [], (doc, model) => documentSymbols(doc, model)));

connection.onFoldingRanges((params, token) => withAnalysis(params.textDocument.uri, token, [], (_doc, model) => foldingRanges(model)));

/** The author's stories in the other scrapes of the workspace (those already read). */
function storiesBy(name: string, exceptUri: string): OtherStory[] {
  const out: OtherStory[] = [];
  const except = pathOf(exceptUri);
  for (const d of workspaceIndex.currentSummaries()) {
    if (d.uri === exceptUri || (except !== undefined && pathOf(d.uri) === except)) continue;
    for (const s of d.stories) if (s.authors.includes(name)) out.push({ uri: d.uri, title: s.title, line: s.line });
  }
  return out;
}

connection.onHover((params, token) => withAnalysis(params.textDocument.uri, token, null, (doc, model) => hoverAt(doc, model, doc.offsetAt(params.position), storiesBy)));

connection.onDefinition((params, token) => withAnalysis(params.textDocument.uri, token, null, (doc, model) => definitionAt(doc, model, doc.offsetAt(params.position))));

connection.onDocumentHighlight((params, token) => withAnalysis(params.textDocument.uri, token, [], (doc, model) => highlightsAt(doc, model, doc.offsetAt(params.position))));

connection.onCodeAction((params, token) =>
  withAnalysis(params.textDocument.uri, token, [], (doc, model, settings) =>
    codeActions(doc, model, settings, params, { uri: doc.uri, version: doc.version, documentChanges: canDocumentChanges }).concat(
      annotationActions(doc, model, settings, params, { uri: doc.uri, version: doc.version, documentChanges: canDocumentChanges }),
    ),
  ),
);

// ------------------------------------------------------------------ annotations

/** The tags of every indexed scrape, and of the open documents the index does not hold. */
function allTags(summaries: readonly DocSummary[]): TagUse[] {
  const indexed = new Set(summaries.map((d) => d.uri));
  const out = summaries.flatMap((d) => d.tags);
  for (const d of documents.all()) if (!indexed.has(d.uri)) out.push(...tagsOf(d.uri, d.getText()));
  return out;
}

// ------------------------------------------------------------------ across the workspace

// Ctrl+T: stories and people from the workspace index, then the tags of notes
connection.onWorkspaceSymbol(async (params, token) => {
  const summaries = await workspaceIndex.summaries(() => token.isCancellationRequested);
  if (token.isCancellationRequested) throw requestCancelled();
  return workspaceSymbols(params.query, summaries).concat(tagSymbols(params.query, allTags(summaries)));
});

// a tag under the cursor lists its uses across files; anything else, the mentions of
// the person or short form under it in this file
connection.onReferences(async (params, token) => {
  const found = await withAnalysis(params.textDocument.uri, token, { tag: undefined as string | undefined, here: [] as Location[] }, (doc, model) => {
    const at = doc.offsetAt(params.position);
    const tag = tagAt(model.annotations?.items, at);
    return { tag, here: tag ? [] : referencesAt(doc, model, at, params.context?.includeDeclaration !== false) };
  });
  return found.tag ? tagReferences(found.tag, allTags(await workspaceIndex.summaries(() => token.isCancellationRequested))) : found.here;
});

connection.onRequest(EXPORT_ANNOTATIONS_REQUEST, (params: ExportAnnotationsParams, token) =>
  withAnalysis(params.uri, token, null as ExportAnnotationsResult | null, (doc, model) => {
    const name = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
    const json = collectAnnotations(model, name);
    return { markdown: annotationsMarkdown(json, params.link), json };
  }),
);

// the ignore actions' commands, for clients that cannot run them: say what to set
connection.onExecuteCommand((params) => {
  const message = explainIgnore(params);
  // a notification, not window/showMessageRequest: nothing to wait for, nothing to fail
  if (message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  return message ?? null;
});

documents.listen(connection);
connection.listen();
