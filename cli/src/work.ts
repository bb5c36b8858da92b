// The work on one text, the same on a worker thread (worker.ts) and in the main thread
// (`--jobs 1`): hashing its lines for the folder's evidence, and checking, cleaning or
// outlining it with the server's own code (model, settings filter, diagnostics, fix-all,
// symbols), so that the command line reports exactly what the editor shows.

import { existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, applyEdits, ArticleModel, ChromeEvidence, withSiteChrome } from '../../server/src/article';
import { detectArticle } from '../../server/src/article/detect';
import { lineHash, lineHashes } from '../../server/src/article/siteChrome';
import { cleanEdits } from '../../server/src/clean';
import { toDiagnostics } from '../../server/src/diagnostics';
import { GalleySettings } from '../../server/src/settings';
import { documentSymbols } from '../../server/src/symbols';
import { unifiedDiff } from './diff';

/** A file on disk, or a record's text (--jsonl). */
export interface Source {
  path?: string;
  text?: string;
  /** The name shown in diffs and reports. */
  name: string;
}

export interface HashTask {
  op: 'hash';
  id: number;
  source: Source;
  /** Index it only if it reads like a scrape (a `.txt` file, as the server does). */
  requireArticle: boolean;
  maxFileSize: number;
}

export type Output =
  | { kind: 'none' }
  /** print a unified diff */
  | { kind: 'diff' }
  /** write the cleaned text back, keeping a backup unless `backup` is false */
  | { kind: 'write'; backup: boolean }
  /** write the cleaned text to another path */
  | { kind: 'out'; path: string }
  /** return the cleaned text (--jsonl) */
  | { kind: 'text' };

export interface FileTask {
  op: 'check' | 'clean' | 'outline';
  id: number;
  source: Source;
  settings: GalleySettings;
  /** Analyse it only if it reads like a scrape (a `.txt` file found in a folder). */
  requireArticle: boolean;
  /** The folder has evidence for this document. */
  evidence: boolean;
  /** That evidence for the document's own lines, sent with the task (no round trip). */
  known?: KnownEvidence;
  output: Output;
}

export type Task = HashTask | FileTask;

/** A diagnostic as the server publishes it, without the `data` only code actions read. */
export interface CliDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  fingerprint: string;
}

export interface Result {
  id: number;
  /** Bytes read. */
  bytes: number;
  /** The file could not be read (it is reported, the run goes on). */
  error?: string;
  /** Why it was not analysed (too large; a folder's `.txt` that is not a scrape). */
  skipped?: string;
  hashes?: Float64Array;
  diagnostics?: CliDiagnostic[];
  /** clean: the number of edits, the diff, the cleaned text, where it was written. */
  edits?: number;
  diff?: string;
  cleaned?: string;
  written?: string;
  backup?: string;
  symbols?: DocumentSymbol[];
}

/** The folder's counts for a document's lines, by their `lineHash` (as `lineHashes`
 * gives them when the folder is counted): in `docs[i]` of the folder's `of` documents. */
export interface KnownEvidence {
  hashes: Float64Array;
  docs: Int32Array;
  of: number;
}

/** The answers for these line hashes from the evidence sent with the task, or undefined
 * if a line is not among the known ones (then the main thread is asked). */
function fromKnown(known: KnownEvidence, hashes: Float64Array): (ChromeEvidence | undefined)[] | undefined {
  const docs = new Map<number, number>();
  for (let i = 0; i < known.hashes.length; i++) docs.set(known.hashes[i], known.docs[i]);
  const out: (ChromeEvidence | undefined)[] = [];
  for (const h of hashes) {
    if (h < 0) out.push(undefined);
    else {
      const n = docs.get(h);
      if (n === undefined) return undefined;
      out.push(n > 0 ? { docs: n, of: known.of } : undefined);
    }
  }
  return out;
}

/** Asks the main thread how widely each of these lines (by their `lineHash`) recurs in
 * the document's folder. Hashing here keeps the main thread's share of the work to table
 * look-ups. */
export type AskEvidence = (hashes: Float64Array) => Promise<(ChromeEvidence | undefined)[]>;

const BOM = '\ufeff';
export const NOT_A_SCRAPE = 'does not read like a scrape';

/** The text as the editor shows it: VS Code drops a UTF-8 byte order mark on reading
 * (and writes it back on saving), so does the command line. */
