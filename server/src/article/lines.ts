// Line bookkeeping with the same notion of a line break as LSP and VS Code
// (\r\n, \n or a lone \r), so that model line numbers are editor line numbers.

export interface LineTable {
  /** Offset where each line starts. */
  starts: number[];
  /** Offset where each line's content ends (before its line break). */
  ends: number[];
}

export function lineTable(text: string): LineTable {
  // most texts break lines with "\n" alone: those are counted, then filled in, by
  // indexOf (a native search) into arrays made at their size (below the size where
  // V8 would make such an array a dictionary)
  const lf = !text.includes('\r');
  let count = 0;
  if (lf) for (let i = text.indexOf('\n'); i >= 0 && count < 1 << 24; i = text.indexOf('\n', i + 1)) count++;
  if (lf && count < 1 << 24) {
    const starts: number[] = new Array(count + 1);
    const ends: number[] = new Array(count + 1);
    starts[0] = 0;
    let k = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends[k++] = i;
      starts[k] = i + 1;
    }
    ends[k] = text.length;
    return { starts, ends };
  }
  const starts = [0];
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      ends.push(i);
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      ends.push(i);
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(n);
  return { starts, ends };
}

/** Binary search: the line that contains `offset`. */
export function lineAt(table: { readonly starts: readonly number[] }, offset: number): number {
  const s = table.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const WS = /\s/;

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!WS.test(text[i])) return false;
  return true;
}
