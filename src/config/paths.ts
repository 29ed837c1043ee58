// Every URL of the app, built in one place.

/** `?a=1&b=2` from the set values, or nothing. */
function query(search?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search ?? {})) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

const contractPage =
  (page: string) =>
  (contractId: string, search?: Record<string, string | undefined>) =>
    `/contracts/${encodeURIComponent(contractId)}/${page}${query(search)}`;

export const paths = {
  login: {
    path: '/login',
    getHref: (redirectTo?: string | null) =>
      redirectTo && redirectTo !== '/' ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
  },
  /** The home page: this week across every contract, and what waits on the user. */
  overview: {
    path: '/',
    getHref: () => '/',
  },
  contracts: {
    path: '/contracts',
    getHref: () => '/contracts',
  },
  diary: {
    path: '/contracts/:contractId/diary',
    getHref: contractPage('diary'),
  },
  /** ?week=YYYY-MM-DD&tz=utc|local|contractor */
  timesheet: {
    path: '/contracts/:contractId/timesheet',
    getHref: contractPage('timesheet'),
  },
  /** The keyboard review of a week, suspicious slots first. ?week=YYYY-MM-DD&tz=… */
  review: {
    path: '/contracts/:contractId/review',
    getHref: contractPage('review'),
  },
  /** ?status=open,escalated&contractId=… */
  disputes: {
    path: '/disputes',
    getHref: (search?: Record<string, string | undefined>) => `/disputes${query(search)}`,
  },
  dispute: {
    path: '/disputes/:disputeId',
    getHref: (disputeId: string) => `/disputes/${encodeURIComponent(disputeId)}`,
  },
  /** The contractor's desktop trackers: one token per device. */
  trackers: {
    path: '/trackers',
    getHref: () => '/trackers',
  },
  /** The user's own name, zone, password, two-factor sign-in and sessions. */
  settings: {
    path: '/settings',
    getHref: () => '/settings',
  },
  /** The admin console: it opens on its users; the nav link is active on all its pages. */
  admin: {
    path: '/admin',
    getHref: () => '/admin',
  },
  /** ?q=&role=&companyId= */
  adminUsers: {
    path: '/admin/users',
    getHref: (search?: Record<string, string | undefined>) => `/admin/users${query(search)}`,
  },
  adminCompanies: {
    path: '/admin/companies',
    getHref: () => '/admin/companies',
  },
  /** ?q=&status=&companyId= */
  adminContracts: {
    path: '/admin/contracts',
    getHref: () => '/admin/contracts',
  },
  /** A client's own company's webhooks. */
  companyWebhooks: {
    path: '/company/webhooks',
    getHref: () => '/company/webhooks',
  },
  /** An admin's view of any company's webhooks. */
  adminCompanyWebhooks: {
    path: '/admin/companies/:companyId/webhooks',
    getHref: (companyId: string) => `/admin/companies/${encodeURIComponent(companyId)}/webhooks`,
  },
  /** ?status=&to= */
  adminOutbox: {
    path: '/admin/outbox',
    getHref: () => '/admin/outbox',
  },
  adminOutboxMail: {
    path: '/admin/outbox/:mailId',
    getHref: (mailId: number) => `/admin/outbox/${mailId}`,
  },
  /** ?companyId=&contractId=&userId=&kind= */
  adminAudit: {
    path: '/admin/audit',
    getHref: (search?: Record<string, string | undefined>) => `/admin/audit${query(search)}`,
  },
} as const;

/** Only same-app paths may be redirected to after login (no `//evil.example`). */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return paths.overview.path;
  if (target.startsWith(paths.login.path)) return paths.overview.path;
  return target;
}
