import { isISO8601, ValidateBy } from 'class-validator';

/** Identifiers callers choose for rounds, needs, candidates and classes: URL-safe and short. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_RULE = 'lowercase letters, digits and hyphens, 1–64 characters, starting with a letter or digit';
export const COMMUNE_CODE = /^\d{5}$/;
export const PROVINCE_CODE = /^\d{2}$/;
export const DISTRICT_CODE = /^\d{3}$/;
/** A global position as commands return it: "N" (embedded store) or "commit/prepare" (EventStoreDB). */
export const POSITION_PATTERN = /^\d{1,20}(\/\d{1,20})?$/;
export const POSITION_RULE = 'a position as returned by a command';

/** An instant, not a day: a date alone would mean different moments in Hanoi and in UTC. */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;
export const INSTANT_RULE = 'an ISO-8601 instant with its offset, such as 2026-03-01T08:00:00Z or 2026-03-01T15:00:00+07:00';

/** The shape of an instant and a real date and time (no 13th month, no 30 February, no 25 o'clock). */
export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true }) && !Number.isNaN(Date.parse(value));
}

export function IsInstant(): PropertyDecorator {
  return ValidateBy({ name: 'isInstant', validator: { validate: isInstant, defaultMessage: () => `must be ${INSTANT_RULE}` } });
}
