/** A token just created, with its secret (shown this once). */
export interface CreatedToken {
  id: string;
  name: string;
  secret: string;
}

/** The created token whose secret is still shown: none once it is revoked (its secret no longer works). */
export function secretToShow(
  created: CreatedToken | null,
  revokedIds: readonly string[],
): CreatedToken | null {
  return created && !revokedIds.includes(created.id) ? created : null;
}
