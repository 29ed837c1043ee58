// The admin console's requests: users, companies and the audit trail. A change refreshes the
// lists it touches and the audit trail, which now holds one more entry.
import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountChangeResult, AdminCompany, AdminCompanyList, AdminContractList, AdminContractQuery, AdminUserList, AdminUserQuery, AuditPage, AuditQuery, CompanyChangeResult, NewContractInput } from '#contract/admin.ts';
import type { Contract, ContractList } from '#contract/contracts.ts';
import { api, request } from '#src/lib/api-client.ts';

const ADMIN = ['admin'] as const;

/** A list the server searches and filters: one cache entry per query, the last answer shown while the next loads. */
const searchedListOptions = <T>(name: string, path: string, query: { q?: string; [filter: string]: string | undefined }) =>
  queryOptions({
    queryKey: [...ADMIN, name, query],
    queryFn: ({ signal }) => api.get<T>(path, { signal, query: { ...query, q: query.q || undefined } }),
    placeholderData: keepPreviousData,
  });

export const adminUsersQueryOptions = (query: AdminUserQuery) => searchedListOptions<AdminUserList>('users', '/admin/users', query);

export const useAdminUsers = (query: AdminUserQuery) => useQuery(adminUsersQueryOptions(query));

export const adminCompaniesQueryOptions = () =>
  queryOptions({
    queryKey: [...ADMIN, 'companies'],
    queryFn: ({ signal }) => api.get<AdminCompanyList>('/admin/companies', { signal }),
  });

export const useAdminCompanies = () => useQuery(adminCompaniesQueryOptions());

/** Every contract, for the audit trail's contract filter. */
export const useAdminContracts = () =>
  useQuery({ queryKey: [...ADMIN, 'contracts'], queryFn: ({ signal }) => api.get<ContractList>('/contracts', { signal }) });

type AuditFilter = Omit<AuditQuery, 'before'>;

export const auditQueryOptions = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: [...ADMIN, 'audit', filter],
    queryFn: ({ signal, pageParam }) =>
      api.get<AuditPage>('/admin/audit', { signal, query: { ...filter, before: pageParam === null ? undefined : String(pageParam) } }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.older,
  });

export const useAudit = (filter: AuditFilter) => useInfiniteQuery(auditQueryOptions(filter));

function useAdminMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN }) });
}

export const useSetUserDisabled = () =>
  useAdminMutation(({ userId, disabled }: { userId: string; disabled: boolean }) =>
    api.post<AccountChangeResult>(`/admin/users/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`),
  );

export const useCreateCompany = () => useAdminMutation(({ name }: { name: string }) => api.post<AdminCompany>('/admin/companies', { name }));

export const useRenameCompany = () =>
  useAdminMutation(({ companyId, name }: { companyId: string; name: string }) =>
    request<AdminCompany>(`/admin/companies/${encodeURIComponent(companyId)}`, { method: 'PATCH', body: { name } }),
  );

/** The admin console's "Send password reset": the same mail as "Forgot password?", a link good for one hour. */
export const useSendPasswordReset = () =>
  useMutation({ mutationFn: (userId: string) => api.post<{ sent: true }>(`/admin/users/${encodeURIComponent(userId)}/password-reset`) });

/** Deactivates (active: false) or reactivates a company. */
export const useSetCompanyActive = () =>
  useAdminMutation(({ companyId, active }: { companyId: string; active: boolean }) =>
    api.post<CompanyChangeResult>(`/admin/companies/${encodeURIComponent(companyId)}/${active ? 'reactivate' : 'deactivate'}`),
  );

export const adminContractListQueryOptions = (query: AdminContractQuery) => searchedListOptions<AdminContractList>('contract-list', '/admin/contracts', query);

export const useAdminContractList = (query: AdminContractQuery) => useQuery(adminContractListQueryOptions(query));

export const useCreateContract = () => useAdminMutation((body: NewContractInput) => api.post<Contract>('/admin/contracts', body));
