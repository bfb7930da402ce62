/**
 * Staff roles, named as the SOP names them. `kabupaten` is the regency's read-only view over all
 * its offices; every other role works inside one office.
 */
export const ROLES = ['camat', 'sekcam', 'kasi', 'operator', 'kurir', 'admin', 'kabupaten'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
