import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toTokenSet, unwrap } from '../../api/client';
import { pathStartsWith } from '../../api/query';
import type { operations } from '../../api/schema';
import { useQueryApi, useServices } from '../../app/services';

export type AccountQuery = NonNullable<operations['ListAccounts']['parameters']['query']>;

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ predicate: pathStartsWith('/api/access/accounts') }), [queryClient]);
}

export function useAccounts(query: AccountQuery) {
  return useQueryApi().useQuery(
    'get',
    '/api/access/accounts',
    { params: { query: { ...query, q: query.q || undefined } } },
    { placeholderData: keepPreviousData },
  );
}

export function useCreateAccount() {
  return useQueryApi().useMutation('post', '/api/access/accounts', { onSettled: useInvalidateAccounts() });
}

export type AccountAction = 'disable' | 'enable' | 'reset-password';

export function useDisableAccount() {
  return useQueryApi().useMutation('post', '/api/access/accounts/{id}/disable', { onSettled: useInvalidateAccounts() });
}

export function useEnableAccount() {
  return useQueryApi().useMutation('post', '/api/access/accounts/{id}/enable', { onSettled: useInvalidateAccounts() });
}

/** Answers with a new temporary password, shown once. */
export function useResetPassword() {
  return useQueryApi().useMutation('post', '/api/access/accounts/{id}/reset-password', { onSettled: useInvalidateAccounts() });
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
