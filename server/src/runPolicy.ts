// When a document's findings are shown. Prose linters are disliked for nagging while
// one types: squiggles under the word being written, a fresh list on every keystroke.
// Galley lets the user choose (galley.run) and, on type, holds back the findings on the
// lines being edited until the typing pauses.
//
//   onType  every version is checked; findings on the lines edited in the last
//           `quietMs` are left out until the pause, then shown
//   onSave  checked when opened and when saved; between saves the last report stands
//   manual  checked only when asked ("Galley: Check Document")
//
// Pure bookkeeping (no LSP): the server asks it whether a report is due, which lines
// to hold back, and when the held findings may be shown.

import { RunMode } from './settings';

/** A change as the document manager sees it: an LSP range (or a whole-text change). */
export interface EditRange {
  range?: { start: { line: number }; end: { line: number } };
  text: string;
}

interface Burst {
  first: number;
  last: number;
  at: number;
}

export class RunPolicy {
  readonly #edits = new Map<string, Burst>();
  // why a document's next report is due: opened or saved (onSave checks), asked for by
  // the user (every mode checks)
  readonly #due = new Map<string, Set<'open' | 'save' | 'ask'>>();

  constructor(
    readonly quietMs = 1500,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records the lines a change touched, merged with the ongoing burst of typing. */
  edited(uri: string, changes: readonly EditRange[]): void {
    const t = this.now();
    let burst = this.#edits.get(uri);
    if (burst && t - burst.at >= this.quietMs) burst = undefined;
    for (const c of changes) {
      if (!c.range) {
        // the whole text replaced: nothing to hold back, it is not typing
        this.#edits.delete(uri);
        return;
      }
      const first = c.range.start.line;
      let last = first;
      for (let i = c.text.indexOf('\n'); i >= 0; i = c.text.indexOf('\n', i + 1)) last++;
      burst = burst ? { first: Math.min(burst.first, first), last: Math.max(burst.last, last), at: t } : { first, last, at: t };
    }
    if (burst) this.#edits.set(uri, { ...burst, at: t });
  }

  /** Lines whose findings are held back now (on type only), or undefined. */
  heldLines(uri: string, mode: RunMode): { first: number; last: number } | undefined {
    if (mode !== 'onType') return undefined;
    const b = this.#edits.get(uri);
    if (!b || this.now() - b.at >= this.quietMs) return undefined;
    return { first: b.first, last: b.last };
  }

  /** Milliseconds until the held findings may be shown (0 when none are held). */
  untilQuiet(uri: string): number {
    const b = this.#edits.get(uri);
    return b ? Math.max(0, this.quietMs - (this.now() - b.at)) : 0;
  }

  opened(uri: string): void {
    this.#mark(uri, 'open');
  }

  saved(uri: string): void {
    this.#mark(uri, 'save');
  }

  /** "Galley: Check Document", or a change of settings: the next report is computed. */
  requested(uri: string): void {
    this.#mark(uri, 'ask');
  }

  /** Should the current version be checked now, or the last report stand? */
  isDue(uri: string, mode: RunMode): boolean {
    if (mode === 'onType') return true;
    const why = this.#due.get(uri);
    return !!why && (mode === 'onSave' || why.has('ask'));
  }

  /** A report for the current version was delivered. */
  reported(uri: string): void {
    this.#due.delete(uri);
  }

  #mark(uri: string, why: 'open' | 'save' | 'ask'): void {
    let s = this.#due.get(uri);
    if (!s) this.#due.set(uri, (s = new Set()));
    s.add(why);
  }

  closed(uri: string): void {
    this.#edits.delete(uri);
    this.#due.delete(uri);
  }
}
