import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toTokenSet, unwrap } from '../../api/client';
import type { Account, AccountPage, AccountWithPassword, CreateAccountRequest } from '../../api/types';
import { useApi, useServices } from '../../app/services';

export interface AccountQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  disabled?: boolean;
  sort?: string;
}

const accountsKey = ['access', 'accounts'] as const;

export function useAccounts(query: AccountQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...accountsKey, query],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/access/accounts', {
          params: {
            query: {
              page: query.page,
              pageSize: query.pageSize,
              q: query.q || undefined,
              role: query.role,
              disabled: query.disabled,
              sort: query.sort,
            },
          },
        }),
      )) as AccountPage,
    placeholderData: keepPreviousData,
  });
}

export function useCreateAccount() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAccountRequest) =>
      (await unwrap(api.POST('/api/access/accounts', { body }))) as AccountWithPassword,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

export type AccountAction = 'disable' | 'enable' | 'reset-password';

/** Disable, enable or reset the password of an account, at the version the table shows. */
export function useAccountAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ account, action }: { account: Account; action: AccountAction }) => {
      const init = { params: { path: { id: account.id } }, body: { version: account.version } };
      switch (action) {
        case 'disable':
          return { account: (await unwrap(api.POST('/api/access/accounts/{id}/disable', init))) as Account };
        case 'enable':
          return { account: (await unwrap(api.POST('/api/access/accounts/{id}/enable', init))) as Account };
        case 'reset-password':
          return (await unwrap(api.POST('/api/access/accounts/{id}/reset-password', init))) as AccountWithPassword;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

/**
 * Changes the caller's password. The server ends every session of the account and answers with new tokens for this
 * one (without the temporary-password mark), which the session continues with.
 */
export function useChangePassword() {
  const { api, session } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/me/password', { body })),
    onSuccess: (tokens) => {
      const next = toTokenSet(tokens);
      if (next) session.signIn(next);
      return queryClient.invalidateQueries();
    },
  });
}
