// Where a client finds their company's webhooks: a short panel under their settings.
import { Link } from 'react-router';
import { paths } from '#src/config/paths.ts';
import './webhooks.css';

export function WebhooksLink({ companyName }: { companyName: string }) {
  return (
    <div className="page__content webhooks-link">
      <section className="webhooks-link__panel" aria-labelledby="webhooks-link-title">
        <div>
          <h2 id="webhooks-link-title" className="webhooks-link__title">
            Company webhooks
          </h2>
          <p className="muted">Send {companyName}’s events (weeks in review, disputes, approvals…) to your own systems, signed.</p>
        </div>
        <Link className="btn btn--secondary" to={paths.companyWebhooks.getHref()}>
          Manage webhooks
        </Link>
      </section>
    </div>
  );
}
