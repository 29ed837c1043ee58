// The admin console's invitations: "Invite a client" into a company, and every company's
// invitations, filtered by company.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AdminCompanyList } from '#contract/admin.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { api } from '#src/lib/api-client.ts';
import { useInviteClient } from '../api/invitations-api.ts';
import { InviteButton, type InviteDialogProps } from './invite-button.tsx';
import { InviteField, invalidProps, serverFieldError, unnamedProblem } from './invite-field.tsx';
import { InvitationsList } from './invitations-list.tsx';

const useCompanies = () => useQuery({ queryKey: ['admin', 'companies'], queryFn: ({ signal }) => api.get<AdminCompanyList>('/admin/companies', { signal }) });

function InviteClientDialog({ onClose, onInvited }: InviteDialogProps) {
  const companies = useCompanies().data?.companies ?? [];
  const invite = useInviteClient();
  const [companyId, setCompanyId] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const err = (field: string) => serverFieldError(invite.error, field);
  const problem = unnamedProblem(invite.error, ['companyId', 'email', 'name']);
  return (
    <FormDialog
      title="Invite a client"
      description="They get a mail with a link that works once, for 7 days, to set their name and password."
      submitLabel="Send the invitation"
      pendingLabel="Sending…"
      pending={invite.isPending}
      onSubmit={() => invite.mutate({ companyId, email: email.trim(), name: name.trim() || undefined }, { onSuccess: (i) => onInvited(i.email) })}
      onClose={onClose}
      size="md"
    >
      {problem && (
        <div className="alert alert--error" role="alert">
          {problem}
        </div>
      )}
      <InviteField id="invite-company" label="Company" error={err('companyId')}>
        <select {...invalidProps('invite-company', err('companyId'))} className="input" required value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
          <option value="" disabled>
            Choose a company
          </option>
          {companies.map((c) => (
            <option key={c.id} value={c.id} disabled={Boolean((c as { deactivatedAt?: string | null }).deactivatedAt)}>
              {c.name}
            </option>
          ))}
        </select>
      </InviteField>
      <InviteField id="invite-client-email" label="Email" error={err('email')}>
        <input {...invalidProps('invite-client-email', err('email'))} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </InviteField>
      <InviteField id="invite-client-name" label="Name (optional)" error={err('name')}>
        <input {...invalidProps('invite-client-name', err('name'))} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </InviteField>
    </FormDialog>
  );
}

/** "Invite a client", above the users; says who was invited once it is sent. */
export function InviteClientButton() {
  return <InviteButton label="Invite a client" Dialog={InviteClientDialog} said={(email) => `Invitation sent to ${email}. It is in the list of invitations below.`} />;
}

/** Every company's invitations, or one company's. */
export function AdminInvitations() {
  const companies = useCompanies().data?.companies ?? [];
  const [companyId, setCompanyId] = useState('');
  return (
    <InvitationsList
      companyId={companyId || undefined}
      showCompany
      filter={
        <select className="input" aria-label="Invitations of company" value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
          <option value="">Every company</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      }
    />
  );
}
