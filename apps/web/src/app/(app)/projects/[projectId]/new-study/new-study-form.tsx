'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { Direction } from '@/gql/graphql';
import { hrefFor } from '@/lib/route-id';
import {
  emptyRow,
  rowsToSpace,
  spaceToRows,
  spaceToText,
  textToSpace,
  type ParamRow,
  type SpaceFormat,
} from '@/lib/space-editor';
import {
  buildConfig,
  prunerKinds,
  samplerKinds,
  type KindSpec,
  type OptionValues,
} from '@/lib/study-options';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';

const StudyCreate = graphql(`
  mutation StudyCreate($input: StudyCreateInput!) {
    studyCreate(input: $input) {
      study {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const templates = ['mlp', 'cnn'] as const;
const datasets = ['digits', 'iris', 'wine', 'breast-cancer', 'mnist'] as const;
const claimed = ['name', 'description', 'objectives', 'space', 'sampler', 'pruner', 'objective', 'budget'];

const initialRows: ParamRow[] = [
  { ...emptyRow(), name: 'learningRate', type: 'float', low: '0.0001', high: '0.1', log: true },
  { ...emptyRow(), name: 'units', type: 'int', low: '16', high: '256', log: true },
  { ...emptyRow(), name: 'optimizer', type: 'categorical', choices: 'adam, sgd' },
];

function kindSpec(list: readonly KindSpec[], kind: string): KindSpec {
  return list.find((k) => k.kind === kind) ?? (list[0] as KindSpec);
}

function KindOptions({
  legend,
  kinds,
  kind,
  onKind,
  values,
  onValues,
  errors,
  errorKey,
}: {
  legend: string;
  kinds: readonly KindSpec[];
  kind: string;
  onKind: (kind: string) => void;
  values: OptionValues;
  onValues: (values: OptionValues) => void;
  errors: FieldErrors;
  errorKey: string;
}) {
  const id = useId();
  const spec = kindSpec(kinds, kind);
  const kindErrors = errorsFor(errors, `${errorKey}.kind`);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="form-row">
        <label>
          {legend} kind
          <select
            value={kind}
            onChange={(e) => onKind(e.target.value)}
            aria-invalid={kindErrors.length > 0 || undefined}
          >
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
          <FieldError messages={kindErrors} />
        </label>
        {spec.options.map((option) => {
          const messages = errorsFor(errors, `${errorKey}.${option.name}`);
          const value = values[option.name] ?? '';
          const set = (v: string) => onValues({ ...values, [option.name]: v });
          return (
            // Named "<Sampler|Pruner> <option>" so the input's name is not mixed with its help and errors.
            <label key={option.name} title={option.help}>
              {option.name}
              {option.type === 'boolean' || option.type === 'choice' ? (
                <select
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-label={`${legend} ${option.name}`}
                  aria-describedby={`${id}-${option.name}-help ${id}-${option.name}`}
                >
                  <option value="">default</option>
                  {(option.type === 'boolean' ? ['true', 'false'] : (option.choices ?? [])).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  inputMode={option.type === 'int' ? 'numeric' : 'decimal'}
                  value={value}
                  placeholder="default"
                  size={8}
                  onChange={(e) => set(e.target.value)}
                  aria-invalid={messages.length > 0 || undefined}
                  aria-label={`${legend} ${option.name}`}
                  aria-describedby={`${id}-${option.name}-help ${id}-${option.name}`}
                />
              )}
              <span
                id={`${id}-${option.name}-help`}
                className="muted"
                style={{ fontWeight: 400, fontSize: '0.8rem' }}
              >
                {option.help}
              </span>
              <FieldError id={`${id}-${option.name}`} messages={messages} />
            </label>
          );
        })}
      </div>
      <FieldError
        messages={unclaimedErrors(
          Object.fromEntries(
            Object.entries(errors).filter(([k]) => k === errorKey || k.startsWith(`${errorKey}.`)),
          ),
          [`${errorKey}.kind`, ...spec.options.map((o) => `${errorKey}.${o.name}`)],
        )}
      />
    </fieldset>
  );
}

export function NewStudyForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [objectives, setObjectives] = useState<{ name: string; direction: Direction }[]>([
    { name: 'val_accuracy', direction: 'MAXIMIZE' },
  ]);
  const [rows, setRows] = useState<ParamRow[]>(initialRows);
  const [format, setFormat] = useState<SpaceFormat>('json');
  const [spaceText, setSpaceText] = useState(() => spaceToText(rowsToSpace(initialRows), 'json'));
  const [spaceTextError, setSpaceTextError] = useState<string | null>(null);
  const [samplerKind, setSamplerKind] = useState('auto');
  const [samplerValues, setSamplerValues] = useState<OptionValues>({});
  const [prunerKind, setPrunerKind] = useState('none');
  const [prunerValues, setPrunerValues] = useState<OptionValues>({});
  const [objectiveKind, setObjectiveKind] = useState<'template' | 'command'>('template');
  const [template, setTemplate] = useState<string>('mlp');
  const [dataset, setDataset] = useState<string>('digits');
  const [command, setCommand] = useState('');
  const [cwd, setCwd] = useState('');
  const [maxTrials, setMaxTrials] = useState('20');
  const [maxParallel, setMaxParallel] = useState('4');
  const [maxFailures, setMaxFailures] = useState('3');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(StudyCreate);

  function updateRows(next: ParamRow[]) {
    setRows(next);
    setSpaceText(spaceToText(rowsToSpace(next), format));
    setSpaceTextError(null);
  }

  function updateText(text: string) {
    setSpaceText(text);
    const parsed = textToSpace(text, format);
    if (parsed.error) return setSpaceTextError(parsed.error);
    try {
      setRows(spaceToRows(parsed.space));
      setSpaceTextError(null);
    } catch (error) {
      // Valid text the form cannot show (e.g. an unknown type): the text still goes to the API, which explains.
      setSpaceTextError(error instanceof Error ? error.message : String(error));
    }
  }

  function switchFormat(next: SpaceFormat) {
    const parsed = textToSpace(spaceText, format);
    setFormat(next);
    setSpaceText(
      parsed.error
        ? spaceText
        : spaceToText((parsed.space ?? {}) as Record<string, Record<string, unknown>>, next),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = textToSpace(spaceText, format);
    if (parsed.error) {
      setErrors({ space: [parsed.error] });
      return;
    }
    const intOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
    const objective =
      objectiveKind === 'template'
        ? { kind: 'template', template, dataset }
        : {
            kind: 'command',
            command: command.split(/\s+/).filter(Boolean),
            ...(cwd.trim() ? { cwd: cwd.trim() } : {}),
          };
    const result = await create({
      input: {
        projectId,
        name,
        description,
        objectives,
        space: parsed.space,
        sampler: buildConfig(kindSpec(samplerKinds, samplerKind), samplerValues),
        pruner: buildConfig(kindSpec(prunerKinds, prunerKind), prunerValues),
        objective,
        budget: {
          maxTrials: intOrNull(maxTrials),
          maxParallel: intOrNull(maxParallel),
          maxFailures: intOrNull(maxFailures),
        },
      },
    });
    if (result.error) return setErrors({ '': [result.error.message] });
    const payload = result.data?.studyCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    if (payload?.study) router.push(hrefFor('studies', payload.study.id));
  }

  const field = (key: string) => {
    const messages = errorsFor(errors, key);
    return {
      invalid: messages.length > 0 || undefined,
      describedBy: `${id}-${key.replaceAll('.', '-')}`,
      messages,
    };
  };
  const nameF = field('name');
  const spaceF = field('space');
  const objectiveF = field('objective');
  const section = (title: string, children: ReactNode) => (
    <fieldset>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
  const unclaimed = unclaimedErrors(errors, claimed);

  return (
    <form className="form" style={{ maxWidth: '64rem' }} onSubmit={submit}>
      {unclaimed.length > 0 && <FieldError messages={unclaimed} />}
      <div className="form-row">
        <label style={{ flex: 1 }}>
          Study name
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameF.invalid}
            aria-describedby={nameF.describedBy}
          />
          <FieldError id={nameF.describedBy} messages={nameF.messages} />
        </label>
        <label style={{ flex: 2 }}>
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
          <FieldError messages={errorsFor(errors, 'description')} />
        </label>
      </div>

      {section(
        'Objectives',
        <>
          {objectives.map((objective, i) => {
            const f = field(`objectives.${i}`);
            const update = (patch: Partial<(typeof objectives)[number]>) =>
              setObjectives(objectives.map((o, j) => (j === i ? { ...o, ...patch } : o)));
            return (
              <div className="form-row" key={i} style={{ marginBottom: '0.5rem' }}>
                <label>
                  Objective {i + 1} name
                  <input
                    required
                    list={`${id}-metrics`}
                    value={objective.name}
                    onChange={(e) => update({ name: e.target.value })}
                    aria-invalid={f.invalid}
                    aria-describedby={f.describedBy}
                  />
                  <FieldError id={f.describedBy} messages={f.messages} />
                </label>
                <label>
                  Objective {i + 1} direction
                  <select
                    value={objective.direction}
                    onChange={(e) => update({ direction: e.target.value as Direction })}
                  >
                    <option value="MINIMIZE">minimise</option>
                    <option value="MAXIMIZE">maximise</option>
                  </select>
                </label>
                {objectives.length > 1 && (
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setObjectives(objectives.filter((_, j) => j !== i))}
                  >
                    Remove objective {i + 1}
                  </button>
                )}
              </div>
            );
          })}
          <datalist id={`${id}-metrics`}>
            {['val_accuracy', 'val_loss', 'num_parameters', 'train_seconds'].map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <FieldError messages={errors.objectives} />
          {objectives.length < 8 && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setObjectives([...objectives, { name: '', direction: 'MINIMIZE' }])}
            >
              Add objective
            </button>
          )}
        </>,
      )}

      {section(
        'Search space',
        <>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Type</th>
                <th scope="col">Low</th>
                <th scope="col">High</th>
                <th scope="col">Step</th>
                <th scope="col">Log</th>
                <th scope="col">Choices</th>
                <th scope="col">Only when</th>
                <th scope="col">
                  <span className="muted">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const set = (patch: Partial<ParamRow>) =>
                  updateRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
                const rowErrors = row.name ? errorsFor(errors, `space.${row.name}`) : [];
                const numeric = row.type !== 'categorical';
                const label = row.name || `parameter ${i + 1}`;
                return (
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`Parameter ${i + 1} name`}
                        value={row.name}
                        size={12}
                        onChange={(e) => set({ name: e.target.value })}
                        aria-invalid={rowErrors.length > 0 || undefined}
                      />
                      <FieldError messages={rowErrors} />
                    </td>
                    <td>
                      <select
                        aria-label={`${label} type`}
                        value={row.type}
                        onChange={(e) => set({ type: e.target.value as ParamRow['type'] })}
                      >
                        <option value="float">float</option>
                        <option value="int">int</option>
                        <option value="categorical">categorical</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${label} low`}
                        size={7}
                        disabled={!numeric}
                        value={row.low}
                        onChange={(e) => set({ low: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${label} high`}
                        size={7}
                        disabled={!numeric}
                        value={row.high}
                        onChange={(e) => set({ high: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${label} step`}
                        size={5}
                        disabled={!numeric}
                        value={row.step}
                        onChange={(e) => set({ step: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${label} log scale`}
                        disabled={!numeric}
                        checked={row.log}
                        onChange={(e) => set({ log: e.target.checked })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${label} choices`}
                        size={14}
                        disabled={numeric}
                        placeholder="adam, sgd"
                        value={row.choices}
                        onChange={(e) => set({ choices: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${label} condition`}
                        size={12}
                        placeholder="optimizer=sgd"
                        value={row.when}
                        onChange={(e) => set({ when: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        aria-label={`Remove ${label}`}
                        onClick={() => updateRows(rows.filter((_, j) => j !== i))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p>
            <button
              type="button"
              className="button-secondary"
              onClick={() => updateRows([...rows, emptyRow()])}
            >
              Add parameter
            </button>
          </p>
          <div className="form-row" role="radiogroup" aria-label="Space format">
            {(['json', 'yaml'] as const).map((f) => (
              <label className="inline" key={f}>
                <input
                  type="radio"
                  name={`${id}-format`}
                  checked={format === f}
                  onChange={() => switchFormat(f)}
                />
                {f.toUpperCase()}
              </label>
            ))}
          </div>
          <label>
            Search space ({format.toUpperCase()})
            <textarea
              rows={12}
              spellCheck={false}
              value={spaceText}
              onChange={(e) => updateText(e.target.value)}
              aria-invalid={spaceF.invalid || (spaceTextError ? true : undefined)}
              aria-describedby={spaceF.describedBy}
            />
          </label>
          <FieldError
            id={spaceF.describedBy}
            messages={[...(spaceTextError ? [spaceTextError] : []), ...spaceF.messages]}
          />
        </>,
      )}

      <KindOptions
        legend="Sampler"
        kinds={samplerKinds}
        kind={samplerKind}
        onKind={(k) => {
          setSamplerKind(k);
          setSamplerValues({});
        }}
        values={samplerValues}
        onValues={setSamplerValues}
        errors={errors}
        errorKey="sampler"
      />
      <KindOptions
        legend="Pruner"
        kinds={prunerKinds}
        kind={prunerKind}
        onKind={(k) => {
          setPrunerKind(k);
          setPrunerValues({});
        }}
        values={prunerValues}
        onValues={setPrunerValues}
        errors={errors}
        errorKey="pruner"
      />

      {section(
        'Budget',
        <div className="form-row">
          {(
            [
              ['maxTrials', 'Max trials', maxTrials, setMaxTrials, 'empty for no limit'],
              ['maxParallel', 'Max parallel', maxParallel, setMaxParallel, 'pending or running at once'],
              ['maxFailures', 'Max failures', maxFailures, setMaxFailures, 'attempts per trial'],
            ] as const
          ).map(([key, label, value, set, help]) => {
            const f = field(`budget.${key}`);
            return (
              <label key={key}>
                {label}
                <input
                  aria-label={label}
                  inputMode="numeric"
                  size={8}
                  value={value}
                  onChange={(e) => set(e.target.value)}
                  aria-invalid={f.invalid}
                  aria-describedby={f.describedBy}
                />
                <span className="muted" style={{ fontWeight: 400, fontSize: '0.8rem' }}>
                  {help}
                </span>
                <FieldError id={f.describedBy} messages={f.messages} />
              </label>
            );
          })}
        </div>,
      )}

      {section(
        'Objective function',
        <>
          <div className="form-row" role="radiogroup" aria-label="Objective kind">
            <label className="inline">
              <input
                type="radio"
                name={`${id}-objective`}
                checked={objectiveKind === 'template'}
                onChange={() => setObjectiveKind('template')}
              />
              Model template and dataset
            </label>
            <label className="inline">
              <input
                type="radio"
                name={`${id}-objective`}
                checked={objectiveKind === 'command'}
                onChange={() => setObjectiveKind('command')}
              />
              Command
            </label>
          </div>
          {objectiveKind === 'template' ? (
            <div className="form-row">
              <label>
                Template
                <select value={template} onChange={(e) => setTemplate(e.target.value)}>
                  {templates.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </label>
              <label>
                Dataset
                <select value={dataset} onChange={(e) => setDataset(e.target.value)}>
                  {datasets.map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              </label>
            </div>
          ) : (
            <>
              <div className="form-row">
                <label style={{ flex: 2 }}>
                  Command
                  <input
                    value={command}
                    placeholder="python train.py"
                    onChange={(e) => setCommand(e.target.value)}
                    aria-invalid={objectiveF.invalid}
                  />
                </label>
                <label style={{ flex: 1 }}>
                  Working directory
                  <input value={cwd} onChange={(e) => setCwd(e.target.value)} />
                </label>
              </div>
              <p className="muted">
                Runs only on runners started with <code>--allow-commands</code> (see{' '}
                <Link href="/runners">Runners</Link>).
              </p>
            </>
          )}
          <FieldError id={objectiveF.describedBy} messages={objectiveF.messages} />
        </>,
      )}

      <div>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Creating…' : 'Create study'}
        </button>
      </div>
    </form>
  );
}
