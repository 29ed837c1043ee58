// /settings: the user's name and zone, password, two-factor sign-in, sessions and notifications.
import { QueryErrorState } from '#src/components/ui/error-state.tsx';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { useSettings } from '../api/settings.ts';
import { NotificationPrefsSection } from './notification-prefs.tsx';
import { PasswordForm } from './password-form.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SessionsList } from './sessions-list.tsx';
import { TwoFactor } from './two-factor.tsx';
import './settings.css';

const SECTIONS = [
  ['profile', 'Profile'],
  ['password', 'Password'],
  ['two-factor', 'Two-factor sign-in'],
  ['sessions', 'Where you are signed in'],
  ['notifications', 'Notifications'],
] as const;

export function SettingsView() {
  const settings = useSettings();
  if (settings.isPending) return <PageSpinner label="Loading your settings" />;
  if (settings.isError) return <QueryErrorState title="Your settings could not be loaded" query={settings} />;
  const s = settings.data;
  const body = { profile: <ProfileForm settings={s} />, password: <PasswordForm />, 'two-factor': <TwoFactor settings={s} />, sessions: <SessionsList settings={s} />, notifications: <NotificationPrefsSection /> };
  return (
    <div className="page__content settings">
      <title>Settings · workdiary</title>
      <div className="page-head">
        <h1 className="page-head__title">Settings</h1>
      </div>
      {SECTIONS.map(([key, title]) => (
        <section key={key} className="settings-section" aria-labelledby={`settings-${key}`}>
          <h2 id={`settings-${key}`} className="settings-section__title">
            {title}
          </h2>
          {body[key]}
        </section>
      ))}
    </div>
  );
}
