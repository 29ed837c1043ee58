// The signed-in part of the app: checks the session once, then frames every page.
import type { QueryClient } from '@tanstack/react-query';
import { Outlet, ScrollRestoration, useNavigation, useRevalidator, useRouteError } from 'react-router';
import { AppLayout } from '#src/components/layouts/app-layout.tsx';
import { ErrorState } from '#src/components/ui/error-state.tsx';
import { PageSpinner } from '#src/components/ui/spinner.tsx';
import { isApiError } from '#src/lib/api-client.ts';
import { getMeQueryOptions, useMe } from '#src/features/auth/api/get-me.ts';
import { UserMenu } from '#src/features/auth/components/user-menu.tsx';
import { Bell } from '#src/features/notifications/components/bell.tsx';
import { useOverview } from '#src/lib/overview-query.ts';

// A 401 here is turned into a trip to /login by the API client.
export const clientLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(getMeQueryOptions());
  return null;
};

export default function AppRoot() {
  const navigation = useNavigation();
  const me = useMe().data;
  const needs = useOverview().data?.needs;
  return (
    <AppLayout userMenu={<UserMenu />} bell={<Bell />} showTrackers={me?.role === 'contractor'} showAdmin={me?.role === 'admin'} counts={needs ? { review: needs.reviews.length, disputes: needs.disputes.length } : null}>
      <div className="route-progress" data-active={navigation.state === 'loading' ? 'true' : 'false'} aria-hidden="true" />
      <Outlet />
      <ScrollRestoration />
    </AppLayout>
  );
}

export function HydrateFallback() {
  return <PageSpinner label="Loading workdiary" />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  // Signed out: the API client is already on its way to /login.
  if (isApiError(error, 401)) return <HydrateFallback />;
  return (
    <main className="page page--center">
      <ErrorState
        title="workdiary could not start"
        message={error instanceof Error ? error.message : 'Something unexpected happened.'}
        onRetry={() => void revalidator.revalidate()}
        retrying={revalidator.state === 'loading'}
      />
    </main>
  );
}
