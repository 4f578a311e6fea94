export const ROLES = ['province-board', 'district-board', 'political-school', 'home-affairs', 'auditor', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who issues a command. `district` is set for a district board: it may act only there. */
export interface Actor {
  id: string;
  role: Role;
  district?: string;
}
