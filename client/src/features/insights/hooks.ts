import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, asProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { useApi, useQueryApi } from '../../app/services';

type S = components['schemas'];
export type Dashboard = S['DashboardResponse'];
export type UnitRef = S['UnitRef'];
export type NormLine = S['NormLine'];
export type Norms = S['NormsResponse'];
export type TransferPlan = S['TransferPlan'];
export type TransferSuggestion = S['TransferSuggestion'];
export type Forecast = S['ForecastResponse'];
export type UnitForecast = S['UnitForecast'];
export type Turnover = S['TurnoverResponse'];

const path = (id: string) => ({ params: { path: { id } } });

export function useInsightsHome() {
  return useQueryApi().useQuery('get', '/api/insights/home');
}

export function useDashboard(id: string | undefined) {
  return useQueryApi().useQuery('get', '/api/insights/org-units/{id}/dashboard', path(id ?? ''), { enabled: !!id });
}

export function useNorms(id: string | undefined) {
  return useQueryApi().useQuery('get', '/api/insights/org-units/{id}/norms', path(id ?? ''), { enabled: !!id });
}

export function useTransfers(id: string | undefined) {
  return useQueryApi().useQuery('get', '/api/insights/org-units/{id}/transfer-suggestions', path(id ?? ''), { enabled: !!id, retry: false });
}

export function useForecast(id: string | undefined) {
  return useQueryApi().useQuery('get', '/api/insights/org-units/{id}/forecast', path(id ?? ''), { enabled: !!id });
}

export function useTurnover(id: string | undefined) {
  return useQueryApi().useQuery('get', '/api/insights/org-units/{id}/turnover', path(id ?? ''), { enabled: !!id });
}

/** One click: a transfer suggestion becomes a submitted rotation request (Staffing checks the quota and the leader decides). */
export function useFileRotation() {
  const client = useQueryClient();
  return useQueryApi().useMutation('post', '/api/staffing/rotation-requests', {
    onSuccess: () => Promise.all([client.invalidateQueries(), client.invalidateQueries({ queryKey: ['me', 'todos'] })]),
  });
}

export function useExportDashboard() {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: string) => {
      const outcome = await api.GET('/api/insights/org-units/{id}/dashboard/export', { ...path(id), parseAs: 'blob' });
      if (!outcome.response.ok || outcome.data === undefined) throw new ApiError(outcome.response.status, asProblem(outcome.error));
      return { blob: outcome.data, disposition: outcome.response.headers.get('Content-Disposition') };
    },
  });
}
