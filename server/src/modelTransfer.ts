// How a model crosses from the analysis thread to the server's main thread. Most of a
// model is its blocks (for a 1 MB scrape, 13k of them: four fifths of the model as JSON),
// and each block's text is a slice of the document the main thread already holds. So
// the blocks travel as numbers in one transferred buffer (no copy, no parse) and their
// texts are sliced again from the document; only a block whose text is not its span's
// slice (a text read through annotations) sends its text. The line starts travel as a
// buffer too; the rest of the model (stories, people, findings) as JSON text.
//
// decodeModel(encodeModel(m), m.text) gives back what JSON.parse(JSON.stringify(m))
// gives: the same values, the same keys in the same order.

import { ArticleModel, Block, Role } from './article';

/** Numbers per block in `blocks`: line, lineSpan, span, story, role. */
const STRIDE = 7;

export interface EncodedModel {
  /** The model's keys in order. */
  keys: string[];
  /** JSON of the model without text, blocks and lineStarts. */
  json: string;
  /** STRIDE numbers per block. */
  blocks: Int32Array;
  /** Role names; `blocks` holds their index. */
  roles: string[];
  /** Blocks whose text is not text.slice(span.start, span.end): [block index, text]. */
  texts: [number, string][];
  lineStarts: Int32Array;
}

export function encodeModel(model: ArticleModel): EncodedModel {
  const { text, blocks, lineStarts, ...rest } = model;
  const roleIndex = new Map<string, number>();
  const roles: string[] = [];
  const cols = new Int32Array(blocks.length * STRIDE);
  const texts: [number, string][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    let r = roleIndex.get(b.role);
    if (r === undefined) {
      r = roles.length;
      roles.push(b.role);
      roleIndex.set(b.role, r);
    }
    const k = i * STRIDE;
    cols[k] = b.line;
    cols[k + 1] = b.lineSpan.start;
    cols[k + 2] = b.lineSpan.end;
    cols[k + 3] = b.span.start;
    cols[k + 4] = b.span.end;
    cols[k + 5] = b.story;
    cols[k + 6] = r;
    if (b.index !== i) throw new Error(`block ${i} holds index ${b.index}`);
    // (a page without notes reads every block as its span's slice: nothing to compare)
    if (model.annotations && b.text !== text.slice(b.span.start, b.span.end)) texts.push([i, b.text]);
  }
  return { keys: Object.keys(model), json: JSON.stringify(rest), blocks: cols, roles, texts, lineStarts: Int32Array.from(lineStarts) };
}

/** The buffers encodeModel's result can hand over instead of copying. */
export function transferables(m: EncodedModel): ArrayBuffer[] {
  return [m.blocks.buffer as ArrayBuffer, m.lineStarts.buffer as ArrayBuffer];
}

export function decodeModel(m: EncodedModel, text: string): ArticleModel {
  const rest = JSON.parse(m.json) as Record<string, unknown>;
  // (a loop: Array.from walks a typed array through its iterator, several times slower)
  const starts = m.lineStarts;
  const lineStarts: number[] = [];
  for (let i = 0; i < starts.length; i++) lineStarts.push(starts[i]);
  const out: Record<string, unknown> = {};
  for (const key of m.keys) {
    if (key === 'text') out[key] = text;
    else if (key === 'blocks') blocksWhenRead(out, m, text);
    else if (key === 'lineStarts') out[key] = lineStarts;
    // (a key whose value JSON left out, being undefined, stays out)
    else if (key in rest) out[key] = rest[key];
  }
  return out as unknown as ArticleModel;
}

/** Puts `blocks` on the model as a property that makes them when first read, and is
 * then a plain property holding them. Diagnostics, which a big document waits for, read
 * none of the 13k blocks of a 1 MB scrape: they are made later, if a request needs them,
 * off the path from a keystroke to its problems. */
function blocksWhenRead(out: Record<string, unknown>, m: EncodedModel, text: string): void {
  const set = (blocks: Block[]) => Object.defineProperty(out, 'blocks', { value: blocks, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(out, 'blocks', {
    get: () => {
      const blocks = decodeBlocks(m, text);
      set(blocks);
      return blocks;
    },
    set,
    enumerable: true,
    configurable: true,
  });
}

function decodeBlocks(m: EncodedModel, text: string): Block[] {
  const cols = m.blocks;
  const n = cols.length / STRIDE;
  const odd = new Map(m.texts);
  const blocks: Block[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = i * STRIDE;
    const start = cols[k + 3];
    const end = cols[k + 4];
    blocks[i] = {
      index: i,
      line: cols[k],
      lineSpan: { start: cols[k + 1], end: cols[k + 2] },
      span: { start, end },
      text: odd.get(i) ?? text.slice(start, end),
      role: m.roles[cols[k + 6]] as Role,
      story: cols[k + 5],
    };
  }
  return blocks;
}
