// Email + password. A wrong password or too many attempts is said in the server's words.
import { useId, useState, type FormEvent } from 'react';
import type { Me } from '#contract/auth.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { useLogin } from '../api/login.ts';

export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const login = useLogin({ onSuccess });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    login.mutate({ email: email.trim(), password });
  };

  const error = login.error;
  const fieldErrors = isApiError(error) ? (error.problem?.errors ?? []) : [];
  const message = !error
    ? null
    : isApiError(error, 401)
      ? (error.problem?.detail ?? 'That email and password do not match an account. Check both and try again.')
      : error.message;

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-describedby={message ? errorId : undefined}>
      {message && (
        <div className="alert alert--error" role="alert" id={errorId}>
          <strong>{isApiError(error, 429) ? 'Too many attempts.' : 'Could not sign in.'}</strong> {message}
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((f) => (
                <li key={f.field}>
                  {f.field}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <LoginField field="email" value={email} onChange={setEmail} invalid={isApiError(error, 401)} />
      <LoginField field="password" value={password} onChange={setPassword} invalid={isApiError(error, 401)} />
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending || !email || !password}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

// What differs between the two inputs; the browser's password manager keys on these.
const FIELDS = {
  email: { label: 'Email', type: 'email', autoComplete: 'username', inputMode: 'email', autoFocus: true },
  password: { label: 'Password', type: 'password', autoComplete: 'current-password', inputMode: undefined, autoFocus: false },
} as const;

interface LoginFieldProps {
  field: keyof typeof FIELDS;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}

function LoginField({ field, value, onChange, invalid }: LoginFieldProps) {
  const { label, ...input } = FIELDS[field];
  return (
    <div className="field">
      <label htmlFor={`login-${field}`}>{label}</label>
      <input id={`login-${field}`} name={field} {...input} required value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} />
    </div>
  );
}
