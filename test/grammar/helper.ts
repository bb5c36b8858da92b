// Test helper: loads syntaxes/article.tmLanguage.json with vscode-textmate + vscode-oniguruma and
// answers "which scopes does this piece of text carry?".
import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** The repository root, found from this (bundled) file's location. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'syntaxes', 'article.tmLanguage.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`syntaxes/article.tmLanguage.json not found above ${__dirname}`);
    dir = up;
  }
  return dir;
})();

export const grammarPath = join(repoRoot, 'syntaxes', 'article.tmLanguage.json');

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasmPath = join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
    const wasm = readFileSync(wasmPath);
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigReady;
}

export async function loadGrammar(): Promise<vsctm.IGrammar> {
  await loadOniguruma();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.article') return null;
      return vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('text.article');
  if (!grammar) throw new Error('grammar text.article did not load');
  return grammar;
}

export interface Token {
  line: number; // 0-based
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

const cache = new WeakMap<vsctm.IGrammar, Map<string, Token[][]>>();

/** Tokenizes `text` line by line (as VS Code does), carrying the rule stack across lines. */
export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let perGrammar = cache.get(grammar);
  if (!perGrammar) cache.set(grammar, (perGrammar = new Map()));
  const hit = perGrammar.get(text);
  if (hit) return hit;
  const result = tokenizeUncached(grammar, text);
  if (text.length < 1_000_000) perGrammar.set(text, result);
  return result;
}

function tokenizeUncached(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({
      line,
      start: t.startIndex,
      end: Math.min(t.endIndex, lineText.length),
      text: lineText.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}

/** `scope` selects `actual` the way a theme rule does: equal, or a dot-separated prefix. */
export function scopeMatches(actual: string, scope: string): boolean {
  return actual === scope || actual.startsWith(scope + '.');
}

/**
 * The tokens that overlap the `occurrence`-th appearance of `needle` in `text` (which must not span
 * lines). Throws if the needle is not there, so a typo in a test cannot pass silently.
 */
export function tokensOf(grammar: vsctm.IGrammar, text: string, needle: string, occurrence = 0): Token[] {
  if (needle === '' || needle.includes('\n')) throw new Error('needle must be non-empty and on one line');
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let from = 0;
    for (;;) {
      const at = lines[i].indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === occurrence) {
        const toks = tokenize(grammar, text)[i];
        const end = at + needle.length;
        return toks.filter((t) => t.start < end && t.end > at);
      }
      from = at + 1;
    }
  }
  throw new Error(`needle ${JSON.stringify(needle)} (#${occurrence}) not found in the text`);
}

function describeTokens(toks: Token[]): string {
  return toks.map((t) => `  ${JSON.stringify(t.text)} → ${t.scopes.slice(1).join(' ') || '(no scope)'}`).join('\n');
}

/** Asserts that every character of `needle` carries `scope` (or a more specific scope under it). */
export function assertScope(grammar: vsctm.IGrammar, text: string, needle: string, scope: string, occurrence = 0): void {
  const toks = tokensOf(grammar, text, needle, occurrence);
  const bad = toks.filter((t) => !t.scopes.some((s) => scopeMatches(s, scope)));
  assert.ok(
    toks.length > 0 && bad.length === 0,
    `expected ${JSON.stringify(needle)} to be all "${scope}", got:\n${describeTokens(toks)}`,
  );
}

/** Asserts that no character of `needle` carries `scope` (nor anything under it). */
export function assertNoScope(grammar: vsctm.IGrammar, text: string, needle: string, scope: string, occurrence = 0): void {
  const toks = tokensOf(grammar, text, needle, occurrence);
  const bad = toks.filter((t) => t.scopes.some((s) => scopeMatches(s, scope)));
  assert.ok(bad.length === 0, `expected ${JSON.stringify(needle)} to have no "${scope}", got:\n${describeTokens(toks)}`);
}

/** Asserts that the whole (trimmed) 1-based line `lineNo` of `text` carries `scope`. */
export function assertLineScope(grammar: vsctm.IGrammar, text: string, lineNo: number, scope: string): void {
  const lineText = text.split(/\r?\n/)[lineNo - 1];
  assert.ok(lineText !== undefined && lineText.trim() !== '', `line ${lineNo} is missing or blank`);
  const occurrence = text
    .split(/\r?\n/)
    .slice(0, lineNo - 1)
    .reduce((n, l) => n + countOccurrences(l, lineText.trim()), 0);
  assertScope(grammar, text, lineText.trim(), scope, occurrence);
}

/** Asserts that no character of the 1-based line `lineNo` of `text` carries `scope`. */
export function assertLineNoScope(grammar: vsctm.IGrammar, text: string, lineNo: number, scope: string): void {
  const toks = tokenize(grammar, text)[lineNo - 1];
  assert.ok(toks !== undefined, `line ${lineNo} is missing`);
  const bad = toks.filter((t) => t.scopes.some((s) => scopeMatches(s, scope)));
  assert.ok(bad.length === 0, `expected line ${lineNo} to have no "${scope}", got:\n${describeTokens(bad)}`);
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** The scopes (minus the root `text.article`) of every token of a one-line text, for debugging. */
export function dump(grammar: vsctm.IGrammar, text: string): string {
  return tokenize(grammar, text)
    .map((line) => describeTokens(line))
    .join('\n');
}
