// Hard inputs for the pure model: texts no scrape should be, and the model must survive
// anyway: no exception, every range inside the document, fix-all edits that never
// overlap and remove nothing outside a finding (test/model/invariants.ts). Nothing here
// is timed except by a generous safety bound on the big inputs: a guard against hangs,
// not a speed target (speed is `npm run bench`'s business).
import * as assert from 'node:assert';
import { analyzeArticle } from '../../server/src/article';
import { corpusPages } from '../fuzz/fuzz';
import { loadSeed } from './helpers';
import { checkText } from './invariants';

function assertSound(text: string): ReturnType<typeof checkText> {
  const r = checkText(text, { idempotence: true });
  assert.deepStrictEqual(r.violations, []);
  return r;
}

/** Bytes decoded as an editor would: UTF-8 with U+FFFD for what is not UTF-8. */
function decode(bytes: number[] | Uint8Array): string {
  return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
}

const seed = loadSeed().text;
const cruft = ['Share', 'Tweet', 'Photo: Jane Doe/Getty Images', 'Advertisement', 'Keep ReadingShow less', 'Sign up for our newsletter', 'Subscribe', '© 2024 Example Media. All rights reserved.', 'Home', 'News', 'Sports'];

describe('model: hard inputs', () => {
  const cases: [string, () => string][] = [
    ['an empty file', () => ''],
    ['one line break', () => '\n'],
    ['only blank lines (LF)', () => '\n'.repeat(50)],
    ['only blank lines (CRLF, lone CR, white space)', () => ' \r\n\t\r\r\n\u00a0\n\u3000\r\n'.repeat(20)],
    ['only cruft', () => cruft.join('\n\n')],
    ['only cruft, repeated', () => cruft.join('\n').repeat(200)],
    ['NUL bytes', () => '\u0000'.repeat(10_000)],
    ['NUL bytes between lines of the seed', () => seed.replace(/\n/g, '\n\u0000')],
    ['every byte value, read as Latin-1', () => Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
    ['every byte value, read as UTF-8', () => decode(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256))],
    ['invalid UTF-8 sequences in prose', () => decode([...Buffer.from(seed.slice(0, 5000), 'utf8')].map((b, i) => (i % 97 === 0 ? 0xc3 : i % 89 === 0 ? 0xff : b)))],
    ['lone surrogates', () => seed.slice(0, 3000).replace(/e/g, '\ud800').replace(/o/g, '\udc00')],
    ['a surrogate pair cut at the end', () => 'A headline\n\nText 😀 and more text \ud83d'],
    ['a byte-order mark at the start', () => '\ufeff' + seed],
    ['byte-order marks on every line', () => seed.replace(/\n/g, '\n\ufeff')],
    ['the seed with CRLF line ends', () => seed.replace(/\n/g, '\r\n')],
    ['the seed with lone CR line ends', () => seed.replace(/\n/g, '\r')],
    ['mixed line ends', () => seed.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('')],
    ['CRLF split by a lone CR before it', () => 'Headline\r\r\nText\r\n\r\r\n\rMore text.'],
    ['line separators U+2028 and NEL', () => seed.slice(0, 4000).replace(/\n/g, '\u2028').replace(/\. /g, '.\u0085')],
    ['deeply nested quotes', () => 'Headline\n\n' + '“‘"\''.repeat(5000) + 'He said so.' + '\'"’”'.repeat(5000)],
    ['deeply nested brackets', () => 'Headline\n\n' + '([{<'.repeat(5000) + 'text' + '>}])'.repeat(5000)],
    ['quotes on every line', () => Array.from({ length: 2000 }, (_, i) => '"'.repeat(i % 50) + 'quoted' + '"'.repeat(i % 50)).join('\n')],
    ['a line of 200,000 spaces', () => 'Headline\n\n' + ' '.repeat(200_000) + '\n\nText.'],
    ['a line of 200,000 entities', () => '&amp;'.repeat(40_000)],
    ['200,000 characters without a space', () => 'x'.repeat(200_000)],
    ['a 1 MB paragraph of one sentence repeated', () => 'The council met on Tuesday to discuss the budget. '.repeat(20_000)],
  ];
  for (const [name, make] of cases) {
    it(`survives ${name}`, () => {
      assertSound(make());
    });
  }

  it('reads every corpus page with a byte-order mark and CRLF line ends as without them', () => {
    for (const p of corpusPages().slice(0, 20)) {
      const plain = analyzeArticle(p.text);
      const crlf = '\ufeff' + p.text.replace(/\r?\n/g, '\r\n');
      const r = assertSound(crlf);
      assert.strictEqual(r.model!.stories.length, plain.stories.length, p.name);
      assert.strictEqual(r.model!.findings.filter((f) => f.kind !== 'encoding').length, plain.findings.filter((f) => f.kind !== 'encoding').length, p.name);
    }
  });

  describe('big inputs (safety bound: 60 s each, where seconds are expected)', function () {
    this.timeout(60_000);
    // (a single 40 MB line is analysed by the server in test/lsp/hardInputs.test.ts)
    it('survives 1,000,000 one-character lines', () => {
      const r = assertSound('a\n'.repeat(1_000_000));
      assert.strictEqual(r.model!.lineCount, 1_000_001);
    });
    it('survives 300,000 one-character lines of different characters and line ends', () => {
      const chars = ['a', '.', '•', '|', '"', '\u0000', ' ', '1', 'A', '-'];
      const eols = ['\n', '\r\n', '\r'];
      let text = '';
      for (let i = 0; i < 300_000; i++) text += chars[i % chars.length] + eols[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0];
      assertSound(text);
    });
  });
});
