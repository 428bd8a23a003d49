'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { checkBudget, type BudgetFields } from '@/lib/form-numbers';
import { hrefFor } from '@/lib/route-id';
import { checkRows } from '@/lib/space-checks';
import { textToSpace } from '@/lib/space-editor';
import { buildConfig, kindSpec, prunerKinds, samplerKinds, type OptionValues } from '@tuneboard/contract';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';
import { KindOptions } from './kind-options';
import { SpaceSection, useSpaceEditor } from './space-section';
import {
  BudgetSection,
  ObjectiveFunctionSection,
  ObjectivesSection,
  type ObjectiveFunction,
  type ObjectiveRow,
} from './study-sections';
import { readableError } from '@/lib/graphql/errors';

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

const claimed = ['name', 'description', 'objectives', 'space', 'sampler', 'pruner', 'objective', 'budget'];

/**
 * The new-study form. Before sending, it checks what it can tell on its own (parameter rows: names used twice,
 * bounds that are not numbers; budget fields that are not whole numbers) and shows every problem at once on its
 * field; the API's userErrors land on their fields the same way. Focus moves to the first invalid field.
 */
export function NewStudyForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [objectives, setObjectives] = useState<ObjectiveRow[]>([
    { name: 'val_accuracy', direction: 'MAXIMIZE' },
  ]);
  const space = useSpaceEditor();
  const [samplerKind, setSamplerKind] = useState('auto');
  const [samplerValues, setSamplerValues] = useState<OptionValues>({});
  const [prunerKind, setPrunerKind] = useState('none');
  const [prunerValues, setPrunerValues] = useState<OptionValues>({});
  const [objective, setObjective] = useState<ObjectiveFunction>({
    kind: 'template',
    template: 'mlp',
    dataset: 'digits',
    command: '',
    cwd: '',
  });
  const [budget, setBudget] = useState<BudgetFields>({ maxTrials: '20', maxParallel: '4', maxFailures: '3' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(StudyCreate);

  // New errors: focus the first field marked invalid, in the order the form shows them.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = textToSpace(space.text, space.format);
    if (parsed.error) return setErrors({ space: [parsed.error] });
    // The rows are the space only when the text could be shown as rows; otherwise the text goes to the API as is.
    const rowErrors = space.textError ? {} : checkRows(space.rows);
    const checkedBudget = checkBudget(budget);
    const local = { ...rowErrors, ...checkedBudget.errors };
    if (Object.keys(local).length > 0) return setErrors(local);
    const result = await create({
      input: {
        projectId,
        name,
        description,
        objectives,
        space: parsed.space,
        sampler: buildConfig(kindSpec(samplerKinds, samplerKind), samplerValues),
        pruner: buildConfig(kindSpec(prunerKinds, prunerKind), prunerValues),
        objective:
          objective.kind === 'template'
            ? { kind: 'template', template: objective.template, dataset: objective.dataset }
            : {
                kind: 'command',
                command: objective.command.split(/\s+/).filter(Boolean),
                ...(objective.cwd.trim() ? { cwd: objective.cwd.trim() } : {}),
              },
        budget: checkedBudget.budget,
      },
    });
    if (result.error) return setErrors({ '': [readableError(result.error)] });
    const payload = result.data?.studyCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    if (payload?.study) router.push(hrefFor('studies', payload.study.id));
  }

  const nameErrors = errorsFor(errors, 'name');
  const unclaimed = unclaimedErrors(errors, claimed);

  return (
    <form ref={form} className="form" style={{ maxWidth: '64rem' }} onSubmit={submit}>
      {unclaimed.length > 0 && <FieldError messages={unclaimed} />}
      <div className="form-row">
        <label style={{ flex: 1 }}>
          Study name
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={`${id}-name`}
          />
          <FieldError id={`${id}-name`} messages={nameErrors} />
        </label>
        <label style={{ flex: 2 }}>
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
          <FieldError messages={errorsFor(errors, 'description')} />
        </label>
      </div>

      <ObjectivesSection objectives={objectives} onChange={setObjectives} errors={errors} />
      <SpaceSection editor={space} errors={errors} />
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
      <BudgetSection budget={budget} onChange={setBudget} errors={errors} />
      <ObjectiveFunctionSection value={objective} onChange={setObjective} errors={errors} />

      <div>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Creating…' : 'Create study'}
        </button>
      </div>
    </form>
  );
}
