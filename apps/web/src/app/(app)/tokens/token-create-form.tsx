'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { ApiTokenScope } from '@/gql/graphql';
import { wholeNumber } from '@/lib/form-numbers';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';
import { secretToShow, type CreatedToken } from './created-token.ts';

const ApiTokenCreate = graphql(`
  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) {
      secret
      apiToken {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const scopes: ApiTokenScope[] = ['RUNNER', 'READ', 'WRITE'];

/** Creates a token and shows its secret once; `revokedIds` (the page's revoked tokens) hides it when it is revoked. */
export function TokenCreateForm({
  teams,
  revokedIds,
}: {
  teams: { id: string; name: string }[];
  revokedIds: readonly string[];
}) {
  const router = useRouter();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('RUNNER');
  const [days, setDays] = useState('');
  const form = useFormErrors();
  const { errors } = form;
  const [createdToken, setCreated] = useState<CreatedToken | null>(null);
  const created = secretToShow(createdToken, revokedIds);
  const [copied, setCopied] = useState(false);
  const [{ fetching }, create] = useMutation(ApiTokenCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.setErrors({});
    setCreated(null);
    setCopied(false);
    const expiry = wholeNumber('expiresInDays', days, 1, 3650);
    if (expiry.error !== undefined) return form.setErrors({ expiresInDays: [expiry.error] });
    const result = await create({ input: { teamId, name, scope, expiresInDays: expiry.value } });
    const payload = result.data?.apiTokenCreate;
    if (form.check(result, payload) && payload?.secret && payload.apiToken) {
      setCreated({ id: payload.apiToken.id, name: payload.apiToken.name, secret: payload.secret });
      setName('');
      router.refresh();
    }
  }

  return (
    <>
      {created && (
        <div role="status" style={{ marginBottom: '1rem' }}>
          <p>
            Token <strong>{created.name}</strong> created. Copy its secret now: it is not shown again.
          </p>
          <p className="secret" data-testid="token-secret">
            {created.secret}
          </p>
          <button
            type="button"
            className="button-secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(created.secret);
              setCopied(true);
            }}
          >
            {copied ? 'Copied' : 'Copy secret'}
          </button>
        </div>
      )}
      <form ref={form.ref} className="form" onSubmit={submit}>
        <FieldError messages={unclaimedErrors(errors, ['name', 'expiresInDays'])} />
        <div className="form-row">
          <label>
            Team
            <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <Field label="Token name" name="name" required errors={errors} value={name} onValue={setName} />
          <label>
            Scope
            <select value={scope} onChange={(e) => setScope(e.target.value as ApiTokenScope)}>
              {scopes.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <Field
            label="Expires in days"
            name="expiresInDays"
            inputMode="numeric"
            size={6}
            placeholder="never"
            errors={errors}
            value={days}
            onValue={setDays}
          />
          <button type="submit" disabled={fetching}>
            Create token
          </button>
        </div>
      </form>
    </>
  );
}
