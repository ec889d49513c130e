import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useApi } from '../../app/services';

export type Cycle = Schemas['CycleResponse'];
export type Participant = Schemas['ParticipantResponse'];
export type BoardLine = Schemas['UnitBoardLine'];
export type Rectification = Schemas['RectificationResponse'];
export type IngestReport = Schemas['IngestReport'];
export type Incentive = Schemas['IncentiveResponse'];

const key = ['performance'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCycles(query: { page: number; pageSize: number; status?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'cycles', query],
    queryFn: () => unwrap(api.GET('/api/performance/cycles', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCycle(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'cycle', id],
    queryFn: () => unwrap(api.GET('/api/performance/cycles/{id}', { params: { path: { id } } })),
  });
}

export function useBoard(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'board', id],
    queryFn: () => unwrap(api.GET('/api/performance/cycles/{id}/board', { params: { path: { id } } })),
  });
}

export function useParticipants(id: string, query: { page: number; pageSize: number; q?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'participants', id, query],
    queryFn: () => unwrap(api.GET('/api/performance/cycles/{id}/participants', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCycle() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas['CreateCycleRequest']) => unwrap(api.POST('/api/performance/cycles', { body })),
    onSettled: invalidate,
  });
}

export function useCycleAction() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: string; action: 'advance' | 'publish' | 'score'; version: number }) => {
      const path = { params: { path: { id } } };
      if (action === 'advance') return unwrap(api.POST('/api/performance/cycles/{id}/advance', { ...path, body: { version } }));
      if (action === 'publish') return unwrap(api.POST('/api/performance/cycles/{id}/publish', { ...path, body: { version } }));
      return unwrap(api.POST('/api/performance/cycles/{id}/score', path));
    },
    onSettled: invalidate,
  });
}

export function useEnterAssessment() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['AssessmentRequest'] }) =>
      unwrap(api.PUT('/api/performance/participants/{id}/assessment', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useCalibrate() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['GradeRequest'] }) =>
      unwrap(api.PUT('/api/performance/participants/{id}/grade', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useIncentives() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['IncentiveRequest'] }) =>
      unwrap(api.POST('/api/performance/cycles/{id}/incentives', { params: { path: { id } }, body })),
  });
}

export function useMyResults(appealOpen: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'mine', appealOpen],
    queryFn: () => unwrap(api.GET('/api/performance/my/results', { params: { query: { pageSize: 50, appealOpen: appealOpen || undefined } } })),
  });
}

export function usePendingAssessments(query: { page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'pending', query],
    queryFn: () => unwrap(api.GET('/api/performance/assessments/pending', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkerAppraisals(workerId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'worker', workerId],
    queryFn: () =>
      unwrap(api.GET('/api/performance/workers/{id}/appraisals', { params: { path: { id: workerId }, query: { pageSize: 50 } } })),
  });
}

export function useAppeal() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/performance/participants/{id}/appeal', { params: { path: { id } }, body: { reason } })),
    onSettled: invalidate,
  });
}

export function useAppeals(query: { page: number; pageSize: number; status?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'appeals', query],
    queryFn: () => unwrap(api.GET('/api/performance/appeals', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useResolveAppeal() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['ResolveAppealRequest'] }) =>
      unwrap(api.POST('/api/performance/participants/{id}/appeal/resolve', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useRectifications(query: { page: number; pageSize: number; status?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'rectifications', query],
    queryFn: () => unwrap(api.GET('/api/performance/rectifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateRectification() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateRectificationRequest'] }) =>
      unwrap(api.PUT('/api/performance/rectifications/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useRatings(query: { page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'ratings', query],
    queryFn: () => unwrap(api.GET('/api/performance/ratings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useImportRatings() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/performance/ratings/import', {
          // The typed body names the form field; bodySerializer sends the real multipart form.
          body: { file: file.name },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', file, file.name);
            return form;
          },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useOrgTreeForCycles() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'org-tree'],
    queryFn: () => unwrap(api.GET('/api/staffing/org-units/tree')),
  });
}

// ---- exports (.xlsx; the API needs the bearer token, so the file is fetched and handed to the browser) ----

export type ParticipantFilter = { q?: string; grade?: string; orgUnitId?: string; sort?: string };

async function asFile(call: Promise<{ data?: Blob; error?: unknown; response: Response }>) {
  const outcome = await call;
  const blob = await unwrap(Promise.resolve(outcome));
  return { blob, disposition: outcome.response.headers.get('Content-Disposition') };
}

/** The cycle's results with the same filters as the participants list (every matching row). */
export function useExportResults() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, query }: { id: string; query: ParticipantFilter }) =>
      asFile(api.GET('/api/performance/cycles/{id}/participants/export', { params: { path: { id }, query }, parseAs: 'blob' })),
  });
}

/** The incentive allocation as computed for the same request, worker by worker, with its total. */
export function useExportIncentives() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['IncentiveRequest'] }) =>
      asFile(api.POST('/api/performance/cycles/{id}/incentives/export', { params: { path: { id } }, body, parseAs: 'blob' })),
  });
}

// ---- holiday calendar ----

export type CalendarYear = Schemas['CalendarYearResponse'];
export type CalendarDay = Schemas['CalendarDayDto'];

export function useCalendarYears() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'calendar', 'years'],
    queryFn: () => unwrap(api.GET('/api/performance/calendar')),
  });
}

export function useMissingCalendarYears() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'calendar', 'missing'],
    queryFn: () => unwrap(api.GET('/api/performance/calendar/missing')),
  });
}

/** A year's schedule; `null` when none is loaded (404). */
export function useCalendarYear(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'calendar', 'year', year],
    queryFn: async () => {
      const outcome = await api.GET('/api/performance/calendar/year', { params: { query: { year } } });
      if (outcome.response.status === 404) return null;
      return unwrap(Promise.resolve(outcome));
    },
  });
}

export function usePutCalendarYear() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['PutCalendarYearRequest']) => unwrap(api.PUT('/api/performance/calendar/year', { body })),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

// ---- templates and settings ----

export type Template = Schemas['TemplateResponse'];
export type Indicator = Schemas['IndicatorDto'];
export type Settings = Schemas['PerformanceSettings'];

export function useTemplates() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'templates'],
    queryFn: () => unwrap(api.GET('/api/performance/templates', { params: { query: { pageSize: 200 } } })),
  });
}

export function useSaveTemplate() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Schemas['TemplateRequest'] }) =>
      id
        ? unwrap(api.PUT('/api/performance/templates/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/performance/templates', { body })),
    onSettled: invalidate,
  });
}

export function useSettings() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => unwrap(api.GET('/api/performance/settings')),
  });
}

export function useSaveSettings() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Settings) => unwrap(api.PUT('/api/performance/settings', { body })),
    onSettled: invalidate,
  });
}
