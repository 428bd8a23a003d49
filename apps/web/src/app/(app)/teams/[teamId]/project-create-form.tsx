'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { slugify } from '@/lib/format';
import { hrefFor } from '@/lib/route-id';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';
import { readableError } from '@/lib/graphql/errors';

const ProjectCreate = graphql(`
  mutation ProjectCreate($input: ProjectCreateInput!) {
    projectCreate(input: $input) {
      project {
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

export function ProjectCreateForm({ teamId }: { teamId: string }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, create] = useMutation(ProjectCreate);
  const effectiveSlug = slug ?? slugify(name);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { teamId, name, slug: effectiveSlug, description } });
    if (result.error) return setErrors({ '': [readableError(result.error)] });
    const payload = result.data?.projectCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    if (payload?.project) router.push(hrefFor('projects', payload.project.id));
  }

  const fieldProps = (key: string) => {
    const messages = errorsFor(errors, key);
    return {
      'aria-invalid': messages.length > 0 || undefined,
      'aria-describedby': `${id}-${key}`,
      messages,
    };
  };
  const nameField = fieldProps('name');
  const slugField = fieldProps('slug');
  const descriptionField = fieldProps('description');
  return (
    <form className="form" onSubmit={submit}>
      <FieldError messages={unclaimedErrors(errors, ['name', 'slug', 'description'])} />
      <div className="form-row">
        <label>
          Project name
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameField['aria-invalid']}
            aria-describedby={nameField['aria-describedby']}
          />
          <FieldError id={nameField['aria-describedby']} messages={nameField.messages} />
        </label>
        <label>
          Project slug
          <input
            required
            value={effectiveSlug}
            onChange={(e) => setSlug(e.target.value)}
            aria-invalid={slugField['aria-invalid']}
            aria-describedby={slugField['aria-describedby']}
          />
          <FieldError id={slugField['aria-describedby']} messages={slugField.messages} />
        </label>
      </div>
      <label>
        Description
        <input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={descriptionField['aria-invalid']}
          aria-describedby={descriptionField['aria-describedby']}
        />
        <FieldError id={descriptionField['aria-describedby']} messages={descriptionField.messages} />
      </label>
      <div>
        <button type="submit" disabled={fetching}>
          Create project
        </button>
      </div>
    </form>
  );
}
