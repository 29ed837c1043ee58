// The kinds of event a webhook receives: checkboxes grouped by audience, with "Select all".
import { KIND_INFO, type NotificationKind } from '#contract/notifications.ts';
import { ALL_KINDS, KIND_GROUPS } from '../utils/kind-groups.ts';

export function KindPicker({ value, onChange, error }: { value: NotificationKind[]; onChange: (kinds: NotificationKind[]) => void; error?: string | null }) {
  const chosen = new Set(value);
  const all = chosen.size === ALL_KINDS.length;
  const toggle = (k: NotificationKind, on: boolean) => onChange(ALL_KINDS.filter((x) => (x === k ? on : chosen.has(x))));
  return (
    <fieldset className="kind-picker" aria-invalid={error ? true : undefined} aria-describedby={error ? 'kind-picker-error' : undefined}>
      <legend className="kind-picker__legend">
        Events
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange(all ? [] : [...ALL_KINDS])}>
          {all ? 'Clear all' : 'Select all'}
        </button>
      </legend>
      <div className="kind-picker__groups">
        {KIND_GROUPS.map((g) => (
          <div key={g.audience} className="kind-picker__group" role="group" aria-label={g.title}>
            <span className="kind-picker__title">{g.title}</span>
            {g.kinds.map((k) => (
              <label key={k} className="kind-picker__option">
                <input type="checkbox" checked={chosen.has(k)} onChange={(e) => toggle(k, e.target.checked)} />
                <span>{KIND_INFO[k].label}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
      {error && (
        <p id="kind-picker-error" className="webhook-form__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
