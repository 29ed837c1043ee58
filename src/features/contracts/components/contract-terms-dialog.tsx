// New terms for a contract: its rate, weekly cap and manual time, from the next Monday 00:00 UTC.
// The week under way keeps its terms; the dialog says from when before anything is sent.
import { useId, useState } from 'react';
import type { Contract } from '#contract/contracts.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { formatCalendarDate } from '#src/utils/date-format.ts';
import { formatMoney, moneyInput, parseMoney } from '#src/utils/money.ts';
import { useChangeContractTerms } from '../api/manage-contract.ts';

/** "Mon 7 Dec" from a Monday 00:00 UTC instant. */
export const mondayText = (instant: string) => formatCalendarDate(instant.slice(0, 10), 'EEE d MMM');

/** Field errors: the typed value's own check first, else the server's for that field. */
function fieldErrors(error: Error | null, local: Record<string, string | null>) {
  const server = error && isApiError(error, 400) ? (error.problem?.errors ?? []) : [];
  const of = (field: string) => local[field] ?? server.find((e) => e.field === `body.${field}`)?.message ?? null;
  return { hourlyRate: of('hourlyRate'), weeklyLimitHours: of('weeklyLimitHours') };
}

export function ContractTermsDialog({ contract, changesFrom, onClose }: { contract: Contract; changesFrom: string; onClose: () => void }) {
  const id = useId();
  // The form starts from what the next week will have: a change already scheduled, or today's terms.
  const base = contract.nextTerms ?? contract;
  const [rate, setRate] = useState(moneyInput(base.hourlyRate, contract.currency));
  const [capped, setCapped] = useState(base.weeklyLimitHours !== null);
  const [cap, setCap] = useState(String(base.weeklyLimitHours ?? 40));
  const [manual, setManual] = useState(base.manualTimeAllowed);
  const [checked, setChecked] = useState(false);
  const change = useChangeContractTerms();

  const hourlyRate = parseMoney(rate, contract.currency);
  const capHours = /^\d{1,3}$/.test(cap.trim()) && Number(cap) <= 168 ? Number(cap) : null;
  const local = {
    hourlyRate: checked && hourlyRate === null ? `must be an amount like ${moneyInput(6500, contract.currency)}` : null,
    weeklyLimitHours: checked && capped && capHours === null ? 'must be a whole number of hours, 0–168' : null,
  };
  const errors = fieldErrors(change.error, local);
  const otherError = change.isError && !errors.hourlyRate && !errors.weeklyLimitHours ? change.error.message : null;
  const from = mondayText(changesFrom);

  const submit = () => {
    setChecked(true);
    if (hourlyRate === null || (capped && capHours === null)) return;
    change.mutate(
      { contractId: contract.id, terms: { hourlyRate, weeklyLimitHours: capped ? capHours : null, manualTimeAllowed: manual } },
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={`New terms for ${contract.title}`}
      description={
        <>
          They apply from <strong>{from}</strong> (00:00 UTC). This week keeps {formatMoney(contract.hourlyRate, contract.currency)} an hour
          {contract.weeklyLimitHours === null ? ', no weekly cap' : `, ${contract.weeklyLimitHours} h a week`}.
        </>
      }
      submitLabel={`Change from ${from}`}
      pendingLabel="Saving…"
      pending={change.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-rate`}>Hourly rate ({contract.currency})</label>
        <input
          id={`${id}-rate`}
          className="input"
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          aria-invalid={errors.hourlyRate ? true : undefined}
          aria-describedby={errors.hourlyRate ? `${id}-rate-error` : undefined}
          autoFocus
        />
        {errors.hourlyRate && (
          <p id={`${id}-rate-error`} className="field__error">
            The rate {errors.hourlyRate}.
          </p>
        )}
      </div>
      <fieldset className="manage-terms__cap">
        <legend>Weekly cap</legend>
        <label className="manage-terms__choice">
          <input type="checkbox" checked={capped} onChange={(e) => setCapped(e.target.checked)} /> Cap the billable hours of a week at
        </label>
        <span className="manage-terms__hours">
          <input
            className="input"
            aria-label="Hours a week"
            inputMode="numeric"
            value={cap}
            disabled={!capped}
            onChange={(e) => setCap(e.target.value)}
            aria-invalid={errors.weeklyLimitHours ? true : undefined}
          />{' '}
          h
        </span>
        {errors.weeklyLimitHours && <p className="field__error">The weekly cap {errors.weeklyLimitHours}.</p>}
      </fieldset>
      <label className="manage-terms__choice">
        <input type="checkbox" checked={manual} onChange={(e) => setManual(e.target.checked)} /> The contractor may add manual time
      </label>
      {otherError && (
        <p className="alert alert--error" role="alert">
          {otherError}
        </p>
      )}
    </FormDialog>
  );
}
