// Email + password, then the authenticator's code for a user with two-factor sign-in. A wrong
// password or code, or too many attempts, is said in the server's words.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CodeStep, Me } from '#contract/auth.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { useLogin } from '../api/login.ts';

export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const [step, setStep] = useState<CodeStep | null>(null);
  const login = useLogin({ onSuccess, onCodeStep: setStep });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const errorId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    if (step) login.mutate({ pendingToken: step.pendingToken, code: code.trim() });
    else login.mutate({ email: email.trim(), password });
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
                  {f.field.replace(/^body\./, '')}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step ? (
        <>
          <p className="login-form__step">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <LoginField field="code" value={code} onChange={setCode} invalid={isApiError(error, 401)} />
        </>
      ) : (
        <>
          <LoginField field="email" value={email} onChange={setEmail} invalid={isApiError(error, 401)} />
          <LoginField field="password" value={password} onChange={setPassword} invalid={isApiError(error, 401)} />
        </>
      )}
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending || (step ? !code.trim() : !email || !password)}>
        {login.isPending ? 'Signing in…' : step ? 'Verify and sign in' : 'Sign in'}
      </button>
      {!step && (
        <Link className="login-form__forgot" to="/forgot">
          Forgot password?
        </Link>
      )}
      {step && (
        // The code step lasts five minutes: past it, the password is asked again.
        <button
          type="button"
          className="btn btn--ghost btn--block"
          onClick={() => {
            setStep(null);
            setCode('');
            login.reset();
          }}
        >
          Start over
        </button>
      )}
    </form>
  );
}

// What differs between the two inputs; the browser's password manager keys on these.
const FIELDS = {
  email: { label: 'Email', type: 'email', autoComplete: 'username', inputMode: 'email', autoFocus: true },
  password: { label: 'Password', type: 'password', autoComplete: 'current-password', inputMode: undefined, autoFocus: false },
  code: { label: 'Code', type: 'text', autoComplete: 'one-time-code', inputMode: 'numeric', autoFocus: true },
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
