/** Identifiers callers choose for rounds, needs, candidates and classes: URL-safe and short. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_RULE = 'lowercase letters, digits and hyphens, 1–64 characters, starting with a letter or digit';
export const COMMUNE_CODE = /^\d{5}$/;
export const PROVINCE_CODE = /^\d{2}$/;
export const DISTRICT_CODE = /^\d{3}$/;
/** A global position as commands return it: "N" (embedded store) or "commit/prepare" (EventStoreDB). */
export const POSITION_PATTERN = /^\d{1,20}(\/\d{1,20})?$/;
export const POSITION_RULE = 'a position as returned by a command';
