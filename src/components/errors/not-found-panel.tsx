import { Link } from 'react-router';
import { paths } from '#src/config/paths.ts';

/** What a missing page, or a contract the user may not see, looks like (the API says 404 for both). */
export function NotFoundPanel({ title = 'Page not found' }: { title?: string }) {
  return (
    <div className="page__content page--center">
      <title>{`${title} · workdiary`}</title>
      <div className="state-panel">
        <p className="state-panel__eyebrow">404</p>
        <h1 className="state-panel__title">{title}</h1>
        <p className="state-panel__text">It does not exist, or you do not have access to it.</p>
        <div className="state-panel__actions">
          <Link className="btn btn--primary" to={paths.contracts.getHref()}>
            Go to your contracts
          </Link>
        </div>
      </div>
    </div>
  );
}
