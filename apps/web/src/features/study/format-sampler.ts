// The study's sampler document in words for the summary: `{kind: 'auto', seed: 1}` → "auto · seed 1".

function formatOption(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The kind first, then each option as "name value"; anything that is not a `{kind, …}` object is shown as JSON. */
export function formatSampler(sampler: unknown): string {
  if (!sampler || typeof sampler !== 'object' || Array.isArray(sampler)) return JSON.stringify(sampler) ?? '—';
  const { kind, ...options } = sampler as Record<string, unknown>;
  if (typeof kind !== 'string') return JSON.stringify(sampler);
  const parts = [kind];
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) parts.push(`${name} ${formatOption(value)}`);
  }
  return parts.join(' · ');
}
