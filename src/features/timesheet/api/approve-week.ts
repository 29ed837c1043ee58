import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Approval, Timesheet } from '#contract/timesheet.ts';
import { api } from '#src/lib/api-client.ts';
import { contractWeekPath } from '#src/lib/contract-week-query.ts';
import { optimisticApproval, withApproval } from '../utils/approval.ts';
import { getTimesheetQueryOptions } from './get-timesheet.ts';

export const approveWeek = ({ contractId, weekStart }: { contractId: string; weekStart: string }) =>
  api.post<Approval>(`${contractWeekPath(contractId, weekStart)}/approval`);

/**
 * Approve the week, optimistically: the timesheet shows it approved the moment the client
 * confirms, and goes back to what it was if the server refuses. Everything about the contract
 * (diary weeks, other zones, the contract) is refetched afterwards.
 */
export function useApproveWeek({
  contractId,
  weekStart,
  timeZone,
  approver,
  serverNow,
}: {
  contractId: string;
  weekStart: string;
  timeZone: string;
  approver: { id: string; name: string } | null;
  /** The server's clock now, for the optimistic approval's time. */
  serverNow: () => number;
}) {
  const queryClient = useQueryClient();
  const { queryKey } = getTimesheetQueryOptions(contractId, weekStart, timeZone);
  return useMutation({
    mutationFn: () => approveWeek({ contractId, weekStart }),
    onMutate: async () => {
      // A refetch landing now would overwrite the optimistic state (and a cancel reverts
      // asynchronously), so cancel first, then write.
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Timesheet>(queryKey);
      if (previous && approver) {
        queryClient.setQueryData<Timesheet>(queryKey, optimisticApproval(previous, approver, new Date(serverNow()).toISOString()));
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    onSuccess: (approval) => {
      queryClient.setQueryData<Timesheet>(queryKey, (sheet) => (sheet ? withApproval(sheet, approval) : sheet));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['contracts', contractId] }),
  });
}
