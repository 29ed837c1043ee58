// "Add manual time": a day of the week shown, a from and a to time in the zone the diary is
// shown in, and a memo. The times become whole 10-minute slots in UTC (see utils/manual-time),
// and the dialog says how many slots and hours that adds before anything is sent. The server
// has the last word (the contract's terms for the week, slots already taken, the edit
// deadline): its field errors land on the inputs, anything else at the top.
import { useId, useMemo, useState } from 'react';
import type { Week } from '#contract/week.ts';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { formatCalendarDate, formatInZone } from '#src/utils/date-format.ts';
import { formatMinutes } from '#src/utils/duration.ts';
import { useAddManualTime } from '../api/add-manual-time.ts';
import { fieldOfApiError, manualTimeRange, MEMO_MAX, slotsSummary, type ManualTimeField } from '../utils/manual-time.ts';
import './edits.css';

interface ManualTimeDialogProps {
  contractId: string;
  /** The week shown: its local days (in `week.timeZone`), its bounds and the server's clock. */
  week: Week;
  /** The day being read, offered first. */
  defaultDate?: string;
  onClose: () => void;
  /** After the server added the slots (their starts), just before the dialog closes. */
  onAdded?: (starts: string[]) => void;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;

/** The server names instants in UTC; the contractor reads them in the zone the diary shows. */
const inZone = (text: string, timeZone: string) => text.replace(ISO_INSTANT, (iso) => formatInZone(iso, timeZone, 'EEE d MMM HH:mm'));

const LABEL: Record<ManualTimeField, string> = { date: 'Day', from: 'From', to: 'To', memo: 'Memo' };

export function ManualTimeDialog({ contractId, week, defaultDate, onClose, onAdded }: ManualTimeDialogProps) {
  const id = useId();
  const zone = week.timeZone;
  const add = useAddManualTime(contractId);

  // Days of the week that have begun by the server's clock: manual time cannot be in the future.
  const days = useMemo(() => {
    const now = Date.parse(week.now);
    return week.days.filter((d) => Date.parse(d.start) < now);
  }, [week]);
  const [date, setDate] = useState(() => (defaultDate && days.some((d) => d.date === defaultDate) ? defaultDate : (days.at(-1)?.date ?? '')));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [memo, setMemo] = useState('');
  const [touched, setTouched] = useState<Partial<Record<ManualTimeField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ManualTimeField, string>>>({});
  const [topError, setTopError] = useState<string | null>(null);

  const bounds = useMemo(() => ({ start: Date.parse(week.start), end: Date.parse(week.end) }), [week.start, week.end]);
  const range = manualTimeRange({ date, from, to, timeZone: zone }, bounds);
  const memoText = memo.trim();

  const localErrors: Partial<Record<ManualTimeField, string>> = {};
  if (!range.ok) localErrors[range.field] = range.message;
  if (!memoText) localErrors.memo = 'Say what the time was spent on.';
  else if (memo.length > MEMO_MAX) localErrors.memo = `Keep the memo to ${MEMO_MAX} characters (${memo.length - MEMO_MAX} too many).`;

  // A field's own problem shows once the user has left it (or tried to submit); the server's at once.
  const errorOf = (field: ManualTimeField) => serverErrors[field] ?? (submitted || touched[field] ? localErrors[field] : undefined);

  const change = (field: ManualTimeField, set: (value: string) => void) => (value: string) => {
    set(value);
    setServerErrors((errors) => {
      // The day and the times make one range: changing any of them answers the server's objection.
      const next = { ...errors };
      for (const f of field === 'memo' ? (['memo'] as const) : (['date', 'from', 'to'] as const)) delete next[f];
      return next;
    });
    setTopError(null);
  };
  const touch = (field: ManualTimeField) => () => setTouched((t) => (t[field] ? t : { ...t, [field]: true }));

  const submit = () => {
    setSubmitted(true);
    if (!range.ok || Object.keys(localErrors).length > 0 || add.isPending) {
      const first = (['date', 'from', 'to', 'memo'] as const).find((f) => localErrors[f]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setServerErrors({});
    setTopError(null);
    add.mutate(
      { start: range.start, end: range.end, memo: memoText },
      {
        onSuccess: (result) => {
          onAdded?.(result.starts);
          onClose();
        },
        onError: (error) => {
          const problem = isApiError(error) ? error.problem : null;
          const fields: Partial<Record<ManualTimeField, string>> = {};
          const rest: string[] = [];
          for (const e of problem?.errors ?? []) {
            const field = fieldOfApiError(e.field);
            const message = inZone(e.message, zone);
            if (field && !fields[field]) fields[field] = `${LABEL[field]} ${message}.`;
            else if (!field) rest.push(message);
          }
          setServerErrors(fields);
          const placed = Object.keys(fields).length > 0;
          setTopError(placed && rest.length === 0 ? null : inZone(error.message, zone) + (rest.length ? ` ${rest.join('. ')}.` : ''));
          const first = (['from', 'to', 'memo'] as const).find((f) => fields[f]);
          if (first) document.getElementById(`${id}-${first}`)?.focus();
        },
      },
    );
  };

  const fieldProps = (field: ManualTimeField) => {
    const error = errorOf(field);
    const hint = field === 'memo' ? ` ${id}-memo-count` : field === 'from' || field === 'to' ? ` ${id}-zone` : '';
    return {
      id: `${id}-${field}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': `${error ? `${id}-${field}-error` : ''}${hint}`.trim() || undefined,
      onBlur: touch(field),
    };
  };
  const fieldError = (field: ManualTimeField) => {
    const error = errorOf(field);
    return error ? (
      <span id={`${id}-${field}-error`} className="manual-form__error">
        {error}
      </span>
    ) : null;
  };

  const summary = range.ok ? (
    <div className="manual-summary" id={`${id}-summary`}>
      <strong>Adds {slotsSummary(range.slots)}</strong>
      <span className="manual-summary__range">
        {formatInZone(range.startMs, zone, 'EEE d MMM, HH:mm')}–
        {range.nextDay ? formatInZone(range.endMs, zone, 'EEE d MMM, HH:mm') : formatInZone(range.endMs, zone, 'HH:mm')}
        {range.snapped ? ' (widened to whole 10-minute slots)' : ''}
      </span>
    </div>
  ) : (
    <div className="manual-summary manual-summary--empty" id={`${id}-summary`}>
      Choose a day and the times: manual time is added in whole 10-minute slots.
    </div>
  );

  return (
    <FormDialog
      title="Add manual time"
      description="For work done away from the tracker. Manual slots have your memo and no screenshot or activity; the client sees them marked as manual."
      onClose={onClose}
      pending={add.isPending}
      onSubmit={submit}
      submitLabel={range.ok ? `Add ${formatMinutes(range.minutes)}` : 'Add manual time'}
      pendingLabel="Adding…"
    >
      {topError && (
        <p className="edit-error" role="alert">
          {topError}
        </p>
      )}
      <div className="manual-form">
        <div className="manual-form__field manual-form__field--date">
          <label htmlFor={`${id}-date`}>Day</label>
          <select
            className="input"
            value={date}
            onChange={(e) => change('date', setDate)(e.target.value)}
            {...fieldProps('date')}
          >
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {formatCalendarDate(d.date, 'EEEE d MMM')}
              </option>
            ))}
          </select>
          {fieldError('date')}
        </div>
        <div className="manual-form__field">
          <label htmlFor={`${id}-from`}>From</label>
          <input type="time" step={600} className="input" value={from} onChange={(e) => change('from', setFrom)(e.target.value)} {...fieldProps('from')} />
          {fieldError('from')}
        </div>
        <div className="manual-form__field">
          <label htmlFor={`${id}-to`}>To</label>
          <input type="time" step={600} className="input" value={to} onChange={(e) => change('to', setTo)(e.target.value)} {...fieldProps('to')} />
          {fieldError('to')}
        </div>
        <p id={`${id}-zone`} className="manual-form__hint manual-form__field--wide">
          Times in {zone}, as the diary shows them. An end before the start is on the next day.
        </p>
        <div className="manual-form__field manual-form__field--wide">
          <div className="manual-form__labelrow">
            <label htmlFor={`${id}-memo`}>Memo</label>
            <span id={`${id}-memo-count`} className={`memo-edit__count${memo.length > MEMO_MAX ? ' memo-edit__count--over' : ''}`}>
              {memo.length} / {MEMO_MAX}
              <span className="sr-only"> characters</span>
            </span>
          </div>
          <textarea
            className="input"
            rows={3}
            value={memo}
            onChange={(e) => change('memo', setMemo)(e.target.value)}
            placeholder="What was this time spent on?"
            required
            {...fieldProps('memo')}
          />
          {fieldError('memo')}
        </div>
      </div>
      <div aria-live="polite">{summary}</div>
    </FormDialog>
  );
}
