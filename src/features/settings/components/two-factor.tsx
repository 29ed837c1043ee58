// Optional two-factor sign-in: a secret for the authenticator app, confirmed with a code before
// it is on; ten recovery codes shown once; off again with a current code or the password.
import { useState, type FormEvent } from 'react';
import type { Settings, TotpSetup } from '#contract/settings.ts';
import { useConfirmTotp, useDisableTotp, useStartTotp } from '../api/settings.ts';
import { FormProblem } from './form-problem.tsx';

function CodeField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} inputMode="numeric" autoComplete="one-time-code" maxLength={40} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Setup({ setup, confirm }: { setup: TotpSetup; confirm: ReturnType<typeof useConfirmTotp> }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="settings-card__lead">Scan this code with your authenticator app, or type the key into it, then enter the 6-digit code it shows.</p>
      <img className="totp-qr" src={setup.qrCode} width={200} height={200} alt="QR code of the setup key for an authenticator app" />
      <div className="field">
        <label htmlFor="totp-secret">Setup key</label>
        <input id="totp-secret" className="totp-secret" value={setup.secret} readOnly onFocus={(e) => e.target.select()} />
      </div>
      <p className="settings-card__note">
        <a href={setup.uri}>Open in an authenticator app</a>
      </p>
      <FormProblem error={confirm.error} />
      <CodeField id="totp-confirm-code" label="Code from the app" value={code} onChange={setCode} />
      <div className="settings-card__actions">
        <button type="submit" className="btn btn--primary" disabled={!code.trim() || confirm.isPending}>
          Turn on
        </button>
      </div>
    </form>
  );
}

function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div>
      <div className="alert alert--ok" role="status">
        Two-factor sign-in is on.
      </div>
      <p className="settings-card__lead">
        Keep these recovery codes somewhere safe. Each signs you in once if you lose your phone. They are shown only now.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type="button" className="btn btn--secondary" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}

function Disable() {
  const disable = useDisableTotp();
  const [secret, setSecret] = useState('');
  const [withPassword, setWithPassword] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(withPassword ? { password: secret } : { code: secret.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="settings-card__lead">Two-factor sign-in is on: signing in asks for a code from your authenticator app.</p>
      <FormProblem error={disable.error} />
      {withPassword ? (
        <div className="field">
          <label htmlFor="totp-disable-password">Your password</label>
          <input id="totp-disable-password" type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
        </div>
      ) : (
        <CodeField id="totp-disable-code" label="Code from the app" value={secret} onChange={setSecret} />
      )}
      <div className="settings-card__actions">
        <button type="submit" className="btn btn--danger" disabled={!secret || disable.isPending}>
          Turn off
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => {
            setWithPassword(!withPassword);
            setSecret('');
          }}
        >
          {withPassword ? 'Use a code instead' : 'Use my password instead'}
        </button>
      </div>
    </form>
  );
}

export function TwoFactor({ settings }: { settings: Settings }) {
  const start = useStartTotp();
  // Held here, not in the form: the settings are read again as soon as the server answers, and
  // "on" replaces the form, so a form's own state (or a callback of its) would lose the codes.
  const confirm = useConfirmTotp();
  let body;
  const putAway = () => {
    confirm.reset();
    start.reset();
  };
  if (confirm.data) body = <RecoveryCodesPanel codes={confirm.data.recoveryCodes} onDone={putAway} />;
  else if (settings.totpEnabled) body = <Disable />;
  else if (start.data) body = <Setup setup={start.data} confirm={confirm} />;
  else {
    body = (
      <>
        <p className="settings-card__lead">Off. With it on, signing in also asks for a code from an authenticator app on your phone.</p>
        <FormProblem error={start.error} />
        <button type="button" className="btn btn--primary" disabled={start.isPending} onClick={() => start.mutate()}>
          Set up two-factor sign-in
        </button>
      </>
    );
  }
  return <div className="panel settings-card">{body}</div>;
}
