// /forgot: a link to set a new password, by mail. The answer is the same whether or not an
// account uses the address (the server never tells), so the page says what happens if one does.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { FORGOT_ANSWER } from '#contract/invitations.ts';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import { api, isApiError } from '#src/lib/api-client.ts';

export function ForgotPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: (address: string) => api.post<typeof FORGOT_ANSWER>('/auth/forgot', { email: address }, { redirectOn401: false }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!send.isPending) send.mutate(email.trim());
  };
  const emailError = isApiError(send.error) ? send.error.problem?.errors?.find((f) => f.field === 'body.email')?.message : undefined;
  return (
    <PublicCard tabTitle="Forgot password" title="Forgot your password?">
      {send.isSuccess ? (
        <>
          <div className="alert alert--ok" role="status">
            {send.data.message}
          </div>
          <p className="login-card__lead">No mail? Check the address and your spam folder, or ask your workdiary admin.</p>
          <Link className="btn btn--secondary btn--block" to="/login">
            Back to sign in
          </Link>
        </>
      ) : (
        <>
          <p className="login-card__lead">Enter the address you sign in with. We mail you a link to choose a new one.</p>
          <form className="login-form" onSubmit={submit} noValidate>
            {send.error && (
              <div className="alert alert--error" role="alert">
                {emailError ? `The email ${emailError}.` : send.error.message}
              </div>
            )}
            <div className="field">
              <label htmlFor="forgot-email">Email</label>
              <input id="forgot-email" type="email" autoComplete="username" inputMode="email" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={emailError ? true : undefined} />
            </div>
            <button type="submit" className="btn btn--primary btn--block" disabled={!email.trim() || send.isPending}>
              {send.isPending ? 'Sending…' : 'Send me a link'}
            </button>
            <Link className="btn btn--ghost btn--block" to="/login">
              Back to sign in
            </Link>
          </form>
        </>
      )}
    </PublicCard>
  );
}
