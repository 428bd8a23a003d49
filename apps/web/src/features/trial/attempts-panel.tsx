'use client';

import { ListTable } from '@/components/list-table';
import { Panel } from '@/components/panel';
import { formatUtc } from '@/lib/format';
import type { PageTrial } from './use-live-trial.ts';

/** Every attempt of the trial: which runner ran it, when, and how it ended. */
export function AttemptsPanel({ attempts }: { attempts: PageTrial['attempts'] }) {
  if (attempts.length === 0) return null;
  return (
    <Panel title="Attempts" minHeight={60}>
      <div className="table-scroll">
        <ListTable
          testId="attempts"
          rows={attempts}
          rowKey={(a) => String(a.attempt)}
          columns={[
            { header: '#', className: 'num', cell: (a) => a.attempt },
            { header: 'Runner', cell: (a) => (a.runner ? `${a.runner.name} (${a.runner.host})` : '—') },
            { header: 'Started', cell: (a) => formatUtc(a.startedAt) },
            { header: 'Ended', cell: (a) => formatUtc(a.finishedAt) },
            {
              header: 'Outcome',
              cell: (a) => (
                <>
                  {a.outcome}
                  {a.error && <pre className="error-text">{a.error}</pre>}
                </>
              ),
            },
          ]}
        />
      </div>
    </Panel>
  );
}
