// Admin → Outbox: every mail the installation queued, newest first, with what became of it;
// a mail opens beside the list (alone on a phone) as its recipient sees it. Filters live in
// the URL, so a filtered list can be shared and survives opening a mail.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { MAIL_STATUSES, type MailStatus, type OutboxMail } from '#contract/outbox.ts';
import { PagedList } from '#src/components/ui/query-list.tsx';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useOutbox } from '../api/outbox-api.ts';
import { FilterSelect, SearchFilters, useFilterParams } from './admin-filters.tsx';
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
  const { search, update } = useFilterParams();
  const status = MAIL_STATUSES.find((s) => s === search.get('status'));
  const to = search.get('to') ?? '';
  const outbox = useOutbox({ status, to: to || undefined });
  const timeZone = useMemo(() => browserTimeZone(), []);
  const mails = outbox.data?.pages.flatMap((p) => p.mails) ?? [];
  const qs = search.toString() ? `?${search.toString()}` : '';

  return (
    <AdminFrame title="Outbox" lead="Every mail workdiary queued, newest first: sent, kept here when no mail server is set, waiting for a retry, or failed.">
      <div className={`outbox${mailId !== null ? ' outbox--reading' : ''}`}>
        <section className="outbox__list" aria-label="Mails">
          <SearchFilters q={to || undefined} label="Recipient" placeholder="Recipient’s address" onSearch={(q) => update({ to: q })}>
            <FilterSelect label="Status" all="Any status" value={status} options={MAIL_STATUSES.map((s) => ({ id: s, name: STATUS_NAMES[s] }))} onChange={(s) => update({ status: s })} />
          </SearchFilters>
          <PagedList
            query={outbox}
            what="the outbox"
            count={mails.length}
            timeZone={timeZone}
            older="Older mails"
            empty={
              status || to
                ? { title: 'No mail matches', text: 'Clear the address or the status to see more.' }
                : { title: 'No mail yet', text: 'Invitations, password resets and notifications appear here as they are queued.' }
            }
          >
            <ol className="admin-list outbox__mails">
              {mails.map((m) => (
                <MailRow key={m.id} mail={m} open={m.id === mailId} search={qs} timeZone={timeZone} />
              ))}
            </ol>
          </PagedList>
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
