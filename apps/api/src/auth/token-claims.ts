import { ROLES, type Actor, type Role } from '@app/pipeline';

/** What a bearer token says about its holder. */
export interface TokenClaims {
  sub: string;
  role: Role;
  district?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value) && value !== 'system';
}

/** Checks the claims a verified token carries; a district board must name its district. */
export function actorFromClaims(claims: Record<string, unknown>): Actor | string {
  const { sub, role, district } = claims;
  if (typeof sub !== 'string' || sub.trim() === '') return 'the token has no subject (sub)';
  if (!isRole(role)) return `the token's role must be one of: ${ROLES.filter((r) => r !== 'system').join(', ')}`;
  if (role === 'district-board' && (typeof district !== 'string' || !/^\d{3}$/.test(district))) {
    return 'a district-board token must carry its three-digit district code';
  }
  return { id: sub, role, ...(role === 'district-board' ? { district: district as string } : {}) };
}
