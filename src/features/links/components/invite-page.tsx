// /invite/<token>: who invited the reader to what. A new account chooses its name and password
// and is signed in; an existing account signs in (and comes back here) and accepts. The link
// works once, for 7 days; after that the page says so and offers a way on. A contract's privacy
// terms are spelled out before the contractor accepts them: they cannot be changed after.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { LinkInfo } from '#contract/invitations.ts';
import { Spinner } from '#src/components/ui/spinner.tsx';
import type { Me } from '#contract/auth.ts';
import { api, isApiError } from '#src/lib/api-client.ts';
import { formatMoney } from '#src/utils/money.ts';
import { privacySentences } from '#contract/privacy-words.ts';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import { useAcceptInvitation, useLinkInfo } from '../api/links-api.ts';
import { fieldError, LinkField } from './link-field.tsx';
import { LinkInvalid } from './link-invalid.tsx';
import './links.css';

type Invite = Extract<LinkInfo, { purpose: 'invite' }>;

function InviteFacts({ info }: { info: Invite }) {
  const c = info.contract;
  return (
    <dl className="public-card__facts">
      <dt>Company</dt>
      <dd>{info.company}</dd>
      {c && (
        <>
          <dt>Contract</dt>
          <dd>{c.title}</dd>
          <dt>Terms</dt>
          <dd>
            {formatMoney(c.hourlyRate, c.currency)}/h{c.weeklyLimitHours !== null ? ` · up to ${c.weeklyLimitHours} h a week` : ' · no weekly limit'}
          </dd>
          <dt>Privacy</dt>
          <dd>
            <ul className="public-card__privacy">
              {privacySentences(c.privacy).map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>Invited as</dt>
      <dd>
        {info.role === 'client' ? 'A client' : 'The contractor'} · {info.email}
      </dd>
    </dl>
  );
}

export function InvitePage() {
  const token = useParams().token ?? '';
  const info = useLinkInfo(token);
  const me = useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api.get<Me>('/auth/me', { signal, redirectOn401: false }), retry: false, staleTime: 60_000 });
  const accept = useAcceptInvitation(token);
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');

  // Accepted: the invitee is signed in; a fresh load of their contracts starts the app as them.
  useEffect(() => {
    if (accept.isSuccess) window.location.replace('/contracts');
  }, [accept.isSuccess]);

  if (accept.isSuccess) return <PublicCard tabTitle="Invitation" title="Welcome to workdiary" lead={<Spinner label="Opening your contracts" />} />;
  if (info.isPending) return <PublicCard tabTitle="Invitation" title="Invitation" lead={<Spinner label="Checking the invitation" />} />;
  if (isApiError(info.error, 410) || isApiError(accept.error, 410) || info.data?.purpose !== 'invite') return <LinkInvalid />;
  const invite = info.data;
  const by = invite.invitedBy ?? 'An admin';
  const lead = invite.contract ? `${by} of ${invite.company} invites you to a contract on workdiary.` : `${by} invites you to ${invite.company} on workdiary.`;
  const problem = accept.error && !fieldError(accept.error, 'name') && !fieldError(accept.error, 'password') && (
    <div className="alert alert--error" role="alert">
      {accept.error.message}
    </div>
  );

  if (invite.newAccount) {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      accept.mutate({ name: (name ?? invite.name).trim(), password });
    };
    return (
      <PublicCard tabTitle="Invitation" title="Set up your account" lead={lead}>
        <InviteFacts info={invite} />
        <form className="public-card__form" onSubmit={submit} noValidate>
          {problem}
          <input type="email" autoComplete="username" value={invite.email} readOnly hidden />
          <LinkField id="invite-name" label="Your name" autoComplete="name" maxLength={100} value={name ?? invite.name} onChange={(e) => setName(e.target.value)} error={fieldError(accept.error, 'name')} />
          <LinkField id="invite-password" label="Choose a password (10 to 200 characters)" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError(accept.error, 'password')} autoFocus />
          <button type="submit" className="btn btn--primary btn--block" disabled={!password || accept.isPending}>
            {accept.isPending ? 'Setting up…' : invite.contract ? 'Accept and set up my account' : 'Set up my account'}
          </button>
        </form>
      </PublicCard>
    );
  }

  const signedInAs = me.data?.email;
  return (
    <PublicCard tabTitle="Invitation" title={invite.contract ? `Accept “${invite.contract.title}”` : `Join ${invite.company}`} lead={lead}>
      <InviteFacts info={invite} />
      {problem}
      {signedInAs === invite.email ? (
        <button type="button" className="btn btn--primary btn--block" disabled={accept.isPending} onClick={() => accept.mutate({})}>
          {accept.isPending ? 'Accepting…' : 'Accept the invitation'}
        </button>
      ) : signedInAs ? (
        <p className="login-card__lead">
          You are signed in as {signedInAs}. Sign out, then sign in as {invite.email} and open this link again to accept.
        </p>
      ) : (
        <div className="public-card__actions">
          <p className="muted small">You already have an account. Sign in as {invite.email} to accept.</p>
          <Link className="btn btn--primary btn--block" to={`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`}>
            Sign in to accept
          </Link>
        </div>
      )}
    </PublicCard>
  );
}
