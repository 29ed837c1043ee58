// A company's webhooks: add one (URL and events), then each with its secret, actions and
// delivery log. Clients see their own company's; an admin opens any company's from the console.
import { useState, type ReactNode } from 'react';
import type { NotificationKind } from '#contract/notifications.ts';
import { QueryList } from '#src/components/ui/query-list.tsx';
import { useCreateWebhook } from '../api/create-webhook.ts';
import { useWebhooks } from '../api/get-webhooks.ts';
import { ALL_KINDS } from '../utils/kind-groups.ts';
import { WebhookCard } from './webhook-card.tsx';
import { fieldError, WebhookFields, type WebhookDraft } from './webhook-fields.tsx';
import './webhooks.css';

const EMPTY: WebhookDraft = { url: '', kinds: [...ALL_KINDS] as NotificationKind[] };

function AddWebhook({ companyId, onDone }: { companyId: string; onDone?: () => void }) {
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY);
  const create = useCreateWebhook(companyId);
  const otherError = create.error && !fieldError(create.error, 'body.url') && !fieldError(create.error, 'body.kinds') ? create.error.message : null;
  return (
    <form
      className="panel webhook-form"
      aria-label="Add a webhook"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(draft, { onSuccess: () => (setDraft(EMPTY), onDone?.()) });
      }}
    >
      <h2 className="webhook-form__title">Add a webhook</h2>
      <WebhookFields draft={draft} onChange={setDraft} error={create.error} idPrefix="new-webhook" />
      {otherError && (
        <p className="alert alert--error" role="alert">
          {otherError}
        </p>
      )}
      <div className="webhook-form__actions">
        {onDone && (
          <button type="button" className="btn btn--secondary" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={create.isPending || draft.url.trim() === '' || draft.kinds.length === 0}>
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </button>
      </div>
    </form>
  );
}

export function WebhooksView({ companyId, companyName, nav }: { companyId: string; companyName: string; nav?: ReactNode }) {
  const hooks = useWebhooks(companyId);
  const [adding, setAdding] = useState(false);
  const list = hooks.data?.webhooks ?? [];
  return (
    <div className="page__content webhooks">
      <title>{`Webhooks · ${companyName} · workdiary`}</title>
      {nav}
      <div className="page-head">
        <h1 className="page-head__title">Webhooks</h1>
        <p className="page-head__lead">
          {companyName}’s events, posted as JSON to your endpoints and signed per the Standard Webhooks spec (any of its libraries verifies them with
          the secret). A delivery that fails is retried with backoff for 24 hours.
        </p>
      </div>
      <QueryList query={hooks} what="the webhooks">
        {() => (
          <>
            {list.length === 0 || adding ? (
              <AddWebhook companyId={companyId} onDone={list.length === 0 ? undefined : () => setAdding(false)} />
            ) : (
              <button type="button" className="btn btn--primary webhooks__add" onClick={() => setAdding(true)}>
                Add a webhook
              </button>
            )}
            {list.length > 0 && (
              <ul className="webhook-list" aria-label="Webhooks">
                {list.map((h) => (
                  <WebhookCard key={h.id} companyId={companyId} hook={h} />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryList>
    </div>
  );
}
