// The privacy terms a new contract is made with, in the forms that make one (a client's
// invitation of a contractor, the admin console's new contract): whether redacted screenshots
// stay billable and how many a week, and whether the client sees every screenshot blurred.
import { useId } from 'react';
import type { NewPrivacyTerms } from '#contract/contracts.ts';
import type { z } from 'zod';
import './privacy-terms-fieldset.css';

/** What the form holds: the weekly count as typed. */
export interface PrivacyTermsDraft {
  redactedBillable: boolean;
  perWeek: string;
  blurAll: boolean;
}

export const PRIVACY_DEFAULTS: PrivacyTermsDraft = { redactedBillable: true, perWeek: '3', blurAll: false };

/**
 * The request's privacy fields, or null when the weekly count is not a whole number. With
 * redacted slots not billable the count is not sent: it counts for nothing.
 */
export function privacyTermsBody(d: PrivacyTermsDraft): z.input<typeof NewPrivacyTerms> | null {
  if (!d.redactedBillable) return { redactedBillable: false, blurAll: d.blurAll };
  if (!/^\d{1,3}$/.test(d.perWeek.trim())) return null;
  return { redactedBillable: true, redactionsPerWeek: Number(d.perWeek), blurAll: d.blurAll };
}

export const PER_WEEK_NOT_A_NUMBER = 'must be a whole number of screenshots, 0–100';

export function PrivacyTermsFieldset({ value, onChange, error }: { value: PrivacyTermsDraft; onChange: (next: PrivacyTermsDraft) => void; error?: string | null }) {
  const id = useId();
  const set = (patch: Partial<PrivacyTermsDraft>) => onChange({ ...value, ...patch });
  // A count that counts for nothing is not wrong.
  const shown = value.redactedBillable ? error : null;
  return (
    <fieldset className="privacy-terms">
      <legend>Privacy</legend>
      <div className="privacy-terms__choice">
        <input id={`${id}-billable`} type="checkbox" checked={value.redactedBillable} onChange={(e) => set({ redactedBillable: e.target.checked })} />
        <span className="privacy-terms__sentence">
          <label htmlFor={`${id}-billable`}>Redacted screenshots stay billable, up to</label>
          <span className="privacy-terms__count">
            <input
              className="input"
              aria-label="Billable redactions a week"
              inputMode="numeric"
              maxLength={3}
              value={value.perWeek}
              disabled={!value.redactedBillable}
              onChange={(e) => set({ perWeek: e.target.value })}
              aria-invalid={shown ? true : undefined}
              aria-describedby={shown ? `${id}-error` : undefined}
            />{' '}
            a week
          </span>
        </span>
        {shown && (
          <p id={`${id}-error`} className="field__error privacy-terms__error">
            Redactions a week: {shown}
          </p>
        )}
      </div>
      <div className="privacy-terms__choice">
        <input id={`${id}-blur`} type="checkbox" checked={value.blurAll} onChange={(e) => set({ blurAll: e.target.checked })} />
        <label htmlFor={`${id}-blur`}>
          Blur every screenshot for the client <span className="privacy-terms__why">(originals kept encrypted, shown to an admin only on an escalated dispute)</span>
        </label>
      </div>
    </fieldset>
  );
}
