// language-configuration.json for language "article": pairs for quotes and brackets, a word
// pattern for prose, no comment tokens (plain text has none).
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helper';

interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}

const config = JSON.parse(readFileSync(join(repoRoot, 'language-configuration.json'), 'utf8'));
const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['"', '"'],
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

function words(text: string): string[] {
  // VS Code builds the RegExp from pattern + flags the same way
  const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags);
  return text.match(re) ?? [];
}

describe('language-configuration.json', () => {
  it('is the configuration package.json declares for language "article"', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'article');
    assert.strictEqual(lang.configuration, './language-configuration.json');
  });

  it('auto-closes quotes and brackets', () => {
    const auto = (config.autoClosingPairs as Pair[]).map((p) => [p.open, p.close]);
    for (const pair of PAIRS) assert.ok(auto.some(([o, c]) => o === pair[0] && c === pair[1]), `missing ${pair.join('')}`);
  });

  it('surrounds a selection with quotes and brackets', () => {
    const surround = config.surroundingPairs as Array<[string, string]>;
    for (const pair of PAIRS) assert.ok(surround.some(([o, c]) => o === pair[0] && c === pair[1]), `missing ${pair.join('')}`);
  });

  it('does not auto-close an apostrophe', () => {
    const auto = config.autoClosingPairs as Pair[];
    assert.ok(!auto.some((p) => p.open === "'" || p.open === '’'));
  });

  it('declares no comment tokens', () => {
    assert.strictEqual(config.comments, undefined);
  });

  it('has a word pattern that keeps names with apostrophes and hyphens whole', () => {
    assert.deepStrictEqual(words('O’Brien met Jean-Luc at Workers\' Daily; they’re “fine”.'), [
      'O’Brien',
      'met',
      'Jean-Luc',
      'at',
      'Workers',
      'Daily',
      'they’re',
      'fine',
    ]);
    assert.deepStrictEqual(words("the 'common prosperity' agenda, O'Neill's 2021 re-election"), [
      'the',
      'common',
      'prosperity',
      'agenda',
      "O'Neill's",
      '2021',
      're-election',
    ]);
    assert.deepStrictEqual(words('Zürich — São Paulo — 新就业形态'), ['Zürich', 'São', 'Paulo', '新就业形态']);
  });
});
