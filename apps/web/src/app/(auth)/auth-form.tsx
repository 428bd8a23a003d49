'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Field } from '@/components/field';
import { FieldError } from '@/components/field-error';
import { graphql } from '@/gql';
import { browserRequest } from '@/lib/graphql/browser-fetch';
import { errorMessage } from '@/lib/graphql/errors';
import { useFormErrors } from '@/lib/forms/use-form-errors';
import { unclaimedErrors } from '@/lib/user-errors';
import { afterSignIn, invitationPath } from './invitation-links.ts';

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Sign-in and sign-up: the API sets the session cookie through the dashboard's /graphql forwarding
 * (app/graphql/route.ts). On an invitation link (`/invite/<token>`) sign-up carries the token, which lets the
 * person in where sign-up is by invitation and joins them to the team; sign-in from that page
 * (`/sign-in?invitation=<token>`) goes back to it, where the invitation is accepted.
 */
export function AuthForm({ mode, invitationToken }: { mode: 'sign-in' | 'sign-up'; invitationToken?: string }) {
  const router = useRouter();
  const form = useFormErrors();
  const { errors } = form;
  const [busy, setBusy] = useState(false);
  const fields = mode === 'sign-up' ? ['name', 'email', 'password'] : ['email', 'password'];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form itself (uncontrolled fields): what was typed before the page was hydrated counts.
    const data = new FormData(event.currentTarget);
    const value = (field: string) => String(data.get(field) ?? '');
    const [email, password] = [value('email'), value('password')];
    setBusy(true);
    form.setErrors({});
    try {
      const payload =
        mode === 'sign-up'
          ? (await browserRequest(SignUp, { input: { email, password, name: value('name'), invitationToken } })).signUp
          : (await browserRequest(SignIn, { input: { email, password } })).signIn;
      if (!form.check({}, payload)) {
        setBusy(false);
        return;
      }
      // A sign-in lands on the home page (or, on a fresh npm start, on the running demo study); a new account
      // has no team yet and starts at Teams.
      router.replace(mode === 'sign-in' ? afterSignIn(invitationToken) : '/teams');
      router.refresh();
    } catch (error) {
      form.setErrors({ '': [errorMessage(error)] });
      setBusy(false);
    }
  }

  const input = (name: string, label: string, type: string, autoComplete: string) => (
    <Field
      label={label}
      name={name}
      type={type}
      required
      autoComplete={autoComplete}
      minLength={name === 'password' && mode === 'sign-up' ? 10 : undefined}
      errors={errors}
    />
  );

  return (
    <form ref={form.ref} className="form" onSubmit={submit}>
      {mode === 'sign-in' ? (
        <h1>{invitationToken ? 'Sign in to accept the invitation' : 'Sign in to Tuneboard'}</h1>
      ) : (
        !invitationToken && <h1>Create your account</h1>
      )}
      <FieldError messages={unclaimedErrors(errors, fields)} />
      {mode === 'sign-up' && input('name', 'Name', 'text', 'name')}
      {input('email', 'Email', 'email', 'email')}
      {input('password', 'Password', 'password', mode === 'sign-up' ? 'new-password' : 'current-password')}
      <div>
        <button type="submit" disabled={busy}>
          {mode === 'sign-up' ? 'Create account' : 'Sign in'}
        </button>
      </div>
      {/* On the invitation's page, which links to sign-in itself. */}
      {!(mode === 'sign-up' && invitationToken) && (
        <p className="muted">
          {mode === 'sign-up' ? (
            <>
              Already have an account? <Link href="/sign-in">Sign in</Link>
            </>
          ) : invitationToken ? (
            <>
              New here? <Link href={invitationPath(invitationToken)}>Create an account to accept</Link>
            </>
          ) : (
            <>
              New here? <Link href="/sign-up">Create an account</Link>
            </>
          )}
        </p>
      )}
    </form>
  );
}
