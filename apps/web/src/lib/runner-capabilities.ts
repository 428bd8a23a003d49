/** What a runner's free-form `capabilities` say about where it trains, for the runners table. */
export function describeCapabilities(capabilities: unknown): { backend: string; device: string } {
  if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
    return { backend: '—', device: '—' };
  }
  const caps = capabilities as Record<string, unknown>;
  const backend = typeof caps.backend === 'string' ? caps.backend : '—';
  const parts: string[] = [];
  if (typeof caps.device === 'string') parts.push(caps.device);
  if (typeof caps.gpus === 'number')
    parts.push(caps.gpus === 0 ? 'CPU only' : `${caps.gpus} GPU${caps.gpus === 1 ? '' : 's'}`);
  else if (Array.isArray(caps.gpus))
    parts.push(caps.gpus.length === 0 ? 'CPU only' : caps.gpus.map(String).join(', '));
  if (typeof caps.cpus === 'number') parts.push(`${caps.cpus} CPU${caps.cpus === 1 ? '' : 's'}`);
  return { backend, device: parts.length > 0 ? parts.join(' · ') : '—' };
}

/**
 * Whether a runner runs `command` objectives (its operator started it with `--allow-commands`) and which
 * programs: a study's command runs on that host as the runner's user, so the team sees where it can.
 */
export function describeCommands(
  acceptsCommands: boolean,
  allowedPrograms: readonly string[] | null | undefined,
): string {
  if (!acceptsCommands) return 'templates only';
  return allowedPrograms && allowedPrograms.length > 0 ? allowedPrograms.join(', ') : 'any program';
}
