// The client's "Contract terms" panel: change the weekly cap (or remove it) and whether manual
// time is allowed. A change applies from the next Monday 00:00 UTC; the week under way keeps
// the terms it started with, and a scheduled change is shown until it takes effect.
import { useId, useState, type FormEvent } from 'react';
import type { Contract } from '#contract/contracts.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { useChangeTerms } from '../api/change-terms.ts';
import { capText, effectiveText, manualText, parseCapHours, rateText } from '../utils/terms-text.ts';
import './contract-terms-form.css';

interface ContractTermsFormProps {
  contract: Contract;
  /** The Monday (YYYY-MM-DD) a change made now applies from, by the server's clock. */
  nextMonday: string;
}

export function ContractTermsForm({ contract, nextMonday }: ContractTermsFormProps) {
  const id = useId();
  const scheduled = contract.nextTerms;
  // The form starts from what the next week will have: the scheduled change, or today's terms.
  const base = scheduled ?? contract;
  const [noCap, setNoCap] = useState(base.weeklyLimitHours === null);
  const [hours, setHours] = useState(base.weeklyLimitHours === null ? '40' : String(base.weeklyLimitHours));
  const [manual, setManual] = useState(base.manualTimeAllowed);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const change = useChangeTerms(contract.id);

  const serverFieldError = change.error && isApiError(change.error, 400) ? change.error.problem?.errors?.find((e) => e.field === 'body.weeklyLimitHours') : undefined;
  const capError = fieldError ?? (serverFieldError ? `The weekly cap ${serverFieldError.message}.` : null);
  const otherError = change.isError && !serverFieldError ? change.error.message : null;

  const parsed = parseCapHours(noCap, hours);
  const unchanged = parsed.ok && parsed.value === base.weeklyLimitHours && manual === base.manualTimeAllowed;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!parsed.ok) {
      setFieldError(parsed.error);
      return;
    }
    setFieldError(null);
    change.mutate({ weeklyLimitHours: parsed.value, manualTimeAllowed: manual }, { onSuccess: () => setSaved(true) });
  };

  const edited = () => {
    setSaved(false);
    if (change.isError) change.reset();
  };

  return (
    <section className="ts-panel ts-terms-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ts-panel__title">
        Contract terms
      </h2>
      <p className="ts-panel__text">
        Now: {rateText(contract.hourlyRate, contract.currency)}, {capText(contract.weeklyLimitHours).toLowerCase()},{' '}
        {manualText(contract.manualTimeAllowed).toLowerCase()}.
      </p>
      {scheduled && (
        <p className="ts-scheduled" data-testid="next-terms">
          <strong>From {effectiveText(scheduled.effectiveFrom)}:</strong> {capText(scheduled.weeklyLimitHours).toLowerCase()},{' '}
          {manualText(scheduled.manualTimeAllowed).toLowerCase()}.
        </p>
      )}

      <form className="ts-form" onSubmit={onSubmit} noValidate>
        <fieldset className="ts-form__group">
          <legend>Weekly cap</legend>
          <div className="ts-choice">
            <input
              id={`${id}-capped`}
              type="radio"
              name={`${id}-cap`}
              checked={!noCap}
              onChange={() => {
                setNoCap(false);
                edited();
              }}
            />
            <label htmlFor={`${id}-capped`}>
              Cap at<span className="sr-only"> a number of hours a week</span>
            </label>
            <input
              className="input ts-form__hours"
              type="text"
              inputMode="numeric"
              aria-label="Weekly cap in hours"
              aria-invalid={capError ? true : undefined}
              aria-describedby={capError ? `${id}-cap-error` : undefined}
              value={hours}
              disabled={noCap}
              onChange={(e) => {
                setHours(e.target.value);
                setFieldError(null);
                edited();
              }}
            />
            <span aria-hidden="true">hours a week</span>
          </div>
          <label className="ts-choice">
            <input
              type="radio"
              name={`${id}-cap`}
              checked={noCap}
              onChange={() => {
                setNoCap(true);
                setFieldError(null);
                edited();
              }}
            />
            <span>No cap</span>
          </label>
          {capError && (
            <p id={`${id}-cap-error`} className="ts-form__error">
              {capError}
            </p>
          )}
        </fieldset>

        <label className="ts-choice ts-choice--check">
          <input
            type="checkbox"
            checked={manual}
            onChange={(e) => {
              setManual(e.target.checked);
              edited();
            }}
          />
          <span>Allow manual time</span>
        </label>

        <p className="ts-panel__note">
          Applies from {effectiveText(`${nextMonday}T00:00:00Z`)} (next Monday, 00:00 UTC). This week keeps its terms.
        </p>
        {otherError && (
          <p className="alert alert--error" role="alert">
            {otherError}
          </p>
        )}
        <div className="ts-form__actions">
          <button type="submit" className="btn btn--secondary" disabled={change.isPending || unchanged}>
            {change.isPending ? 'Saving…' : 'Save for next week'}
          </button>
          <span role="status" className="ts-form__saved">
            {saved && !change.isPending ? `Saved. It applies from ${effectiveText(`${nextMonday}T00:00:00Z`)}.` : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
