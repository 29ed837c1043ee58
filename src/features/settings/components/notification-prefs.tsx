// For each kind of the user's role: app only, app and mail, or off. A choice is saved as it is made.
import type { Channel, NotificationPref } from '#contract/notifications.ts';
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { useNotificationPrefs, useSetNotificationPref } from '../api/notification-prefs.ts';
import { FormProblem } from './form-problem.tsx';
import './notification-prefs.css';

const CHOICES: [Channel, string][] = [
  ['app', 'App only'],
  ['app_mail', 'App and mail'],
  ['off', 'Off'],
];

function PrefRow({ pref, onChoose, disabled }: { pref: NotificationPref; onChoose: (channel: Channel) => void; disabled: boolean }) {
  const name = `notify-${pref.kind}`;
  return (
    <fieldset className="pref-row">
      <legend className="pref-row__label">{pref.label}</legend>
      <div className="pref-row__choices">
        {CHOICES.map(([channel, label]) => (
          <label key={channel} className="pref-choice">
            <input type="radio" name={name} value={channel} checked={pref.channel === channel} disabled={disabled} onChange={() => onChoose(channel)} />
            <span>
              {label}
              {channel === pref.defaultChannel && <span className="pref-choice__default"> (default)</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function NotificationPrefsSection() {
  const prefs = useNotificationPrefs();
  const set = useSetNotificationPref();
  if (prefs.isPending) return <p className="settings-card__note">Loading…</p>;
  if (prefs.isError) return <QueryErrorState title="Your notification choices could not be loaded" query={prefs} />;
  return (
    <div className="panel settings-card">
      <p className="settings-card__lead">Everything shows under the bell at the top. Choose what also comes by mail, and what you would rather not hear of.</p>
      <FormProblem error={set.error} />
      <div className="pref-list">
        {prefs.data.prefs.map((p) => (
          <PrefRow key={p.kind} pref={p} disabled={set.isPending} onChoose={(channel) => set.mutate({ kind: p.kind, channel })} />
        ))}
      </div>
      {set.isSuccess && (
        <p className="settings-card__saved" role="status">
          Saved
        </p>
      )}
    </div>
  );
}
