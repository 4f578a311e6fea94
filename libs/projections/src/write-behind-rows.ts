/** How a WriteBehindRows reaches its table: prepared statements keyed by the primary key. */
export interface RowStatements<R> {
  read(key: string): R | undefined;
  write(key: string, row: R): void;
}

/**
 * A write-behind cache of one table's rows, for a handler that reads a row,
 * changes it and writes it back on every event. Reads are served from memory
 * once a row has been seen; changed rows are written once per batch, in key
 * order (neighbouring keys share B-tree pages), by `flush`, which the runner
 * calls in the same transaction that moves the checkpoint: exactly once holds
 * as before. `discard` forgets everything, written or not; the runner calls it
 * whenever the transaction's work is undone or another process moved the
 * checkpoint, so the next read comes from the table again.
 *
 * Rows handed out must be treated as immutable: replace them with `set`.
 * Clean rows beyond `capacity` are dropped, oldest use first, so memory stays
 * bounded by the rows in play rather than the table's size.
 */
export class WriteBehindRows<R> {
  private readonly rows = new Map<string, R | undefined>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly statements: RowStatements<R>,
    private readonly capacity = 10_000,
  ) {}

  get(key: string): R | undefined {
    if (this.rows.has(key)) {
      const row = this.rows.get(key);
      // Most recently used last: Map keeps insertion order, so eviction takes from the front.
      this.rows.delete(key);
      this.rows.set(key, row);
      return row;
    }
    const row = this.statements.read(key);
    this.rows.set(key, row);
    return row;
  }

  set(key: string, row: R): void {
    this.rows.delete(key);
    this.rows.set(key, row);
    this.dirty.add(key);
  }

  /** Writes the changed rows; call inside the transaction that records how far the handler got. */
  flush(): void {
    if (this.dirty.size > 0) {
      const keys = [...this.dirty].sort();
      for (const key of keys) this.statements.write(key, this.rows.get(key)!);
      this.dirty.clear();
    }
    this.evict();
  }

  discard(): void {
    this.rows.clear();
    this.dirty.clear();
  }

  /** Rows held in memory (for tests and benchmarks). */
  get size(): number {
    return this.rows.size;
  }

  private evict(): void {
    let excess = this.rows.size - this.capacity;
    if (excess <= 0) return;
    for (const key of this.rows.keys()) {
      if (excess <= 0) break;
      this.rows.delete(key);
      excess -= 1;
    }
  }
}
