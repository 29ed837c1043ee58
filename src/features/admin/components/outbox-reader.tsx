// One mail as its recipient sees it: the headers, then the HTML in a sandboxed frame (no
// scripts; its links open here, in the whole window) or the plain text with its links. A
// failed or waiting mail can be sent again.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { OutboxMailDetail } from '#contract/outbox.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { paths } from '#src/config/paths.ts';
import { formatInZone } from '#src/utils/date-format.ts';
import { useOutboxMail, useRetryMail } from '../api/outbox-api.ts';
import { OutboxStatus } from './outbox-status.tsx';

/** The HTML with every link opening in the whole window (a sandboxed frame may navigate only its top on a click). */
function framed(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    a.setAttribute('target', '_top');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}

/** Plain text with its http(s) links clickable. */
function withLinks(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part));
}

function Headers({ mail, timeZone }: { mail: OutboxMailDetail; timeZone: string }) {
  const rows: [string, ReactNode][] = [
    ['To', mail.to],
    ['Subject', mail.subject],
    ['Queued', formatInZone(mail.createdAt, timeZone, 'd MMM yyyy, HH:mm:ss')],
    ...(mail.sentAt ? ([['Sent', formatInZone(mail.sentAt, timeZone, 'd MMM yyyy, HH:mm:ss')]] as [string, ReactNode][]) : []),
    ['Kind', mail.kind],
    ['Message-ID', <code key="id">{`<${mail.messageId}>`}</code>],
    ...(mail.listUnsubscribe ? ([['List-Unsubscribe', <a key="u" href={mail.listUnsubscribe}>{mail.listUnsubscribe}</a>]] as [string, ReactNode][]) : []),
  ];
  return (
    <dl className="outbox-reader__headers">
      {rows.map(([k, v]) => (
        <div key={k} className="outbox-reader__header">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function HtmlFrame({ html, title }: { html: string; title: string }) {
  const [height, setHeight] = useState(320);
  return (
    <iframe
      className="outbox-reader__frame"
      title={title}
      srcDoc={framed(html)}
      // No scripts. Same origin only so the frame can be sized to its content.
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
      style={{ height }}
      onLoad={(e) => {
        // The body's own height: the document's is at least the frame's.
        const body = e.currentTarget.contentDocument?.body;
        if (body) setHeight(Math.max(160, Math.ceil(body.getBoundingClientRect().height) + 24));
      }}
    />
  );
}

export function OutboxReader({ mailId, timeZone }: { mailId: number; timeZone: string }) {
  const mail = useOutboxMail(mailId);
  const retry = useRetryMail();
  const [tab, setTab] = useState<'html' | 'text'>('html');
  if (mail.isPending) return <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading the mail" />;
  if (mail.isError) return <QueryErrorState title="This mail could not be loaded" query={mail} />;
  const m = mail.data;
  const tabs = [
    ['html', 'As the recipient sees it'],
    ['text', 'Plain text'],
  ] as const;
  return (
    <article className="outbox-reader" aria-label={`Mail: ${m.subject}`}>
      <Link className="outbox-reader__back" to={paths.adminOutbox.getHref()}>
        ← All mails
      </Link>
      <div className="outbox-reader__top">
        <h2 className="outbox-reader__subject">{m.subject}</h2>
        <OutboxStatus mail={m} />
      </div>
      {m.lastError && (
        <p className={m.status === 'sent' ? 'muted small' : 'form-error'} role={m.status === 'failed' ? 'alert' : undefined}>
          {m.status === 'sent' ? 'An earlier attempt failed: ' : `Attempt ${m.attempts} failed: `}
          {m.lastError}
          {m.nextAttemptAt && ` Next try ${formatInZone(m.nextAttemptAt, timeZone, 'HH:mm:ss')}.`}
        </p>
      )}
      {(m.status === 'failed' || (m.status === 'pending' && m.attempts > 0)) && (
        <p>
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => retry.mutate(m.id)} disabled={retry.isPending}>
            {retry.isPending ? 'Sending…' : 'Send again now'}
          </button>
          {retry.isError && <span className="form-error"> {retry.error.message}</span>}
        </p>
      )}
      <Headers mail={m} timeZone={timeZone} />
      <div className="outbox-reader__tabs" role="tablist" aria-label="Show the mail">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`outbox-tab-${id}`} aria-selected={tab === id} aria-controls="outbox-panel" className="outbox-reader__tab" onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div id="outbox-panel" role="tabpanel" aria-labelledby={`outbox-tab-${tab}`} className="outbox-reader__panel">
        {tab === 'html' ? <HtmlFrame html={m.html} title={`The mail “${m.subject}” as HTML`} /> : <pre className="outbox-reader__text">{withLinks(m.text)}</pre>}
      </div>
    </article>
  );
}
