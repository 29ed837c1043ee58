// Every URL of the app, built in one place.

export const paths = {
  login: {
    path: '/login',
    getHref: (redirectTo?: string | null) =>
      redirectTo && redirectTo !== '/' ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
  },
  contracts: {
    path: '/contracts',
    getHref: () => '/contracts',
  },
  diary: {
    path: '/contracts/:contractId/diary',
    getHref: (contractId: string, search?: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(search ?? {})) if (v) params.set(k, v);
      const qs = params.toString();
      return `/contracts/${encodeURIComponent(contractId)}/diary${qs ? `?${qs}` : ''}`;
    },
  },
} as const;

/** Only same-app paths may be redirected to after login (no `//evil.example`). */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return paths.contracts.path;
  if (target.startsWith(paths.login.path)) return paths.contracts.path;
  return target;
}
