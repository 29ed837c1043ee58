import { useNavigate, useSearchParams } from 'react-router';
import { Logo } from '#src/components/ui/logo.tsx';
import { safeRedirect } from '#src/config/paths.ts';
import { LoginForm } from '#src/features/auth/components/login-form.tsx';

export default function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  return (
    <main className="login-page">
      <title>Sign in · workdiary</title>
      <div className="login-card">
        <div className="login-card__brand">
          <Logo />
        </div>
        <h1 className="login-card__title">Sign in</h1>
        <p className="login-card__lead">Review the work diary of your hourly contracts.</p>
        <LoginForm onSuccess={() => navigate(safeRedirect(redirectTo), { replace: true })} />
      </div>
      <p className="login-page__foot">Screenshots and activity are shown only to the people on the contract.</p>
    </main>
  );
}
