import { formatRanges } from '@/lib/format';

/**
 * The refined parameters as the child's space holds them: a brushed range of an integer is stored as brushed
 * (units [111.46, 256]) but the space was snapped to its levels ([112, 256]), which is what the study searches.
 */
export function refinedRanges(refinement: unknown, space: unknown): string {
  if (!refinement || typeof refinement !== 'object') return '';
  const { ranges, inherited } = refinement as { ranges?: unknown; inherited?: unknown };
  const parts = [];
  if (ranges && typeof ranges === 'object' && !Array.isArray(ranges)) {
    const specs = (space && typeof space === 'object' ? space : {}) as Record<
      string,
      { low?: unknown; high?: unknown; choices?: unknown }
    >;
    const shown = Object.fromEntries(
      Object.entries(ranges as Record<string, unknown>).map(([name, range]) => {
        const spec = specs[name];
        if (spec && typeof spec.low === 'number' && typeof spec.high === 'number')
          return [name, [spec.low, spec.high]];
        if (spec && Array.isArray(spec.choices)) return [name, spec.choices];
        return [name, range];
      }),
    );
    parts.push(` with ${formatRanges(shown)}`);
  } else if (ranges) parts.push(` with ${formatRanges(ranges)}`);
  if (typeof inherited === 'number')
    parts.push(`, ${inherited} ${inherited === 1 ? 'trial' : 'trials'} inherited`);
  return parts.join('');
}

/**
 * Whether a refined study's description is only the one the API wrote when refining it (`Refined from "<parent>".`):
 * the lineage line says the same, with the parent's link, so the page shows that once.
 */
export function isRefinedFromDescription(
  description: string,
  parent: { name: string } | null | undefined,
): boolean {
  return !!parent && description.trim() === `Refined from "${parent.name}".`;
}
