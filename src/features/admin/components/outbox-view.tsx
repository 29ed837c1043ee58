// Admin → Outbox: every mail the installation queued, newest first, with what became of it;
// a mail opens beside the list (alone on a phone) as its recipient sees it. Filters live in
// the URL, so a filtered list can be shared and survives opening a mail.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MAIL_STATUSES, type MailStatus, type OutboxMail } from '#contract/outbox.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useOutbox } from '../api/outbox-api.ts';
import { AdminFrame } from './admin-frame.tsx';
import { OutboxReader } from './outbox-reader.tsx';
import { OutboxStatus } from './outbox-status.tsx';
import './outbox.css';

const STATUS_NAMES: Record<MailStatus, string> = { pending: 'Waiting', sent: 'Sent', kept: 'Kept', failed: 'Failed' };

function MailRow({ mail, open, search, timeZone }: { mail: OutboxMail; open: boolean; search: string; timeZone: string }) {
  return (
    <li className={`outbox-row${open ? ' outbox-row--open' : ''}`}>
      <Link className="outbox-row__link" to={`${paths.adminOutboxMail.getHref(mail.id)}${search}`} aria-current={open ? 'true' : undefined}>
        <span className="outbox-row__top">
          <span className="outbox-row__to">{mail.to}</span>
          <time className="outbox-row__when" dateTime={mail.createdAt}>
            {formatInZone(mail.createdAt, timeZone, 'd MMM, HH:mm')}
          </time>
        </span>
        <span className="outbox-row__subject">{mail.subject}</span>
        <span className="outbox-row__bottom">
          <OutboxStatus mail={mail} />
          <code className="outbox-row__kind">{mail.kind}</code>
        </span>
        {mail.lastError && mail.status !== 'sent' && <span className="outbox-row__error">{mail.lastError}</span>}
      </Link>
    </li>
  );
}

export function OutboxView({ mailId }: { mailId: number | null }) {
  const [search, setSearch] = useSearchParams();
  const status = MAIL_STATUSES.find((s) => s === search.get('status'));
  const to = search.get('to') ?? '';
  const [typed, setTyped] = useState(to);
  const outbox = useOutbox({ status, to: to || undefined });
  const timeZone = useMemo(() => browserTimeZone(), []);
  const update = (key: string, value: string) => {
    const params = new URLSearchParams(search);
    if (value) params.set(key, value);
    else params.delete(key);
    setSearch(params, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update('to', typed.trim());
  };
  const mails = outbox.data?.pages.flatMap((p) => p.mails) ?? [];
  const qs = search.toString() ? `?${search.toString()}` : '';

  return (
    <AdminFrame title="Outbox" lead="Every mail workdiary queued, newest first: sent, kept here when no mail server is set, waiting for a retry, or failed.">
      <div className={`outbox${mailId !== null ? ' outbox--reading' : ''}`}>
        <section className="outbox__list" aria-label="Mails">
          <form className="admin-filters" role="search" onSubmit={submit}>
            <input className="input admin-filters__search" type="search" aria-label="Recipient" placeholder="Recipient’s address" value={typed} onChange={(e) => setTyped(e.target.value)} />
            <button type="submit" className="btn btn--secondary">Search</button>
            <select className="input" aria-label="Status" value={status ?? ''} onChange={(e) => update('status', e.target.value)}>
              <option value="">Any status</option>
              {MAIL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_NAMES[s]}
                </option>
              ))}
            </select>
          </form>
          {outbox.isPending ? (
            <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading the outbox" />
          ) : outbox.isError ? (
            <QueryErrorState title="The outbox could not be loaded" query={outbox} />
          ) : mails.length === 0 ? (
            <div className="state-panel">
              <h2 className="state-panel__title">{status || to ? 'No mail matches' : 'No mail yet'}</h2>
              <p className="state-panel__text">
                {status || to ? 'Clear the address or the status to see more.' : 'Invitations, password resets and notifications appear here as they are queued.'}
              </p>
            </div>
          ) : (
            <>
              <ol className="admin-list outbox__mails">
                {mails.map((m) => (
                  <MailRow key={m.id} mail={m} open={m.id === mailId} search={qs} timeZone={timeZone} />
                ))}
              </ol>
              <p className="muted small">Times in {timeZone}.</p>
              {outbox.hasNextPage && (
                <button type="button" className="btn btn--secondary" onClick={() => void outbox.fetchNextPage()} disabled={outbox.isFetchingNextPage}>
                  {outbox.isFetchingNextPage ? 'Loading…' : 'Older mails'}
                </button>
              )}
            </>
          )}
        </section>
        <section className="outbox__reader" aria-label="Mail">
          {mailId !== null ? (
            <OutboxReader key={mailId} mailId={mailId} timeZone={timeZone} />
          ) : (
            <p className="outbox__hint muted">Choose a mail to read it as its recipient sees it.</p>
          )}
        </section>
      </div>
    </AdminFrame>
  );
}
