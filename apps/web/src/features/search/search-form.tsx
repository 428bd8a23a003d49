// The search form: a plain GET form, so the filters are the page's URL (shareable, Back works, no script needed).
import Link from 'next/link';
import { STUDY_STATUSES, TRIAL_STATES, searchHref, type SearchState } from './search-params.ts';

interface Team {
  id: string;
  name: string;
  projects: readonly { id: string; name: string }[];
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 2, fontSize: '0.9rem' }}>
      {label}
      {children}
    </label>
  );
}

export function SearchForm({
  state,
  teams,
  team,
}: {
  state: SearchState;
  teams: readonly Team[];
  team: Team;
}) {
  const studies = state.kind === 'studies';
  return (
    <form
      method="get"
      action="/search"
      role="search"
      aria-label="Search the team"
      className="form"
      style={{ maxWidth: 'none' }}
    >
      <nav aria-label="What to search" style={{ display: 'flex', gap: 12 }}>
        <Link
          href={searchHref({ ...state, kind: 'studies', after: '' })}
          aria-current={studies ? 'page' : undefined}
        >
          Studies
        </Link>
        <Link
          href={searchHref({ ...state, kind: 'trials', after: '' })}
          aria-current={studies ? undefined : 'page'}
        >
          Trials
        </Link>
      </nav>
      <input type="hidden" name="kind" value={state.kind} />
      {state.study && <input type="hidden" name="study" value={state.study} />}
      <div className="form-row">
        <Field label="Team">
          <select name="team" defaultValue={team.id}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        {studies && (
          <Field label="Name contains">
            <input name="q" type="search" defaultValue={state.q} maxLength={200} />
          </Field>
        )}
        <Field label="Tags (comma-separated, all required)">
          <input name="tags" defaultValue={state.tags} />
        </Field>
        {studies ? (
          <>
            <Field label="Status">
              <select name="status" defaultValue={state.statuses[0] ?? ''}>
                <option value="">any</option>
                {STUDY_STATUSES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </Field>
            <Field label="Project">
              <select name="project" defaultValue={state.project}>
                <option value="">any</option>
                {team.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : (
          <Field label="State">
            <select name="state" defaultValue={state.states[0] ?? ''}>
              <option value="">any</option>
              {TRIAL_STATES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {studies && (
        <div className="form-row">
          <Field label="Created from">
            <input name="from" type="date" defaultValue={state.from} />
          </Field>
          <Field label="to">
            <input name="to" type="date" defaultValue={state.to} />
          </Field>
          <label style={{ fontSize: '0.9rem' }}>
            <input name="mine" type="checkbox" value="1" defaultChecked={state.mine} /> Created by me
          </label>
          <Field label="Objective">
            <input name="objective" defaultValue={state.objective} placeholder="e.g. val_accuracy" />
          </Field>
          <Field label="Direction">
            <select name="direction" defaultValue={state.direction}>
              <option value="">any</option>
              <option value="MINIMIZE">minimize</option>
              <option value="MAXIMIZE">maximize</option>
            </select>
          </Field>
        </div>
      )}
      <div className="form-row">
        <Field label={studies ? 'Has a trial with metric' : 'Metric'}>
          <input name="metric" defaultValue={state.metric} placeholder="objective name" />
        </Field>
        <Field label="≥ (min)">
          <input name="min" inputMode="decimal" defaultValue={state.min} size={8} />
        </Field>
        <Field label="≤ (max)">
          <input name="max" inputMode="decimal" defaultValue={state.max} size={8} />
        </Field>
        <button type="submit" className="button">
          Search
        </button>
        <Link href={searchHref({ ...emptyState(state.kind), team: team.id })}>Clear</Link>
      </div>
    </form>
  );
}

function emptyState(kind: SearchState['kind']): SearchState {
  return {
    kind,
    team: '',
    q: '',
    tags: '',
    statuses: [],
    states: [],
    project: '',
    mine: false,
    from: '',
    to: '',
    objective: '',
    direction: '',
    metric: '',
    min: '',
    max: '',
    study: '',
    after: '',
  };
}
