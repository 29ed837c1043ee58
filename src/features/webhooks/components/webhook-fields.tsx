// The URL and the kinds of a webhook, for adding one and for changing it; the server's
// refusal is shown at the field it names.
import type { NotificationKind } from '#contract/notifications.ts';
import { isApiError } from '#src/lib/api-client.ts';
import { KindPicker } from './kind-picker.tsx';

export interface WebhookDraft {
  url: string;
  kinds: NotificationKind[];
}

/** The server's message for one field (`body.url`, `body.kinds…`), or null. */
export function fieldError(error: Error | null, field: string): string | null {
  if (!error || !isApiError(error)) return null;
  const hit = error.problem?.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  return hit ? hit.message : null;
}

export function WebhookFields({ draft, onChange, error, idPrefix }: { draft: WebhookDraft; onChange: (d: WebhookDraft) => void; error: Error | null; idPrefix: string }) {
  const urlError = fieldError(error, 'body.url');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-url`}>Endpoint URL</label>
        <input
          id={`${idPrefix}-url`}
          className="input"
          type="url"
          inputMode="url"
          placeholder="https://hooks.example.com/workdiary"
          value={draft.url}
          maxLength={2000}
          onChange={(e) => onChange({ ...draft, url: e.target.value })}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? `${idPrefix}-url-error` : undefined}
          required
        />
        {urlError && (
          <p id={`${idPrefix}-url-error`} className="webhook-form__error" role="alert">
            URL {urlError}
          </p>
        )}
      </div>
      <KindPicker value={draft.kinds} onChange={(kinds) => onChange({ ...draft, kinds })} error={fieldError(error, 'body.kinds') && `Events: ${fieldError(error, 'body.kinds')}`} />
    </>
  );
}
