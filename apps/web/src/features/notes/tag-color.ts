/** A tag's colour: a hue from a hash of its text (FNV-1a), so one tag has one colour on every page. */
export function tagHue(tag: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    hash ^= tag.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** Background and text colours of a tag chip: light and readable for every hue. */
export function tagColors(tag: string): { background: string; color: string } {
  const hue = tagHue(tag);
  return { background: `hsl(${hue} 70% 88%)`, color: `hsl(${hue} 60% 25%)` };
}

/** Tags typed as one comma-separated line, trimmed, empty ones dropped (the API checks the limits). */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}
