import { keepPreviousData } from '@tanstack/react-query';
import type { operations } from '../../api/schema';
import { useQueryApi } from '../../app/services';

export type AuditQuery = NonNullable<operations['ListAuditLog']['parameters']['query']>;

/** The audit log: admin sees everything, HR the records of their own subtree (the API scopes it). */
export function useAuditLog(query: AuditQuery) {
  return useQueryApi().useQuery(
    'get',
    '/api/audit-log',
    {
      params: {
        query: {
          ...query,
          q: query.q || undefined,
          action: query.action || undefined,
          userName: query.userName || undefined,
        },
      },
    },
    { placeholderData: keepPreviousData },
  );
}
