// Helpers for the LSP tests: positions and edits on plain strings (written here, not
// taken from the server), workspace edits, and a session on the seed scrape.
import * as assert from 'node:assert';
import type { Diagnostic, Position, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Fixture, Line, loadSeed, splitLines } from '../model/helpers';
import { LspClient, pullCapabilities, pushCapabilities } from './client';

export const SEED_URI = 'file:///galley-test/seed/000_c293627eab9434ab.article';

export function offsetAt(lines: readonly Line[], p: Position): number {
  const l = lines[p.line];
  if (!l) throw new Error(`line ${p.line} is outside the document (${lines.length} lines)`);
  if (p.character > l.end - l.start) throw new Error(`character ${p.character} is beyond line ${p.line} (${l.end - l.start} characters)`);
  return l.start + p.character;
}

export function positionAt(lines: readonly Line[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.min(offset, lines[lo].end) - lines[lo].start };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangeContainsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** Is the range well-formed and inside the document (characters within their lines)? */
export function rangeInside(lines: readonly Line[], r: Range): boolean {
  const ok = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].end - lines[p.line].start;
  return ok(r.start) && ok(r.end) && comparePositions(r.start, r.end) <= 0;
}

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function toOffsetEdits(text: string, edits: readonly LspTextEdit[]): OffsetEdit[] {
  const lines = splitLines(text);
  return edits.map((e) => ({ start: offsetAt(lines, e.range.start), end: offsetAt(lines, e.range.end), newText: e.newText }));
}

/** Throws unless the edits, sorted by position, never overlap. */
export function assertDisjoint(edits: readonly OffsetEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i - 1].end <= sorted[i].start, `edits overlap: ${JSON.stringify(sorted.slice(i - 1, i + 1))}`);
  }
}

/** Applies LSP text edits to a text, as a client would: all positions refer to the
 * original text; overlapping edits are an error. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const offs = toOffsetEdits(text, edits);
  assertDisjoint(offs);
  const sorted = offs.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface BoundEdits {
  /** The version the edits are bound to (documentChanges), or undefined (changes). */
  version: number | null | undefined;
  form: 'documentChanges' | 'changes';
  edits: LspTextEdit[];
}

/** The edits a workspace edit makes to `uri`; fails on edits to other documents. */
export function editsFor(we: WorkspaceEdit | undefined, uri: string): BoundEdits {
  assert.ok(we, 'no workspace edit');
  if (we.documentChanges) {
    assert.strictEqual(we.changes, undefined, 'both documentChanges and changes');
    const docs = we.documentChanges as { textDocument?: { uri: string; version: number | null }; edits?: LspTextEdit[] }[];
    assert.ok(docs.every((d) => d.textDocument && d.edits), 'documentChanges holds file operations');
    assert.deepStrictEqual([...new Set(docs.map((d) => d.textDocument!.uri))], [uri], 'edits to other documents');
    assert.strictEqual(docs.length, 1, 'more than one TextDocumentEdit for the document');
    return { version: docs[0].textDocument!.version, form: 'documentChanges', edits: docs[0].edits! };
  }
  assert.ok(we.changes, 'neither documentChanges nor changes');
  assert.deepStrictEqual(Object.keys(we.changes), [uri], 'edits to other documents');
  return { version: undefined, form: 'changes', edits: we.changes[uri] };
}

/** Markdown without its backslash escapes. */
export function unescapeMd(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#+!|<>.-])/g, '$1');
}

/** The links of a Markdown text: [text](target), the text unescaped. */
export function mdLinks(md: string): { text: string; target: string }[] {
  const out: { text: string; target: string }[] = [];
  const re = /\[((?:\\.|[^\\\]])*)\]\(((?:\\.|[^\\)\s])*)\)/g;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ text: unescapeMd(m[1]), target: unescapeMd(m[2]) });
  return out;
}

export function diagnosticKey(d: Diagnostic): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

export interface SeedSession {
  client: LspClient;
  seed: Fixture;
  uri: string;
  init: any;
}

/** A server with the seed open: `pull` picks the client's diagnostic model. */
export async function startSeedSession(options: { pull: boolean; settings?: Record<string, unknown>; version?: number }): Promise<SeedSession> {
  const seed = loadSeed();
  const client = new LspClient({ settings: options.settings ?? { galley: {} } });
  const init = await client.initialize(options.pull ? pullCapabilities() : pushCapabilities());
  client.open(SEED_URI, seed.text, options.version ?? 1);
  return { client, seed, uri: SEED_URI, init };
}

export async function pullDiagnostics(client: LspClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.strictEqual(report?.kind, 'full', `expected a full report, got ${JSON.stringify(report)?.slice(0, 200)}`);
  return report.items as Diagnostic[];
}

export async function codeActionsFor(client: LspClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<any[]> {
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only, triggerKind: only ? 1 : 2 },
  });
  return (actions ?? []) as any[];
}

export function wholeDocument(text: string): Range {
  const lines = splitLines(text);
  const last = lines[lines.length - 1];
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: last.end - last.start } };
}
