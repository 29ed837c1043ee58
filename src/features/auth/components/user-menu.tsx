// Who is signed in, and the way out.
import { Link, useNavigate } from 'react-router';
import { paths } from '#src/config/paths.ts';
import { initials } from '#src/utils/initials.ts';
import { useMe } from '../api/get-me.ts';
import { useLogout } from '../api/logout.ts';

const ROLE_LABEL = { client: 'Client', contractor: 'Contractor', admin: 'Admin' } as const;

export function UserMenu() {
  const me = useMe().data;
  const navigate = useNavigate();
  const logout = useLogout({ leave: () => navigate(paths.login.getHref(), { replace: true }) });
  if (!me) return null;
  return (
    <div className="user-menu">
      <span className="user-menu__avatar" aria-hidden="true">
        {initials(me.name)}
      </span>
      <span className="user-menu__who">
        <span className="user-menu__name">{me.name}</span>
        <span className="user-menu__role">
          {ROLE_LABEL[me.role]}
          {me.company ? ` · ${me.company.name}` : ''}
        </span>
      </span>
      {/* A gear, not a word: a phone's header has no room for one more. */}
      <Link className="btn btn--ghost btn--sm btn--icon" to={paths.settings.getHref()} aria-label="Settings" title="Settings">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="12" r="3" />
          <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
        </svg>
      </Link>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Log out'}
      </button>
    </div>
  );
}
