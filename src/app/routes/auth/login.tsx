import { useNavigate, useSearchParams } from 'react-router';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import { safeRedirect } from '#src/config/paths.ts';
import { LoginForm } from '#src/features/auth/components/login-form.tsx';

export default function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  return (
    <PublicCard tabTitle="Sign in" title="Sign in" lead="Review the work diary of your hourly contracts." foot="Screenshots and activity are shown only to the people on the contract.">
      <LoginForm onSuccess={() => navigate(safeRedirect(redirectTo), { replace: true })} />
    </PublicCard>
  );
}
