// A whole page that says why there is nothing to show, with one link onward: a page not found,
// or a page that is not for this user.
import { Link } from 'react-router';

export function LinkStatePanel({
  tabTitle,
  eyebrow,
  title,
  text,
  to,
  linkLabel,
  primary = false,
  center = false,
}: {
  tabTitle: string;
  eyebrow?: string;
  title: string;
  text: string;
  to: string;
  linkLabel: string;
  primary?: boolean;
  center?: boolean;
}) {
  return (
    <div className={center ? 'page__content page--center' : 'page__content'}>
      <title>{`${tabTitle} · workdiary`}</title>
      <div className="state-panel">
        {eyebrow && <p className="state-panel__eyebrow">{eyebrow}</p>}
        <h1 className="state-panel__title">{title}</h1>
        <p className="state-panel__text">{text}</p>
        <div className="state-panel__actions">
          <Link className={primary ? 'btn btn--primary' : 'btn btn--secondary'} to={to}>
            {linkLabel}
          </Link>
        </div>
      </div>
    </div>
  );
}
