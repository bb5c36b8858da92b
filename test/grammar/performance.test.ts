// The grammar must stay linear: a scraped paragraph is one line, and lines of 100 KB happen.
// Each line below must tokenize within a generous 1 s (typical: a few ms to ~0.2 s).
import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import { loadGrammar, repoRoot } from './helper';
import { cpuMs } from '../cpuTime';

const LIMIT_MS = 1000;

function timeLine(g: vsctm.IGrammar, line: string): { ms: number; result: vsctm.ITokenizeLineResult } {
  return cpuMs(() => g.tokenizeLine(line, vsctm.INITIAL)); // no time limit: measure the real cost
}

/** Lines built to hit each rule's worst case: runs of its trigger characters with and without a way out. */
function pathologicalLines(): Array<[string, string]> {
  const triggers = [
    '“', '”', '"', "'", '‘', '’', ' ', '\t', '@', '#', '[', ']', '(', '©', '•', '-', ':', '.', '|', '_', 'a', 'A', '1',
    'â€', 'http://', 'www.', 'By ', 'Photo: ', 'Share ', 'Nov ', '1:00 ', 'REUTERS/', 'a@b.', '@a.', '[a1', '(Photo: ',
    '“a ', '‘a’a', "'a ", '1. ', 'A ',
  ];
  const out: Array<[string, string]> = [];
  for (const t of triggers) {
    const n = Math.ceil(50_000 / t.length);
    const name = JSON.stringify(t);
    out.push([`${name} × ${n}`, t.repeat(n)]);
    out.push([`${name} + space, repeated`, (t + ' ').repeat(Math.ceil(n / 2))]);
    out.push([`${name} + letter, repeated`, (t + 'a').repeat(Math.ceil(n / 2))]);
    out.push([`${name} × ${n}, then "x."`, t.repeat(n) + 'x.']);
    out.push([`"x " then ${name} × ${n}`, 'x ' + t.repeat(n)]);
    // a long run that almost makes a match, spoilt by the trigger at its very end
    out.push([`"a" × 50 000 then ${name}`, 'a'.repeat(50_000) + t]);
    out.push([`"a." × 25 000 then ${name}`, 'a.'.repeat(25_000) + t]);
    out.push([`"Aa " × 16 667 then ${name}`, 'Aa '.repeat(16_667) + t]);
  }
  return out;
}

describe('grammar text.article: performance', () => {
  let g: vsctm.IGrammar;
  before(async () => {
    g = await loadGrammar();
    g.tokenizeLine('Warm up: “quotes”, @handles, By Jane Doe, https://example.com', vsctm.INITIAL);
  });

  it('tokenizes a 200 KB single line of article text within 1 s', () => {
    const seed = readFileSync(join(repoRoot, 'test/fixtures/seed/000_c293627eab9434ab.txt'), 'utf8');
    const paragraph = seed.split('\n').filter((l) => l.trim() !== '').join(' ');
    const line = paragraph.repeat(Math.ceil(200_000 / paragraph.length)).slice(0, 200_000);
    assert.strictEqual(line.length, 200_000);
    const { ms, result } = timeLine(g, line);
    assert.ok(ms < LIMIT_MS, `200 KB line took ${ms.toFixed(0)} ms`);
    assert.strictEqual(result.stoppedEarly, false);
    // it really was tokenized, quotes and handles included
    assert.ok(result.tokens.some((t) => t.scopes.includes('string.quoted.double.article')));
    assert.ok(result.tokens.some((t) => t.scopes.includes('entity.name.tag.handle.article')));
  });

  it('tokenizes 50 000 “, 50 000 spaces and 50 000 @ within 1 s each', () => {
    for (const [name, line] of [
      ['“', '“'.repeat(50_000)],
      ['space', ' '.repeat(50_000)],
      ['@', '@'.repeat(50_000)],
    ]) {
      const { ms } = timeLine(g, line);
      assert.ok(ms < LIMIT_MS, `50 000 × ${name} took ${ms.toFixed(0)} ms`);
    }
  });

  it('tokenizes every pathological line within 1 s', function () {
    this.timeout(120_000);
    const slow: string[] = [];
    for (const [name, line] of pathologicalLines()) {
      const { ms } = timeLine(g, line);
      if (ms >= LIMIT_MS) slow.push(`${name}: ${ms.toFixed(0)} ms`);
    }
    assert.deepStrictEqual(slow, []);
  });

  it('tokenizes every line of the dev scrapes within 1 s, leaving no state behind', () => {
    const dir = join(repoRoot, 'test/fixtures/scrapes-dev');
    const root = g.tokenizeLine('', vsctm.INITIAL).ruleStack;
    const problems: string[] = [];
    let lines = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      let state = vsctm.INITIAL;
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const { ms, result: r } = cpuMs(() => g.tokenizeLine(line, state));
          if (ms >= LIMIT_MS) problems.push(`${file}:${i + 1} took ${ms.toFixed(0)} ms`);
          if (!r.ruleStack.equals(root)) problems.push(`${file}:${i + 1} left a rule open`);
          state = r.ruleStack;
          lines++;
        });
    }
    assert.ok(lines > 10_000, `only ${lines} lines read`);
    assert.deepStrictEqual(problems, []);
  });
});
