// Structural checks on syntaxes/article.tmLanguage.json: generated from build-grammar.mjs, wired
// into package.json, every scope ends in ".article", every rule is line-bounded, every regex
// compiles in Oniguruma and avoids the one quantifier form that is not what it looks like.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { grammarPath, loadGrammar, repoRoot } from './helper';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every (path, key, value) of a JSON tree. */
function* walk(node: Json, path = ''): Generator<[string, string, Json]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* walk(node[i], `${path}[${i}]`);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      yield [path, k, v];
      yield* walk(v, `${path}.${k}`);
    }
  }
}

describe('grammar text.article: structure', () => {
  const raw = readFileSync(grammarPath, 'utf8');
  const grammar = JSON.parse(raw) as { [k: string]: Json };
  const entries = [...walk(grammar)];
  const regexes = entries.filter(([, k, v]) => ['match', 'begin', 'end'].includes(k) && typeof v === 'string') as Array<
    [string, string, string]
  >;

  before(async () => {
    await loadGrammar(); // loads the Oniguruma wasm
  });

  it('is up to date with syntaxes/build-grammar.mjs', () => {
    // throws (non-zero exit) when the JSON differs from what the generator writes
    execFileSync(process.execPath, [join(repoRoot, 'syntaxes/build-grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('is the grammar package.json contributes for language "article"', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'article');
    assert.strictEqual(contributed.scopeName, 'text.article');
    assert.strictEqual(join(repoRoot, contributed.path), grammarPath);
    assert.strictEqual(grammar.scopeName, 'text.article');
  });

  it('ends every scope name with ".article"', () => {
    const names = entries.filter(([, k, v]) => (k === 'name' || k === 'contentName') && typeof v === 'string');
    assert.ok(names.length > 20);
    const bad = names.filter(([path, , v]) => path !== '' && !String(v).endsWith('.article'));
    assert.deepStrictEqual(bad, []);
  });

  it('keeps every rule on one line: no while rules, every end also matches at end of line', () => {
    assert.ok(!entries.some(([, k]) => k === 'while'), 'a while rule spans lines');
    const ends = regexes.filter(([, k]) => k === 'end');
    assert.ok(ends.length > 0);
    for (const [path, , end] of ends) {
      assert.ok(end === '$' || end.endsWith('|$'), `${path}.end = ${end} can run past the line`);
    }
    const begins = regexes.filter(([, k]) => k === 'begin').length;
    assert.strictEqual(begins, ends.length);
  });

  it('compiles every regex in Oniguruma', () => {
    assert.ok(regexes.length > 25);
    const failures: string[] = [];
    for (const [path, key, source] of regexes) {
      try {
        new oniguruma.OnigScanner([source]).dispose();
      } catch (e) {
        failures.push(`${path}.${key}: ${(e as Error).message}`);
      }
    }
    assert.deepStrictEqual(failures, []);
  });

  it('never uses {n,m}+ (in Oniguruma’s Ruby syntax a nested quantifier, not a possessive one)', () => {
    const bad = regexes.filter(([, , source]) => /(?<!\\)\{\d*,?\d*\}[+*]/.test(source));
    assert.deepStrictEqual(bad, []);
  });
});
