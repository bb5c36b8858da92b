// The server's open documents. vscode-languageserver-textdocument rebuilds the whole
// text for every change: on a 1 MB document each keystroke copies megabytes, and a burst
// of edits (a paste of many small changes, fast typing, a macro) queues ahead of the
// diagnostics for seconds. Nobody reads the text between the changes of a burst, so
// this document only notes typing (changes inside one line) and applies all of it, line
// by line, when the text is next read; any other change is applied as the library
// applies it. The text read is always the library's, character for character.

import { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export class TypedDocument implements TextDocument {
  #doc: TextDocument;
  #version: number;
  /** Lines changed by typing not yet applied: line number → its text now. */
  #lines = new Map<number, string>();
  /** Whether typing may be noted: not once the text may hold a carriage return (a
   * line emptied between "\r" and "\n" joins them into one line break), nor once a
   * change reached past the last line (the library's line table then no longer matches
   * its text, and only the library can read such a document as it does). */
  #noting: boolean;

  constructor(doc: TextDocument) {
    this.#doc = doc;
    this.#version = doc.version;
    this.#noting = !doc.getText().includes('\r');
  }

  static create(uri: string, languageId: string, version: number, content: string): TypedDocument {
    return new TypedDocument(TextDocument.create(uri, languageId, version, content));
  }

  get uri(): string {
    return this.#doc.uri;
  }

  get languageId(): string {
    return this.#doc.languageId;
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    // typing never adds or removes a line
    return this.#doc.lineCount;
  }

  getText(range?: Range): string {
    return this.#applied().getText(range);
  }

  positionAt(offset: number): Position {
    return this.#applied().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.#applied().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.#applied().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.#applied().getEOLCharacters(line);
  }

  /** TextDocument.update's work: the changes in order, typing noted, the rest applied. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const c of changes) {
      if (!this.#type(c)) {
        const doc = this.#applied();
        const range = (c as { range?: Range }).range;
        if (c.text.includes('\r') || (range && !(inside(doc, range.start.line) && inside(doc, range.end.line)))) this.#noting = false;
        this.#doc = TextDocument.update(doc, [c], version);
      }
    }
    this.#version = version;
  }

  /** Notes a change inside one line, with the library's reading of its range (ends
   * swapped when reversed, a character past the line's end at its end); false for any
   * other change. */
  #type(c: TextDocumentContentChangeEvent): boolean {
    const range = (c as { range?: Range }).range;
    if (!range || !this.#noting || /[\r\n]/.test(c.text)) return false;
    let { start, end } = range;
    if (start.line !== end.line || !inside(this.#doc, start.line)) return false;
    if (start.character > end.character) [start, end] = [end, start];
    const line = start.line;
    const text = this.#lines.get(line) ?? this.#doc.getText().slice(...lineSpan(this.#doc, line));
    const s = Math.min(Math.max(start.character, 0), text.length);
    const e = Math.min(Math.max(end.character, 0), text.length);
    this.#lines.set(line, text.slice(0, s) + c.text + text.slice(e));
    return true;
  }

  /** The document with the noted typing applied: each changed line replaced as the
   * library replaces a range (which keeps its line table), or, for many lines, the text
   * rebuilt at once. */
  #applied(): TextDocument {
    if (!this.#lines.size) return this.#doc;
    let doc = this.#doc;
    const lines = [...this.#lines].sort((a, b) => a[0] - b[0]);
    this.#lines.clear();
    if (lines.length <= 4) {
      const changes = lines.map(([line, text]) => {
        const [from, to] = lineSpan(doc, line);
        return { range: { start: { line, character: 0 }, end: { line, character: to - from } }, text };
      });
      this.#doc = TextDocument.update(doc, changes, this.#version);
      return this.#doc;
    }
    const old = doc.getText();
    const parts: string[] = [];
    let at = 0;
    for (const [line, text] of lines) {
      const [from, to] = lineSpan(doc, line);
      parts.push(old.slice(at, from), text);
      at = to;
    }
    parts.push(old.slice(at));
    this.#doc = doc = TextDocument.update(doc, [{ text: parts.join('') }], this.#version);
    return doc;
  }
}

/** Where a line's text starts and ends (before its "\n": typing is noted only in text
 * without carriage returns). */
function lineSpan(doc: TextDocument, line: number): [number, number] {
  const from = doc.offsetAt({ line, character: 0 });
  const to = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) - 1 : doc.getText().length;
  return [from, to];
}

function inside(doc: TextDocument, line: number): boolean {
  return line >= 0 && line < doc.lineCount;
}
