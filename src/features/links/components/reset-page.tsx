// /reset/<token>: a new password from the link in a "forgot password" mail. It works once, for an
// hour; setting it signs the account out everywhere, and the user signs in with it.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '#src/lib/api-client.ts';
import { Spinner } from '#src/components/ui/spinner.tsx';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import { useLinkInfo, useResetPassword } from '../api/links-api.ts';
import { fieldError, LinkField } from './link-field.tsx';
import { LinkInvalid } from './link-invalid.tsx';
import './links.css';

export function ResetPage() {
  const token = useParams().token ?? '';
  const info = useLinkInfo(token);
  const reset = useResetPassword(token);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (reset.isSuccess) {
    return (
      <PublicCard tabTitle="Password set" title="Your new password is set" lead="You were signed out everywhere, and your desktop trackers must be connected again. Sign in with the new password.">
        <Link className="btn btn--primary btn--block" to="/login">
          Sign in
        </Link>
      </PublicCard>
    );
  }
  if (info.isPending) return <PublicCard tabTitle="New password" title="New password" lead={<Spinner label="Checking the link" />} />;
  if (isApiError(info.error, 410) || isApiError(reset.error, 410) || info.data?.purpose !== 'reset') return <LinkInvalid askFor="Ask for a new password link: it is good for one hour." />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== again);
    if (password === again) reset.mutate(password);
  };
  const passwordError = fieldError(reset.error, 'password');
  return (
    <PublicCard tabTitle="New password" title="Choose a new password" lead={`For ${info.data.email}. Every device is signed out when you save it.`}>
      <form className="public-card__form" onSubmit={submit} noValidate>
        {reset.error && !passwordError && (
          <div className="alert alert--error" role="alert">
            {reset.error.message}
          </div>
        )}
        <input type="email" autoComplete="username" value={info.data.email} readOnly hidden />
        <LinkField id="reset-password" label="New password (10 to 200 characters)" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={passwordError} autoFocus />
        <LinkField id="reset-again" label="The same again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} error={mismatch ? 'The two passwords differ.' : undefined} />
        <button type="submit" className="btn btn--primary btn--block" disabled={!password || !again || reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set the new password'}
        </button>
      </form>
    </PublicCard>
  );
}
