// "Invite a contractor": the address and the new contract's terms. The contract shows as
// "Pending invitation" until they accept from the mail. Each field the server refuses is marked
// with its words; a rate that is not a number is caught before sending.
import { useState } from 'react';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { PER_WEEK_NOT_A_NUMBER, PRIVACY_DEFAULTS, PrivacyTermsFieldset, privacyTermsBody } from '#src/components/ui/privacy-terms-fieldset.tsx';
import { IanaZoneOptions } from '#src/components/ui/zone-options.tsx';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useInviteContractor } from '../api/invitations-api.ts';
import type { InviteDialogProps } from './invite-button.tsx';
import { InviteField, invalidProps, serverFieldError, unnamedProblem } from './invite-field.tsx';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'PLN', 'SEK'];
const FIELDS = ['email', 'name', 'title', 'hourlyRate', 'currency', 'weeklyLimitHours', 'manualTimeAllowed', 'timeZone', 'companyId', 'redactionsPerWeek'] as const;

/** "60" or "60.50" in the currency's units → minor units; null when it is not an amount. */
function toMinor(text: string, currency: string): number | null {
  if (!/^\d+([.,]\d{1,2})?$/.test(text.trim())) return null;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(Number(text.trim().replace(',', '.')) * 10 ** digits);
}

export function InviteContractorDialog({ onClose, onInvited }: InviteDialogProps) {
  const invite = useInviteContractor();
  const [f, setF] = useState({ email: '', name: '', title: '', rate: '', currency: 'USD', cap: '', manual: false, timeZone: browserTimeZone() });
  const [privacy, setPrivacy] = useState(PRIVACY_DEFAULTS);
  const [rateError, setRateError] = useState<string>();
  const [perWeekError, setPerWeekError] = useState<string>();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = (field: (typeof FIELDS)[number]) => serverFieldError(invite.error, field);

  const submit = () => {
    const hourlyRate = toMinor(f.rate, f.currency);
    const terms = privacyTermsBody(privacy);
    setRateError(hourlyRate === null ? 'must be an amount, like 60 or 62.50' : undefined);
    setPerWeekError(terms === null ? PER_WEEK_NOT_A_NUMBER : undefined);
    if (hourlyRate === null || terms === null) return;
    invite.mutate(
      {
        email: f.email.trim(),
        name: f.name.trim() || undefined,
        title: f.title,
        hourlyRate,
        currency: f.currency,
        weeklyLimitHours: f.cap.trim() === '' ? null : Number(f.cap),
        manualTimeAllowed: f.manual,
        timeZone: f.timeZone,
        ...terms,
      },
      { onSuccess: (inv) => onInvited(inv.email) },
    );
  };
  const problem = unnamedProblem(invite.error, FIELDS);
  const rate = rateError ?? err('hourlyRate');
  return (
    <FormDialog
      title="Invite a contractor"
      description="They get a mail with a link that works once, for 7 days. The contract shows as “Pending invitation” until they accept."
      submitLabel="Send the invitation"
      pendingLabel="Sending…"
      pending={invite.isPending}
      onSubmit={submit}
      onClose={onClose}
      size="md"
      className="invite-dialog"
    >
      {problem && (
        <div className="alert alert--error" role="alert">
          {problem}
        </div>
      )}
      <InviteField id="invite-email" label="Email" error={err('email')}>
        <input {...invalidProps('invite-email', err('email'))} type="email" autoComplete="off" required value={f.email} onChange={set('email')} autoFocus />
      </InviteField>
      <InviteField id="invite-name" label="Name (optional)" error={err('name')} hint="They can change it when they accept.">
        <input {...invalidProps('invite-name', err('name'))} maxLength={100} value={f.name} onChange={set('name')} />
      </InviteField>
      <InviteField id="invite-title" label="Contract title" error={err('title')}>
        <input {...invalidProps('invite-title', err('title'))} maxLength={200} required value={f.title} onChange={set('title')} />
      </InviteField>
      <div className="invite-dialog__row">
        <InviteField id="invite-rate" label="Hourly rate" error={rate}>
          <input {...invalidProps('invite-rate', rate)} inputMode="decimal" placeholder="60.00" required value={f.rate} onChange={set('rate')} />
        </InviteField>
        <InviteField id="invite-currency" label="Currency" error={err('currency')}>
          <select {...invalidProps('invite-currency', err('currency'))} className="input" value={f.currency} onChange={set('currency')}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </InviteField>
      </div>
      <div className="invite-dialog__row">
        <InviteField id="invite-cap" label="Weekly limit (hours)" error={err('weeklyLimitHours')} hint="Leave empty for no limit.">
          <input {...invalidProps('invite-cap', err('weeklyLimitHours'))} type="number" min={0} max={168} step={1} value={f.cap} onChange={set('cap')} />
        </InviteField>
        <InviteField id="invite-zone" label="Contractor’s time zone" error={err('timeZone')}>
          <select {...invalidProps('invite-zone', err('timeZone'))} className="input" value={f.timeZone} onChange={set('timeZone')}>
            <IanaZoneOptions current={f.timeZone} />
          </select>
        </InviteField>
      </div>
      <label className="invite-dialog__check">
        <input type="checkbox" checked={f.manual} onChange={(e) => setF({ ...f, manual: e.target.checked })} /> Allow manual time
      </label>
      <PrivacyTermsFieldset value={privacy} onChange={setPrivacy} error={perWeekError ?? err('redactionsPerWeek')} />
    </FormDialog>
  );
}
