// A progress bar on stderr when it is a terminal; nothing when it is piped or
// redirected (logs stay clean).

export class Progress {
  readonly #on: boolean;
  #last = 0;
  #shown = false;

  constructor(enabled = !!process.stderr.isTTY) {
    this.#on = enabled;
  }

  update(label: string, done: number, total: number, force = false): void {
    if (!this.#on) return;
    const now = Date.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    const width = 30;
    const filled = total ? Math.round((width * done) / total) : width;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`);
    this.#shown = true;
  }

  clear(): void {
    if (this.#shown) process.stderr.write('\r\x1b[K');
    this.#shown = false;
  }
}
