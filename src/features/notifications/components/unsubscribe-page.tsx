// /unsubscribe/<Message-ID>: what the link stops, and one button. No sign-in: the mail's random
// Message-ID is the credential. The choice becomes "app only"; Settings can change it back. The
// route gives the frame of the pages reached from a mail, and the page for a link that is no
// longer valid (both from the links feature, which this one may not import).
import type { ComponentType, ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Spinner } from '#src/components/ui/spinner.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { useUnsubscribe, useUnsubscribeInfo } from '../api/unsubscribe.ts';

export type PublicFrame = ComponentType<{ tabTitle: string; title: string; lead?: ReactNode; children?: ReactNode }>;

const settingsLink = (
  <Link className="btn btn--ghost btn--block" to="/settings">
    Choose in Settings
  </Link>
);

export function UnsubscribePage({ Card, invalid }: { Card: PublicFrame; invalid: ReactNode }) {
  const messageId = useParams().messageId ?? '';
  const info = useUnsubscribeInfo(messageId);
  const stop = useUnsubscribe(messageId);

  if (info.isPending) return <Card tabTitle="Stop these mails" title="Stop these mails" lead={<Spinner label="Checking the link" />} />;
  if (isApiError(info.error, 404) || isApiError(info.error, 400) || isApiError(stop.error, 404)) return invalid;
  if (info.isError) return <Card tabTitle="Stop these mails" title="Stop these mails" lead={`The link could not be checked: ${info.error.message} Try again in a moment.`} />;
  const { label, channel } = info.data;
  if (channel !== 'app_mail') {
    return (
      <Card tabTitle="Mails stopped" title={stop.isSuccess ? 'Mails stopped' : 'These mails are stopped'} lead={<>You get no mail for “{label}”. {channel === 'app' ? 'It still shows under the bell in workdiary.' : 'It is off in workdiary too.'}</>}>
        {settingsLink}
      </Card>
    );
  }
  return (
    <Card tabTitle="Stop these mails" title="Stop these mails?" lead={<>You get a mail for “{label}”. Stop these mails? It will still show under the bell in workdiary.</>}>
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
