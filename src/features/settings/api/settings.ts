// The signed-in user's settings: one query, and the changes to it. Every change refreshes the
// settings (and the user menu's name) from the server's answer.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordChange, RecoveryCodes, SessionsEnded, Settings, SettingsPatch, TotpDisable, TotpSetup } from '#contract/settings.ts';
import { api, request } from '#src/lib/api-client.ts';

export const getSettingsQueryOptions = () => queryOptions({ queryKey: ['settings'], queryFn: ({ signal }) => api.get<Settings>('/settings', { signal }) });

export const useSettings = () => useQuery(getSettingsQueryOptions());

/** A mutation that refreshes the settings when it is done. */
function useSettingsChange<In, Out>(fn: (body: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: getSettingsQueryOptions().queryKey }) });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsPatch) => request<Settings>('/settings', { method: 'PATCH', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(getSettingsQueryOptions().queryKey, settings);
      // The user menu shows the name: its query (src/features/auth) reads it again.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export const useChangePassword = () => useSettingsChange((body: PasswordChange) => api.post<void>('/settings/password', body));
export const useSignOutOthers = () => useSettingsChange(() => api.post<SessionsEnded>('/settings/sessions/sign-out-others'));
export const useEndSession = () => useSettingsChange((sessionId: string) => request<void>(`/settings/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }));
export const useStartTotp = () => useSettingsChange(() => api.post<TotpSetup>('/settings/totp'));
export const useConfirmTotp = () => useSettingsChange((code: string) => api.post<RecoveryCodes>('/settings/totp/confirm', { code }));
export const useDisableTotp = () => useSettingsChange((body: TotpDisable) => api.post<void>('/settings/totp/disable', body));
