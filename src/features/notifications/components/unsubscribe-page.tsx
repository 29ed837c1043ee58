// /unsubscribe/<Message-ID>: what the link stops, and one button. No sign-in: the mail's random
// Message-ID is the credential. The choice becomes "app only"; Settings can change it back.
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Logo } from '#src/components/ui/logo.tsx';
import { Spinner } from '#src/components/ui/spinner.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { useUnsubscribe, useUnsubscribeInfo } from '../api/unsubscribe.ts';

function Card({ title, lead, children }: { title: string; lead: ReactNode; children?: ReactNode }) {
  return (
    <main className="login-page">
      <title>{`${title} · workdiary`}</title>
      <div className="login-card">
        <div className="login-card__brand">
          <Logo />
        </div>
        <h1 className="login-card__title">{title}</h1>
        <p className="login-card__lead">{lead}</p>
        {children}
      </div>
    </main>
  );
}

const settingsLink = (
  <Link className="btn btn--ghost btn--block" to="/settings">
    Choose in Settings
  </Link>
);

export function UnsubscribePage() {
  const messageId = useParams().messageId ?? '';
  const info = useUnsubscribeInfo(messageId);
  const stop = useUnsubscribe(messageId);

  if (info.isPending) return <Card title="Stop these mails" lead={<Spinner label="Checking the link" />} />;
  if (isApiError(info.error, 404) || isApiError(info.error, 400) || isApiError(stop.error, 404)) {
    return (
      <Card title="This link is no longer valid" lead="It is not a link from one of our mails, or the mail was removed. To choose what you are told of, sign in and open Settings.">
        <Link className="btn btn--primary btn--block" to="/login">
          Sign in
        </Link>
      </Card>
    );
  }
  if (info.isError) return <Card title="Stop these mails" lead={`The link could not be checked: ${info.error.message} Try again in a moment.`} />;
  const { label, channel } = info.data;
  if (channel !== 'app_mail') {
    return (
      <Card title={stop.isSuccess ? 'Mails stopped' : 'These mails are stopped'} lead={<>You get no mail for “{label}”. {channel === 'app' ? 'It still shows under the bell in workdiary.' : 'It is off in workdiary too.'}</>}>
        {settingsLink}
      </Card>
    );
  }
  return (
    <Card title="Stop these mails?" lead={<>You get a mail for “{label}”. Stop these mails? It will still show under the bell in workdiary.</>}>
      {stop.isError && (
        <div className="alert alert--error" role="alert">
          {stop.error.message}
        </div>
      )}
      <button type="button" className="btn btn--primary btn--block" onClick={() => stop.mutate()} disabled={stop.isPending}>
        {stop.isPending ? 'Stopping…' : 'Stop these mails'}
      </button>
      {settingsLink}
    </Card>
  );
}
