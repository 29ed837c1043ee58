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
      <div className="field">
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={isApiError(error, 401) || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={isApiError(error, 401) || undefined}
        />
      </div>
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending || !email || !password}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
