import * as assert from 'node:assert';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TypedDocument } from '../../server/src/typedDocument';
import { prng as rng } from '../fuzz/fuzz';


/** A random change: mostly typing inside a line (some with characters past the line's
 * end, negative or reversed), some line breaks typed, multi-line replacements, lines
 * past the end, whole-text replacements. */
function change(random: () => number, doc: TextDocument): TextDocumentContentChangeEvent {
  const pick = (n: number) => Math.floor(random() * n);
  const line = pick(doc.lineCount + 1) - (random() < 0.05 ? 1 : 0);
  const ch = () => pick(30) - (random() < 0.05 ? 3 : 0);
  const r = random();
  if (r < 0.02) return { text: 'whole\nnew text\r\n' + 'x'.repeat(pick(5)) };
  const texts = ['x', '', 'ab', 'é', '\n', 'a\r\nb', '\r', 'z\nq'];
  const text = r < 0.8 ? texts[pick(3)] : texts[pick(texts.length)];
  if (r < 0.9) return { range: { start: { line, character: ch() }, end: { line, character: ch() } }, text };
  return { range: { start: { line, character: ch() }, end: { line: line + pick(3), character: ch() } }, text };
}

describe('typed document: typing applied on the next read', () => {
  for (const [name, start] of [
    ['line feeds', 'one\ntwo lines of text\n\nthree\nfour and more text here\n'],
    ['no final line break', 'alpha\nbeta gamma\ndelta'],
    ['carriage returns', 'one\r\ntwo\rthree\n\r\nfour'],
    ['empty', ''],
  ]) {
    it(`reads exactly as the library's document after random changes (${name})`, () => {
      const random = rng(name.length * 7919);
      for (let round = 0; round < 40; round++) {
        let lib = TextDocument.create('file:///a.txt', 'article', 1, start);
        const typed = TypedDocument.create('file:///a.txt', 'article', 1, start);
        for (let v = 2; v < 80; v++) {
          const changes = Array.from({ length: 1 + Math.floor(random() * 3) }, () => change(random, lib));
          lib = TextDocument.update(lib, changes, v);
          typed.update(changes, v);
          assert.strictEqual(typed.version, v);
          // reads now and then: typing is applied on a read, in the middle of a burst
          if (random() < 0.3 || v === 79) {
            const text = lib.getText();
            assert.strictEqual(typed.getText(), text, `round ${round}, version ${v}`);
            assert.strictEqual(typed.lineCount, lib.lineCount);
            for (let k = 0; k < 5; k++) {
              const offset = Math.floor(random() * (text.length + 2));
              assert.deepStrictEqual(typed.positionAt(offset), lib.positionAt(offset));
              const position = { line: Math.floor(random() * (lib.lineCount + 1)), character: Math.floor(random() * 20) };
              assert.strictEqual(typed.offsetAt(position), lib.offsetAt(position));
              assert.deepStrictEqual(typed.getLineRange(position.line), lib.getLineRange(position.line));
            }
          }
        }
      }
    });
  }

  it('applies a burst of typing once, when read', () => {
    const text = 'a line of text\n'.repeat(1000);
    const typed = TypedDocument.create('file:///b.txt', 'article', 1, text);
    let lib = TextDocument.create('file:///b.txt', 'article', 1, text);
    for (let i = 0; i < 100; i++) {
      const at = { line: 500, character: 5 + i };
      const c = [{ range: { start: at, end: at }, text: 'x' }];
      typed.update(c, i + 2);
      lib = TextDocument.update(lib, c, i + 2);
    }
    assert.strictEqual(typed.getText(), lib.getText());
    assert.ok(typed.getText().split('\n')[500].includes('x'.repeat(100)));
  });
});
