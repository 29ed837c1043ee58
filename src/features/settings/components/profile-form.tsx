// Name and zone. The zone list is the browser's own IANA list; the server checks it again.
import { useState, type FormEvent } from 'react';
import type { Settings } from '#contract/settings.ts';
import { IanaZoneOptions } from '#src/components/ui/zone-options.tsx';
import { useUpdateSettings } from '../api/settings.ts';
import { FormProblem } from './form-problem.tsx';

export function ProfileForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const changed = name.trim() !== settings.name || timeZone !== settings.timeZone;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name: name.trim(), timeZone });
  };
  return (
    <form className="panel settings-card" onSubmit={submit} noValidate>
      <FormProblem error={update.error} />
      <div className="field">
        <label htmlFor="settings-name">Name</label>
        <input id="settings-name" value={name} maxLength={100} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="settings-email">Email</label>
        <input id="settings-email" value={settings.email} readOnly disabled />
      </div>
      <div className="field">
        <label htmlFor="settings-zone">Your time zone</label>
        <select id="settings-zone" className="input" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
          <IanaZoneOptions current={settings.timeZone} />
        </select>
      </div>
      <div className="settings-card__actions">
        <button type="submit" className="btn btn--primary" disabled={!changed || !name.trim() || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        {update.isSuccess && !changed && (
          <span className="settings-card__saved" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
