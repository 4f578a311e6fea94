/**
 * HTTP status of a domain refusal. Most are 409 (a rule of the programme said
 * no); a few say the target does not exist, the caller may not act, or a field is malformed.
 */
const NOT_FOUND = new Set(['CANDIDATE_NOT_FOUND', 'NEED_NOT_FOUND', 'ROUND_NOT_OPENED', 'CLASS_NOT_OPENED', 'WEBHOOK_NOT_FOUND']);
const FORBIDDEN = new Set(['ROLE_NOT_ALLOWED', 'NOT_YOUR_DISTRICT', 'NOT_YOUR_UNIT']);
const BAD_REQUEST = new Set([
  'INVALID_FIELD',
  'INVALID_QUANTITY',
  'INVALID_SCORE',
  'UNKNOWN_TITLE',
  'NO_ACCEPTED_MAJORS',
  'CLASS_NAME_REQUIRED',
  'REASON_REQUIRED',
]);

export function statusOfDomainError(code: string): number {
  if (NOT_FOUND.has(code)) return 404;
  if (FORBIDDEN.has(code)) return 403;
  if (BAD_REQUEST.has(code)) return 400;
  return 409;
}
