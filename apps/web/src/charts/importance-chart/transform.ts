export interface Importance {
  name: string;
  importance: number;
}

/** Finite, non-negative importances, largest first, each with its share of the total (0..1) for the bar length. */
export function rankImportances(importances: readonly Importance[]): (Importance & { share: number })[] {
  const clean = importances.filter((i) => Number.isFinite(i.importance) && i.importance >= 0);
  const total = clean.reduce((s, i) => s + i.importance, 0);
  return clean
    .map((i) => ({ ...i, share: total > 0 ? i.importance / total : 0 }))
    .sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}
