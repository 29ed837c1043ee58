// One webhook: its URL and state, the secret, the actions (send a test, change, enable or
// disable, rotate the secret, delete, the last two confirmed) and its delivery log.
import { useState } from 'react';
import type { NotificationKind } from '#contract/notifications.ts';
import type { Webhook } from '#contract/webhooks.ts';
import { ConfirmDialog } from '#src/components/ui/confirm-dialog.tsx';
import { CopyField } from '#src/components/ui/copy-field.tsx';
import { FormDialog } from '#src/components/ui/form-dialog.tsx';
import { useConfirming } from '#src/utils/confirming.ts';
import { useDeleteWebhook } from '../api/delete-webhook.ts';
import { useRotateSecret } from '../api/rotate-secret.ts';
import { useSendTest } from '../api/send-test.ts';
import { useUpdateWebhook } from '../api/update-webhook.ts';
import { ALL_KINDS } from '../utils/kind-groups.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { WebhookFields, type WebhookDraft } from './webhook-fields.tsx';

function EditDialog({ companyId, hook, onClose }: { companyId: string; hook: Webhook; onClose: () => void }) {
  const [draft, setDraft] = useState<WebhookDraft>({ url: hook.url, kinds: hook.kinds as NotificationKind[] });
  const update = useUpdateWebhook(companyId, hook.id);
  return (
    <FormDialog title="Change the webhook" size="lg" submitLabel="Save" pendingLabel="Saving…" pending={update.isPending} onClose={onClose} onSubmit={() => update.mutate(draft, { onSuccess: onClose })}>
      <WebhookFields draft={draft} onChange={setDraft} error={update.error} idPrefix={`edit-${hook.id}`} />
      {update.error && !update.error.message.includes('body.') && (
        <p className="alert alert--error" role="alert">
          {update.error.message}
        </p>
      )}
    </FormDialog>
  );
}

const kindsText = (n: number) => (n === ALL_KINDS.length ? 'All events' : `${n} of ${ALL_KINDS.length} events`);

export function WebhookCard({ companyId, hook }: { companyId: string; hook: Webhook }) {
  const [editing, setEditing] = useState(false);
  const test = useSendTest(companyId, hook.id);
  const toggle = useUpdateWebhook(companyId, hook.id);
  const rotate = useRotateSecret(companyId, hook.id);
  const remove = useDeleteWebhook(companyId, hook.id);
  const rotating = useConfirming(rotate);
  const deleting = useConfirming(remove);
  const headingId = `webhook-${hook.id}`;
  const failure = test.error ?? toggle.error;
  return (
    <li className={`panel webhook-card${hook.enabled ? '' : ' webhook-card--off'}`} aria-labelledby={headingId}>
      <div className="webhook-card__head">
        <h3 id={headingId} className="webhook-card__url">
          {hook.url}
        </h3>
        <span className={`status ${hook.enabled ? 'status--active' : 'status--ended'}`}>{hook.enabled ? 'Enabled' : 'Disabled'}</span>
        <span className="tag">{kindsText(hook.kinds.length)}</span>
      </div>
      {/* The receiver verifies each request's `webhook-signature` with it (any Standard Webhooks library takes it as it is). */}
      <CopyField label="Signing secret" value={hook.secret} mask={`whsec_${'•'.repeat(24)}`} />
      <div className="webhook-card__actions">
        <button type="button" className="btn btn--primary btn--sm" onClick={() => test.mutate(undefined)} disabled={test.isPending || !hook.enabled}>
          {test.isPending ? 'Sending…' : 'Send test'}
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setEditing(true)}>
          Change
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => toggle.mutate({ enabled: !hook.enabled })} disabled={toggle.isPending}>
          {hook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => rotating.setOpen(true)}>
          Rotate secret
        </button>
        <button type="button" className="btn btn--danger btn--sm" onClick={() => deleting.setOpen(true)}>
          Delete
        </button>
      </div>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure.message}
        </p>
      )}
      <section className="webhook-card__log" aria-label={`Deliveries to ${hook.url}`}>
        <h4 className="webhook-card__log-title">Deliveries</h4>
        <DeliveryLog companyId={companyId} webhookId={hook.id} />
      </section>
      {editing && <EditDialog companyId={companyId} hook={hook} onClose={() => setEditing(false)} />}
      {rotating.open && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          description="A new secret signs every request from now on, retries included. The receiver rejects them until it has the new secret."
          confirmLabel="Rotate secret"
          pendingLabel="Rotating…"
          pending={rotate.isPending}
          error={rotate.error?.message}
          onConfirm={() => rotate.mutate(undefined, { onSuccess: rotating.close })}
          onCancel={rotating.close}
        />
      )}
      {deleting.open && (
        <ConfirmDialog
          title="Delete this webhook?"
          description={`Events stop going to ${hook.url}, and its delivery log is deleted with it. This cannot be undone.`}
          confirmLabel="Delete webhook"
          pendingLabel="Deleting…"
          tone="danger"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate(undefined, { onSuccess: deleting.close })}
          onCancel={deleting.close}
        />
      )}
    </li>
  );
}
