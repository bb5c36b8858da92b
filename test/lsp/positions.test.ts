import * as assert from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineTable } from '../../server/src/article';
import { positionsOf } from '../../server/src/convert';

describe('positions from the model\'s line starts', () => {
  for (const text of ['', 'one line', 'a\nb\n', 'a\r\nb\r\n\r\nc', 'x\ry\r\rz', '\n\r\n\r', 'mixed\r\nbreaks\nand\rmore\r\n']) {
    it(`answers as positionAt for every offset (${JSON.stringify(text)})`, () => {
      const doc = TextDocument.create('file:///p.article', 'article', 1, text);
      const at = positionsOf(doc, { text: doc.getText(), lineStarts: lineTable(text).starts });
      for (let o = -2; o <= text.length + 2; o++) assert.deepStrictEqual(at(o), doc.positionAt(o), `offset ${o}`);
    });
  }

  it('falls back on the document when it holds another text', () => {
    const doc = TextDocument.create('file:///p.article', 'article', 1, 'new\ntext\n');
    const at = positionsOf(doc, { text: 'old', lineStarts: [0] });
    assert.deepStrictEqual(at(5), doc.positionAt(5));
  });
});
