'use client';

import { useRouter } from 'next/navigation';
import { useReducer, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { prunerKinds, samplerKinds } from '@tuneboard/contract';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { checkNewStudy, initialNewStudy, newStudyReducer } from '@/lib/new-study-state';
import { hrefFor } from '@/lib/route-id';
import { unclaimedErrors } from '@/lib/user-errors';
import { KindOptions } from './kind-options.tsx';
import { SpaceSection, type SpaceEditor } from './space-section.tsx';
import { BudgetSection, ObjectiveFunctionSection, ObjectivesSection } from './study-sections.tsx';

const StudyCreate = graphql(`
  mutation StudyCreate($input: StudyCreateInput!) {
    studyCreate(input: $input) {
      study {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const claimed = ['name', 'description', 'objectives', 'space', 'sampler', 'pruner', 'objective', 'budget', 'keepModels'];

/**
 * The new-study form: one reducer (lib/new-study-state.ts) with a section per part of the study, its options,
 * templates and datasets from the study contract. Before sending it checks what it can tell on its own and shows
 * every problem at once on its field; the API's userErrors land on their fields the same way (a parameter's on
 * its Low/High/Step cell). Focus moves to the first invalid field.
 */
export function NewStudyForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [state, dispatch] = useReducer(newStudyReducer, undefined, initialNewStudy);
  const form = useFormErrors();
  const { errors } = form;
  const [{ fetching }, create] = useMutation(StudyCreate);

  const space: SpaceEditor = {
    ...state.space,
    updateRows: (rows) => dispatch({ type: 'space/rows', rows }),
    updateText: (text) => dispatch({ type: 'space/text', text }),
    switchFormat: (format) => dispatch({ type: 'space/format', format }),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkNewStudy(state, projectId);
    if (checked.errors) return form.setErrors(checked.errors);
    const result = await create({ input: checked.input });
    const payload = result.data?.studyCreate;
    if (form.check(result, payload) && payload?.study) router.push(hrefFor('studies', payload.study.id));
  }

  const unclaimed = unclaimedErrors(errors, claimed);
  return (
    <form ref={form.ref} className="form" style={{ maxWidth: '64rem' }} onSubmit={submit}>
      {unclaimed.length > 0 && <FieldError messages={unclaimed} />}
      <div className="form-row">
        <Field
            label="Study name"
            name="name"
            required
            errors={errors}
            value={state.details.name}
            onValue={(name) => dispatch({ type: 'details', patch: { name } })}
          />
          <Field
            label="Description"
            name="description"
            errors={errors}
            value={state.details.description}
            onValue={(description) => dispatch({ type: 'details', patch: { description } })}
          />
      </div>

      <ObjectivesSection
        objectives={state.objectives}
        onChange={(objectives) => dispatch({ type: 'objectives', objectives })}
        errors={errors}
      />
      <SpaceSection editor={space} errors={errors} />
      {(['sampler', 'pruner'] as const).map((which) => (
        <KindOptions
          key={which}
          legend={which === 'sampler' ? 'Sampler' : 'Pruner'}
          kinds={which === 'sampler' ? samplerKinds : prunerKinds}
          kind={which === 'sampler' ? state.strategy.samplerKind : state.strategy.prunerKind}
          onKind={(kind) => dispatch({ type: 'strategy/kind', which, kind })}
          values={which === 'sampler' ? state.strategy.samplerValues : state.strategy.prunerValues}
          onValues={(values) => dispatch({ type: 'strategy/values', which, values })}
          errors={errors}
          errorKey={which}
        />
      ))}
      <BudgetSection budget={state.budget} onChange={(budget) => dispatch({ type: 'budget', patch: budget })} errors={errors} />
      <ObjectiveFunctionSection
        value={state.objective}
        onChange={(objective) => dispatch({ type: 'objective', patch: objective })}
        errors={errors}
      />

      <div>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Creating…' : 'Create study'}
        </button>
      </div>
    </form>
  );
}
