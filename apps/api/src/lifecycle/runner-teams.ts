/** Runners remembered at most; past it the cache starts again empty. */
const MAX_RUNNER_TEAMS = 10_000;

/**
 * Runner id → its team, per API server (./lifecycle.ts): a runner never changes team, so after one authorised
 * lookup a claim is a single statement (which still checks that the runner exists in that team). Bounded by
 * clearing.
 */
export class RunnerTeams {
  private readonly teams = new Map<string, string>();

  get(runnerId: string): string | undefined {
    return this.teams.get(runnerId);
  }

  remember(runnerId: string, teamId: string): void {
    if (this.teams.size >= MAX_RUNNER_TEAMS) this.teams.clear();
    this.teams.set(runnerId, teamId);
  }

  clear(): void {
    this.teams.clear();
  }
}
