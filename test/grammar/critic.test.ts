// CriticMarkup in the grammar: each kind of annotation carries the standard scope every
// theme colours (markup.highlight, comment.block, markup.inserted, markup.deleted,
// markup.changed), tags in notes are tags, an unclosed opener colours no further than its
// line, and hostile lines of openers stay fast.
import * as assert from 'node:assert';
import type { IGrammar } from 'vscode-textmate';
import { assertNoScope, assertScope, loadGrammar, tokenize } from './helper';

describe('grammar: CriticMarkup annotations', () => {
  let g: IGrammar;
  before(async () => {
    g = await loadGrammar();
  });

  const body = 'The council {==approved the budget==}{>>#claim needs a second source<<} on {~~Monday~>Tuesday~~}, {++officials said, ++}after {--a long--} debate.';

  it('colours each kind with its standard scope', () => {
    assertScope(g, body, 'approved the budget', 'markup.highlight');
    assertScope(g, body, 'needs a second source', 'comment.block');
    assertScope(g, body, 'officials said', 'markup.inserted');
    assertScope(g, body, 'a long', 'markup.deleted');
    assertScope(g, body, 'Monday', 'markup.changed');
    assertScope(g, body, 'Tuesday', 'markup.changed');
    assertScope(g, body, '~>', 'punctuation.separator.critic');
    assertScope(g, body, '{==', 'punctuation.definition.critic');
    assertScope(g, body, '<<}', 'punctuation.definition.critic');
  });

  it('tags in notes are tags; text outside the markup is not annotated', () => {
    assertScope(g, body, '#claim', 'entity.name.tag.critic');
    assertNoScope(g, body, 'The council', 'markup.highlight');
    assertNoScope(g, body, 'debate', 'markup.deleted');
    assertNoScope(g, body, 'debate', 'comment.block');
  });

  it('works in headlines, quotes and whole-line cuts', () => {
    assertScope(g, '{==Judge Zia Faruqui is trying to teach you crypto==}{>>#check<<}', 'Judge Zia', 'markup.highlight');
    assertScope(g, 'She said “we {--never--} agreed” on Tuesday.', 'never', 'markup.deleted');
    assertScope(g, '{--Share--}', 'Share', 'markup.deleted');
    assertNoScope(g, '{--Share--}', 'Share', 'comment.line.ui');
  });

  it('an unclosed opener colours the rest of its line only', () => {
    const text = 'An {==unclosed highlight here.\nThe next line is plain text.';
    assertScope(g, text, 'unclosed highlight', 'markup.highlight');
    assertNoScope(g, text, 'The next line', 'markup.highlight');
  });

  it('hostile lines (30,000 unclosed openers, 50,000 "#" in a note, 10,000 stray closers) tokenize within 1 s each', () => {
    for (const line of ['{=='.repeat(30_000), '{>>' + '#'.repeat(50_000), '{>>' + '#-'.repeat(25_000), 'x ==} {~~ ~> '.repeat(10_000)]) {
      const t0 = performance.now();
      tokenize(g, line);
      const ms = performance.now() - t0;
      assert.ok(ms < 1000, `${ms.toFixed(0)} ms on ${line.slice(0, 12)}…`);
    }
  });
});
