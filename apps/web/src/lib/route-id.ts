/**
 * The API's global id from a route segment. Links encode ids with encodeURIComponent; depending on how the
 * URL arrived the segment may still be encoded, and a global id never contains '%', so decoding is safe.
 */
export function routeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path of an object's page. */
export function hrefFor(kind: 'teams' | 'projects' | 'studies' | 'trials', id: string, suffix = ''): string {
  return `/${kind}/${encodeURIComponent(id)}${suffix}`;
}