function readSource(source: Source): { text: string; bytes: number; bom: boolean } {
  if (source.text !== undefined) return { text: source.text, bytes: Buffer.byteLength(source.text), bom: false };
  const buf = readFileSync(source.path!);
  const text = buf.toString('utf8');
  const bom = text.startsWith(BOM);
  return { text: bom ? text.slice(1) : text, bytes: buf.length, bom };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runTask(task: Task, ask: AskEvidence): Promise<Result> {
  let read: ReturnType<typeof readSource>;
  try {
    read = readSource(task.source);
  } catch (e) {
    return { id: task.id, bytes: 0, error: errorText(e) };
  }
  return task.op === 'hash' ? hash(task, read.text, read.bytes) : await analyse(task, read, ask);
}

function hash(task: HashTask, text: string, bytes: number): Result {
  if (text.length > task.maxFileSize) return { id: task.id, bytes, skipped: 'above galley.maxFileSize' };
  if (task.requireArticle && !detectArticle(text).isArticle) return { id: task.id, bytes, skipped: NOT_A_SCRAPE };
  return { id: task.id, bytes, hashes: Float64Array.from(lineHashes(text)) };
}

async function analyse(task: FileTask, read: { text: string; bytes: number; bom: boolean }, ask: AskEvidence): Promise<Result> {
  const { id, settings } = task;
  const { text, bytes } = read;
  if (text.length > settings.maxFileSize) return { id, bytes, skipped: `${text.length} characters, above galley.maxFileSize (${settings.maxFileSize})` };
  if (task.requireArticle && !detectArticle(text).isArticle) return { id, bytes, skipped: NOT_A_SCRAPE };
  let model: ArticleModel = analyzeArticle(text);
  if (task.evidence) {
    // the evidence for exactly the lines the model asks about: sent with the task (the
    // document's own lines), else from the main thread
    const texts = [...new Set(model.blocks.map((b) => b.text))];
    const hashes = Float64Array.from(texts, lineHash);
    const answers = (task.known && fromKnown(task.known, hashes)) ?? (await ask(hashes));
    const known = new Map(texts.map((t, i) => [t, answers[i]]));
    model = withSiteChrome(model, (line) => known.get(line));
  }
  const uri = task.source.path ? pathToFileURL(task.source.path).href : `untitled:${task.source.name}`;
  const doc = TextDocument.create(uri, 'article', 1, text);
  if (task.op === 'outline') return { id, bytes, symbols: documentSymbols(doc, model) };
  const diagnostics = toDiagnostics(doc, model, settings).map(
    (d): CliDiagnostic => ({
      range: d.range,
      severity: d.severity!,
      code: String(d.code),
      source: d.source!,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      fingerprint: (d.data as { fingerprint: string }).fingerprint,
    }),
  );
  if (task.op === 'check') return { id, bytes, diagnostics };

  const edits = cleanEdits(model, settings);
  const result: Result = { id, bytes, diagnostics, edits: edits.length };
  const cleaned = edits.length ? applyEdits(text, edits) : text;
  const out = task.output;
  if (out.kind === 'diff') result.diff = unifiedDiff(text, edits, `a/${task.source.name}`, `b/${task.source.name}`);
  else if (out.kind === 'text') result.cleaned = cleaned;
  else if (out.kind === 'out') {
    mkdirSync(dirname(out.path), { recursive: true });
    writeFileSync(out.path, (read.bom ? BOM : '') + cleaned);
    result.written = out.path;
  } else if (out.kind === 'write' && edits.length) {
    Object.assign(result, writeBack(task.source.path!, read, cleaned, out.backup));
  }
  return result;
}

/** Writes the cleaned text over the file, if the file is still the one that was read;
 * the original goes to `FILE.bak` (or `.bak.1`, `.bak.2`…: a backup is never
 * overwritten either). */
function writeBack(path: string, read: { text: string; bytes: number; bom: boolean }, cleaned: string, backup: boolean): Partial<Result> {
  const now = readFileSync(path);
  const original = (read.bom ? BOM : '') + read.text;
  if (now.length !== read.bytes || now.toString('utf8') !== original) return { error: 'changed on disk while being cleaned; left as it is' };
  let backupPath: string | undefined;
  if (backup) {
    backupPath = `${path}.bak`;
    for (let n = 1; existsSync(backupPath); n++) backupPath = `${path}.bak.${n}`;
    writeFileSync(backupPath, now, { flag: 'wx' });
  }
  // write beside and rename over, so that an interrupted run leaves the file whole
  const tmp = `${path}.galley-tmp-${process.pid}`;
  writeFileSync(tmp, (read.bom ? BOM : '') + cleaned, { mode: statSync(path).mode });
  renameSync(tmp, path);
  return { written: path, backup: backupPath };
}
