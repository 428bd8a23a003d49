/** The controls that change a study's run, as the API allows them (resolvers/studies.ts, studies/enqueue.ts). */
export interface RunControls {
  /** Only a RUNNING study can be paused. */
  pause: boolean;
  /** Only a PAUSED study can be resumed. */
  resume: boolean;
  /** A RUNNING or PAUSED study can be stopped; a finished one is already over. */
  stop: boolean;
  /** Hand-enqueued trials go to a study that still takes trials. */
  enqueue: boolean;
}

/** COMPLETED, STOPPED and FAILED are final: no mutation moves a study out of them. */
export function isFinished(status: string): boolean {
  return status === 'COMPLETED' || status === 'STOPPED' || status === 'FAILED';
}

/**
 * What the study page offers for `status`: a finished study offers none of them (refining it is the way on, from
 * the Summary panel), and neither does a status this dashboard does not know.
 */
export function runControls(status: string): RunControls {
  const running = status === 'RUNNING';
  const paused = status === 'PAUSED';
  return { pause: running, resume: paused, stop: running || paused, enqueue: running || paused };
}
