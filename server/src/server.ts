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
  DocumentDiagnosticReportKind, InitializeParams, InitializeResult, MessageType, ProposedFeatures, ShowMessageNotification, TextDocumentSyncKind, TextDocuments, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, QUICKFIX_KIND } from './codeActions';
import { toDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { hoverAt } from './hover';
import { explainIgnore, IGNORE_KIND } from './ignore';
import { Analysis, ModelCache } from './modelCache';
import { CLIENT_COMMANDS, STATUS_NOTIFICATION, StatusParams } from './protocol';
import { DEFAULT_SETTINGS, GalleySettings, parseSettings } from './settings';
import { documentSymbols } from './symbols';
import { pathOf, WorkspaceIndex } from './workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let canPull = false;
let canConfigure = false;
let canDocumentChanges = false;
let canActionLiterals = false;
let canWatchFiles = false;
let canRefresh = false;
let workspaceFolders: string[] = [];
let globalSettings: GalleySettings = DEFAULT_SETTINGS;
// commands of code actions that the client runs itself (initializationOptions.clientCommands)
let clientCommands = new Set<string>();
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
  }
  const serverCommands = CLIENT_COMMANDS.filter((c) => !clientCommands.has(c));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Galley' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: canActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, QUICKFIX_KIND, IGNORE_KIND, FIX_ALL_KIND] } : true,
      executeCommandProvider: serverCommands.length ? { commands: serverCommands } : undefined,
      diagnosticProvider: canPull ? { identifier: 'galley', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    },
    serverInfo: { name: 'galley', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'galley' });
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      // scrapes, and deletions of anything (a deleted directory takes its scrapes along)
      watchers: [{ globPattern: '**/*.{txt,article}' }, { globPattern: '**/*', kind: WatchKind.Delete }],
    });
  }
  void workspaceIndex.start(workspaceFolders);
});

connection.onDidChangeWatchedFiles((params) => workspaceIndex.watched(params.changes));
connection.onShutdown(() => workspaceIndex.dispose());

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  knownSettings.clear();
  if (!canConfigure) {
    const s = change.settings as Record<string, unknown> | undefined;
    globalSettings = parseSettings(s?.galley);
  }
  cache.clear();
  if (canPull) connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) schedule(doc, 0);
  void workspaceIndex.reconfigure();
});

// ------------------------------------------------------------------ analysis + status

function analyse(doc: TextDocument): Analysis {
  const before = cache.peek(doc.uri);
  const a = cache.get(doc);
  if (a !== before) {
    const status: StatusParams = {
      uri: doc.uri,
      version: doc.version,
      stories: a.model?.stories.length ?? 0,
      findings: a.model?.findings.length ?? 0,
      elapsedMs: Math.round((a.model?.elapsedMs ?? 0) * 10) / 10,
      skipped: a.skipped,
    };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }
  return a;
}

async function diagnosticsFor(doc: TextDocument): Promise<Diagnostic[]> {
  const settings = await settingsFor(doc.uri);
  const current = documents.get(doc.uri);
  if (!current) return [];
  const a = analyse(current);
  return a.model ? toDiagnostics(current, a.model, settings) : [];
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

async function publish(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const diagnostics = await diagnosticsFor(doc);
  // a newer version arrived while settings were fetched: its own run will publish
  if (documents.get(uri)?.version !== version) return;
  await connection.sendDiagnostics({ uri, version, diagnostics });
}

documents.onDidOpen((e) => {
  const path = pathOf(e.document.uri);
  if (path !== undefined) {
    openByPath.set(path, e.document.uri);
    workspaceIndex.opened(e.document.uri, e.document.getText());
  }
  schedule(e.document, 0);
});
documents.onDidChangeContent((e) => {
  workspaceIndex.edited(e.document.uri);
  schedule(e.document, 30);
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
  settingsCache.delete(e.document.uri);
  knownSettings.delete(e.document.uri);
  if (!canPull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ------------------------------------------------------------------ requests

connection.languages.diagnostics.on(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const items = await diagnosticsFor(doc);
  if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  const model = doc && analyse(doc).model;
  return doc && model ? documentSymbols(doc, model) : [];
});

connection.onFoldingRanges((params) => {
  const doc = documents.get(params.textDocument.uri);
  const model = doc && analyse(doc).model;
  return model ? foldingRanges(model) : [];
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  const model = doc && analyse(doc).model;
  return doc && model ? hoverAt(doc, model, doc.offsetAt(params.position)) : null;
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const settings = await settingsFor(doc.uri);
  const current = documents.get(doc.uri);
  const model = current && analyse(current).model;
  if (!current || !model) return [];
  return codeActions(current, model, settings, params, { uri: current.uri, version: current.version, documentChanges: canDocumentChanges });
});

// the ignore actions' commands, for clients that cannot run them: say what to set
connection.onExecuteCommand((params) => {
  const message = explainIgnore(params);
  // a notification, not window/showMessageRequest: nothing to wait for, nothing to fail
  if (message) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  return message ?? null;
});

documents.listen(connection);
connection.listen();
