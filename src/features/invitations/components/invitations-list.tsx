// The invitations of a company (a client's own, or any for an admin): who, to what, and whether
// it waits, was accepted, expired or was revoked. One that waits or expired can be sent again
// with a new link; revoking asks first, and ends the contract that waited for it.
import { useMemo, useState, type ReactNode } from 'react';
import type { Invitation, InvitationStatus } from '#contract/invitations.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { formatInZone } from '#src/utils/date-format.ts';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '../api/invitations-api.ts';
import './invitations.css';

const STATUS_WORD: Record<InvitationStatus, string> = { pending: 'Waiting', accepted: 'Accepted', expired: 'Expired', revoked: 'Revoked' };
const STATUS_CLASS: Record<InvitationStatus, string> = { pending: 'status--pending', accepted: 'status--active', expired: 'status--paused', revoked: 'status--ended' };

/** `filter`: a control the page adds beside the status filter (the admin's company). */
export function InvitationsList({ companyId, showCompany = false, filter }: { companyId?: string; showCompany?: boolean; filter?: ReactNode }) {
  const [status, setStatus] = useState<InvitationStatus | ''>('');
  const list = useInvitations({ companyId, status: status || undefined });
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [asking, setAsking] = useState<Invitation | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const zone = useMemo(() => browserTimeZone(), []);

  return (
    <section className="invitations" aria-labelledby="invitations-title">
      <div className="invitations__head">
        <h2 className="invitations__title" id="invitations-title">
          Invitations
        </h2>
        <span className="invitations__filters">
          {filter}
          <select className="input" aria-label="Invitation status" value={status} onChange={(e) => setStatus(e.target.value as InvitationStatus | '')}>
          <option value="">All</option>
          {(Object.keys(STATUS_WORD) as InvitationStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_WORD[s]}
            </option>
          ))}
          </select>
        </span>
      </div>
      <p className="sr-only" role="status">
        {said}
      </p>
      {(resend.error || revoke.error) && (
        <div className="alert alert--error" role="alert">
          {(resend.error ?? revoke.error)!.message}
        </div>
      )}
      {list.isPending ? (
        <div className="skeleton skeleton--block" aria-busy="true" aria-label="Loading invitations" />
      ) : list.isError ? (
        <QueryErrorState title="The invitations could not be loaded" query={list} />
      ) : list.data.invitations.length === 0 ? (
        <p className="muted">{status ? 'No invitation in this state.' : 'No invitations yet.'}</p>
      ) : (
        <ul className="invitations__list" aria-label="Invitations">
          {list.data.invitations.map((i) => (
            <li key={i.id} className="invitation-row" aria-label={i.email}>
              <div className="invitation-row__main">
                <span className="invitation-row__who">{i.name === i.email.split('@')[0] ? i.email : `${i.name} · ${i.email}`}</span>
                <span className="invitation-row__what">
                  {i.contract ? `Contractor on “${i.contract.title}”` : 'Client'}
                  {showCompany ? ` · ${i.company.name}` : ''}
                  {i.invitedBy ? ` · invited by ${i.invitedBy}` : ''}
                </span>
              </div>
              <span className="invitation-row__when muted small">
                {i.status === 'pending' ? `Link good until ${formatInZone(i.expiresAt, zone, 'd MMM, HH:mm')}` : `Sent ${formatInZone(i.createdAt, zone, 'd MMM yyyy')}`}
              </span>
              <span className={`status ${STATUS_CLASS[i.status]}`}>{STATUS_WORD[i.status]}</span>
              <span className="invitation-row__actions">
                {(i.status === 'pending' || i.status === 'expired') && (
                  <>
                    <button
                      type="button"
                      className="btn btn--sm btn--secondary"
                      disabled={resend.isPending}
                      onClick={() => resend.mutate(i.id, { onSuccess: () => setSaid(`A new invitation was sent to ${i.email}.`) })}
                    >
                      Resend<span className="sr-only"> to {i.email}</span>
                    </button>
                    <button type="button" className="btn btn--sm btn--ghost" onClick={() => { revoke.reset(); setAsking(i); }}>
                      Revoke<span className="sr-only"> {i.email}</span>
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={`Revoke the invitation to ${asking.email}?`}
          description={
            asking.contract
              ? `The link in their mail stops working and the pending contract “${asking.contract.title}” ends. You can invite them again later.`
              : 'The link in their mail stops working. You can invite them again later.'
          }
          confirmLabel="Revoke"
          pendingLabel="Revoking…"
          tone="danger"
          pending={revoke.isPending}
          error={revoke.error?.message}
          onCancel={() => setAsking(null)}
          onConfirm={() => revoke.mutate(asking.id, { onSuccess: () => { setSaid(`The invitation to ${asking.email} was revoked.`); setAsking(null); } })}
        />
      )}
    </section>
  );
}
