/**
 * What the lifecycle's fenced writes share: the lease's length, the error a stale lease gives, and the SQL that
 * matches a trial only for the holder of its lease in one of the caller's teams (report.ts, finish.ts).
 */
export interface LeaseSettings {
  leaseSeconds: number;
  /** The lease of a trial whose holder is a client runner (kind CLIENT); `leaseSeconds` when not given. */
  clientLeaseSeconds?: number;
}

/** The settings of a request: the API's lease lengths for training runners and for clients. */
export function leaseSettings(env: { LEASE_SECONDS: number; CLIENT_LEASE_SECONDS: number }): LeaseSettings {
  return { leaseSeconds: env.LEASE_SECONDS, clientLeaseSeconds: env.CLIENT_LEASE_SECONDS };
}

export class StaleLeaseError extends Error {
  readonly code = 'STALE_LEASE';
  constructor(trialId: number) {
    super(
      `The lease on trial ${trialId} is not yours any more (it expired and was re-queued, or the trial finished); ` +
        'stop working on it.',
    );
  }
}

/** The team check rides in the UPDATE's join: an authorised, fenced write is one statement. */
export const LEASED_TRIAL = `
  from study s join project p on p.id = s.project_id
  where t.id = $1::bigint and t.lease_token = $2::uuid and t.state = 'RUNNING'
    and s.id = t.study_id and p.team_id = any($LEASE_TEAMS::uuid[])`;

