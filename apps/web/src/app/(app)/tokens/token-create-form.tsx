'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import type { ApiTokenScope } from '@/gql/graphql';
import { wholeNumber } from '@/lib/form-numbers';
import { errorsFor, groupUserErrors, unclaimedErrors, type FieldErrors } from '@/lib/user-errors';
import { readableError } from '@/lib/graphql/errors';

const ApiTokenCreate = graphql(`
  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) {
      secret
      apiToken {
        id
        name
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const scopes: ApiTokenScope[] = ['RUNNER', 'READ', 'WRITE'];

export function TokenCreateForm({ teams }: { teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('RUNNER');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [{ fetching }, create] = useMutation(ApiTokenCreate);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setCreated(null);
    setCopied(false);
    const expiry = wholeNumber('expiresInDays', days, 1, 3650);
    if (expiry.error !== undefined) return setErrors({ expiresInDays: [expiry.error] });
    const result = await create({ input: { teamId, name, scope, expiresInDays: expiry.value } });
    if (result.error) return setErrors({ '': [readableError(result.error)] });
    const payload = result.data?.apiTokenCreate;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors));
    if (payload?.secret && payload.apiToken) {
      setCreated({ name: payload.apiToken.name, secret: payload.secret });
      setName('');
      router.refresh();
    }
  }

  const nameErrors = errorsFor(errors, 'name');
  const daysErrors = errorsFor(errors, 'expiresInDays');
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
      <form className="form" onSubmit={submit}>
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
          <label>
            Token name
            <input
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameErrors.length > 0 || undefined}
              aria-describedby={`${id}-name`}
            />
            <FieldError id={`${id}-name`} messages={nameErrors} />
          </label>
          <label>
            Scope
            <select value={scope} onChange={(e) => setScope(e.target.value as ApiTokenScope)}>
              {scopes.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            Expires in days
            <input
              inputMode="numeric"
              size={6}
              placeholder="never"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              aria-invalid={daysErrors.length > 0 || undefined}
              aria-describedby={`${id}-days`}
            />
            <FieldError id={`${id}-days`} messages={daysErrors} />
          </label>
          <button type="submit" disabled={fetching}>
            Create token
          </button>
        </div>
      </form>
    </>
  );
}
