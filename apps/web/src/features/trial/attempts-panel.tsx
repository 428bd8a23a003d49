'use client';

import { Panel } from '@/components/panel';
import type { PageTrial } from './use-live-trial';

function when(at: string | null | undefined): string {
  return at ? new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** Every attempt of the trial: which runner ran it, when, and how it ended. */
export function AttemptsPanel({ attempts }: { attempts: PageTrial['attempts'] }) {
  if (attempts.length === 0) return null;
  return (
    <Panel title="Attempts" minHeight={60}>
      <div className="table-scroll">
        <table className="data" data-testid="attempts">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Runner</th>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attempt}>
                <td className="num">{a.attempt}</td>
                <td>{a.runner ? `${a.runner.name} (${a.runner.host})` : '—'}</td>
                <td>{when(a.startedAt)}</td>
                <td>{when(a.finishedAt)}</td>
                <td>
                  {a.outcome}
                  {a.error && <pre className="error-text">{a.error}</pre>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
