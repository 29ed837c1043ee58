// Who is signed in, and the way out.
import { useNavigate } from 'react-router';
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
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Log out'}
      </button>
    </div>
  );
}
