/**
 * The rows of a `db.execute(sql…)` result: node-postgres returns `{ rows }`, PGlite too; drizzle passes the
 * driver's result through (an array on some drivers).
 */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
