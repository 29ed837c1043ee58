// A new password, with the current one. This device stays signed in; every other one is signed
// out and the trackers must be connected again, as the page says before the user saves.
import { useState, type FormEvent } from 'react';
import { isApiError } from '#src/lib/api-client.ts';
import { useChangePassword } from '../api/settings.ts';
import { FormProblem } from './form-problem.tsx';

export function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  const fields = isApiError(change.error) ? (change.error.problem?.errors ?? []) : [];
  const invalid = (field: string) => fields.some((f) => f.field === `body.${field}`) || undefined;
  return (
    <form className="panel settings-card" onSubmit={submit} noValidate>
      <p className="settings-card__lead">
        You stay signed in on this device. Every other device is signed out, and your desktop trackers must be connected again.
      </p>
      <FormProblem error={change.error} />
      {change.isSuccess && (
        <div className="alert alert--ok" role="status">
          Your password was changed. Other devices were signed out.
        </div>
      )}
      <div className="field">
        <label htmlFor="settings-current-password">Current password</label>
        <input id="settings-current-password" type="password" autoComplete="current-password" value={currentPassword} aria-invalid={invalid('currentPassword')} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="settings-new-password">New password (10 to 200 characters)</label>
        <input id="settings-new-password" type="password" autoComplete="new-password" value={newPassword} aria-invalid={invalid('newPassword')} onChange={(e) => setNew(e.target.value)} />
      </div>
      <div className="settings-card__actions">
        <button type="submit" className="btn btn--primary" disabled={!currentPassword || !newPassword || change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
