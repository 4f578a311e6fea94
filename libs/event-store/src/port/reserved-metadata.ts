/**
 * Metadata keys the adapters keep for themselves (EventStoreDB has no field
 * for a schema version or a hash, so they travel in metadata); an append
 * that sets one is refused, so a caller can never forge a stored hash.
 */
export const STORE_METADATA_KEYS = {
  schemaVersion: 'eventSchemaVersion',
  hash: 'eventHash',
  previousHash: 'eventPreviousHash',
} as const;

export const RESERVED_METADATA_KEYS: readonly string[] = Object.values(STORE_METADATA_KEYS);
