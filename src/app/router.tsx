// The routes. Each page is its own module, loaded when first visited (`lazy`), so the first
// screen only downloads what it shows. A page module exports `default` (the page) and may
// export an `ErrorBoundary`.
//
// The loaders are not in the page modules (as bulletproof-react has them) but in small
// `*-loader.ts` files in the main bundle, and the pages use the router's per-property `lazy`:
// that way a loader runs as soon as the URL matches, and the API requests it starts (with the
// features' queryOptions, so each query key is defined once) go out in parallel with the
// download of the page's code instead of after it.
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, RouterProvider, type RouteObject } from 'react-router';
import { paths } from '../config/paths.ts';
import { setUnauthorizedHandler } from '../lib/api-client.ts';
import AppRoot, { clientLoader as rootLoader, ErrorBoundary as AppRootErrorBoundary, HydrateFallback } from './routes/app/root.tsx';
import { contractsLoader } from './routes/app/contracts-loader.ts';
import { overviewLoader } from './routes/app/overview-loader.ts';
import { weekPageShouldRevalidate } from './routes/app/contract-week-search.ts';
import { diaryLoader } from './routes/app/diary-loader.ts';
import { timesheetLoader } from './routes/app/timesheet-loader.ts';
import { reviewLoader } from './routes/app/review-loader.ts';
import { disputeLoader } from './routes/app/dispute-loader.ts';
import { disputesLoader } from './routes/app/disputes-loader.ts';
import { trackersLoader } from './routes/app/trackers-loader.ts';
import { loginLoader } from './routes/auth/login-loader.ts';

type PageModule = {
  default: NonNullable<RouteObject['Component']>;
  ErrorBoundary?: RouteObject['ErrorBoundary'];
};

/** What a redirecting route renders (never, in practice). */
const Nothing = () => null;

/** A page's code, fetched on first use; the route's loader does not wait for it. */
const lazyPage = (load: () => Promise<PageModule>) => ({
  Component: async () => (await load()).default,
  ErrorBoundary: async () => (await load()).ErrorBoundary,
});

/** The app's routes. */
function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: paths.login.path,
      loader: loginLoader(queryClient),
      lazy: lazyPage(() => import('./routes/auth/login.tsx')),
      HydrateFallback,
    },
    {
      // A mail's unsubscribe link: no sign-in, the mail's Message-ID is the credential.
      path: '/unsubscribe/:messageId',
      lazy: lazyPage(() => import('./routes/unsubscribe.tsx')),
      HydrateFallback,
    },
    // The pages reached from a mail, without a session: an invitation, a password reset, "forgot password".
    { path: '/invite/:token', lazy: { Component: async () => (await import('../features/links/components/invite-page.tsx')).InvitePage }, HydrateFallback },
    { path: '/reset/:token', lazy: { Component: async () => (await import('../features/links/components/reset-page.tsx')).ResetPage }, HydrateFallback },
    { path: '/forgot', lazy: { Component: async () => (await import('../features/auth/components/forgot-page.tsx')).ForgotPage }, HydrateFallback },
    {
      path: '/',
      Component: AppRoot,
      loader: rootLoader(queryClient),
      ErrorBoundary: AppRootErrorBoundary,
      HydrateFallback,
      children: [
        {
          index: true,
          loader: overviewLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/overview.tsx')),
        },
        {
          path: paths.contracts.path,
          loader: contractsLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/contracts.tsx')),
        },
        {
          path: 'contracts/:contractId',
          loader: ({ params }) => redirect(paths.diary.getHref(params.contractId!)),
          Component: Nothing,
        },
        {
          path: paths.diary.path,
          loader: diaryLoader(queryClient),
          shouldRevalidate: weekPageShouldRevalidate,
          lazy: lazyPage(() => import('./routes/app/diary.tsx')),
        },
        {
          path: paths.disputes.path,
          loader: disputesLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/disputes.tsx')),
        },
        {
          path: paths.dispute.path,
          loader: disputeLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/dispute.tsx')),
        },
        {
          path: paths.timesheet.path,
          loader: timesheetLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/timesheet.tsx')),
        },
        {
          path: paths.review.path,
          loader: reviewLoader(queryClient),
          shouldRevalidate: weekPageShouldRevalidate,
          lazy: lazyPage(() => import('./routes/app/review.tsx')),
        },
        {
          path: paths.trackers.path,
          loader: trackersLoader(queryClient),
          lazy: lazyPage(() => import('./routes/app/trackers.tsx')),
        },
        { path: paths.settings.path, lazy: lazyPage(() => import('./routes/app/settings.tsx')) },
        { path: paths.admin.path, loader: () => redirect(paths.adminUsers.getHref()), Component: Nothing },
        { path: paths.adminUsers.path, lazy: lazyPage(() => import('./routes/app/admin-users.tsx')) },
        { path: paths.adminCompanies.path, lazy: lazyPage(() => import('./routes/app/admin-companies.tsx')) },
        { path: paths.adminContracts.path, lazy: lazyPage(() => import('./routes/app/admin-contracts.tsx')) },
        { path: paths.adminAudit.path, lazy: lazyPage(() => import('./routes/app/admin-audit.tsx')) },
        { path: paths.adminOutbox.path, lazy: lazyPage(() => import('./routes/app/admin-outbox.tsx')) },
        { path: paths.adminOutboxMail.path, lazy: lazyPage(() => import('./routes/app/admin-outbox.tsx')) },
        { path: paths.companyWebhooks.path, lazy: lazyPage(() => import('./routes/app/company-webhooks.tsx')) },
        { path: paths.adminCompanyWebhooks.path, lazy: lazyPage(() => import('./routes/app/admin-company-webhooks.tsx')) },
        { path: '*', lazy: lazyPage(() => import('./routes/not-found.tsx')) },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}

type AppRouterInstance = ReturnType<typeof createAppRouter>;

/**
 * The router, made (and so its loaders started) before React renders anything: main.tsx
 * calls this while the entry module runs, so on a direct visit the session check and the
 * page's API requests go out at once instead of after React's first render.
 */
export function startAppRouter(queryClient: QueryClient): AppRouterInstance {
  const router = createAppRouter(queryClient);
  // A 401 anywhere means the session is gone: back to the login page, then back here.
  setUnauthorizedHandler(() => {
    const { pathname, search } = router.state.location;
    if (pathname === paths.login.path || router.state.navigation.location?.pathname === paths.login.path) return;
    queryClient.removeQueries({ queryKey: ['me'] });
    void router.navigate(paths.login.getHref(pathname + search), { replace: true });
  });
  return router;
}

export function AppRouter({ router }: { router: AppRouterInstance }) {
  return <RouterProvider router={router} />;
}
