/** "tpe (seed 7)" for a stored sampler document. */
export function samplerLabel(sampler: unknown): string {
  if (typeof sampler !== 'object' || sampler === null || Array.isArray(sampler)) return '—';
  const record = sampler as Record<string, unknown>;
  const kind = typeof record.kind === 'string' ? record.kind : '?';
  return typeof record.seed === 'number' ? `${kind} (seed ${record.seed})` : kind;
}
