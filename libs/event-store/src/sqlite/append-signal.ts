/**
 * Tells in-process subscribers that an append committed. The version number
 * closes the gap between reading a page and starting to wait: a reader that
 * saw version v does not sleep if an append has happened since.
 */
export class AppendSignal {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on an append after `seenVersion`, after `timeoutMs` (appends by other processes), or on abort. */
  waitForAppend(seenVersion: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.version !== seenVersion || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
