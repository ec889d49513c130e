import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { ok } from '../../api/client';
import { useApi } from '../../app/services';

type S = components['schemas'];
export type Course = S['CourseResponse'];
export type Session = S['SessionResponse'];
export type Enrollment = S['EnrollmentResponse'];
export type ComplianceItem = S['ComplianceItem'];
export type Certificate = S['CertificateResponse'];
export type Track = S['TrainingTrackResponse'];
export type Recommendation = S['Recommendation'];
export type SaveCourse = S['SaveCourseRequest'];
export type ScheduleSession = S['ScheduleSessionRequest'];

const key = ['training'] as const;

function useInvalidate() {
  const client = useQueryClient();
  // Enrolments move seats, hours and workbench counts at once.
  return () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: ['me', 'todos'] })]);
}

export function useCourses(page: number, q: string | undefined, category: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'courses', page, q, category],
    queryFn: () => ok(api.GET('/api/training/courses', { params: { query: { page, pageSize: 20, q, category } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCourse() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SaveCourse) => ok(api.POST('/api/training/courses', { body })),
    onSuccess: invalidate,
  });
}

export function useSessions(page: number, attendance: 'due' | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'sessions', page, attendance],
    queryFn: () => ok(api.GET('/api/training/sessions', { params: { query: { page, pageSize: 20, attendance } } })),
    placeholderData: keepPreviousData,
  });
}

export function useScheduleSession() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ScheduleSession) => ok(api.POST('/api/training/sessions', { body })),
    onSuccess: invalidate,
  });
}

export function useRoster(sessionId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'roster', sessionId],
    queryFn: () => ok(api.GET('/api/training/enrollments', { params: { query: { sessionId, pageSize: 200, sort: 'queueNo' } } })),
    enabled: sessionId !== undefined,
  });
}

export function useEnrol() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { sessionId: string; workerIds: string[] }) =>
      ok(api.POST('/api/training/sessions/{id}/enrollments', { params: { path: { id: v.sessionId } }, body: { workerIds: v.workerIds } })),
    onSuccess: invalidate,
  });
}

export function useCancelEnrollment() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/training/enrollments/{id}/cancel', { params: { path: { id } }, body: {} })),
    onSuccess: invalidate,
  });
}

export function useAttendance() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { sessionId: string; entries: { workerId: string; attended: boolean }[] }) =>
      ok(api.POST('/api/training/sessions/{id}/attendance', { params: { path: { id: v.sessionId } }, body: { entries: v.entries } })),
    onSuccess: invalidate,
  });
}

export function useCompletion() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { sessionId: string; workerIds: string[] }) =>
      ok(api.POST('/api/training/sessions/{id}/completion', {
        params: { path: { id: v.sessionId } },
        body: { entries: v.workerIds.map((workerId) => ({ workerId })) },
      })),
    onSuccess: invalidate,
  });
}

export function useWorkerSearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['staffing', 'workers', 'search', q],
    queryFn: () => ok(api.GET('/api/staffing/workers', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    enabled: q.length > 0,
  });
}

export function useCompliance(page: number, status: 'noncompliant' | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'compliance', page, status],
    queryFn: () => ok(api.GET('/api/training/compliance', { params: { query: { page, pageSize: 20, status } } })),
    placeholderData: keepPreviousData,
  });
}

export function useComplianceSummary() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'compliance-summary'],
    queryFn: () => ok(api.GET('/api/training/compliance/summary', {})),
  });
}

/** The compliance report as .xlsx (the API needs the bearer token, so not a plain link). */
export function useExportCompliance() {
  const api = useApi();
  return useMutation({
    mutationFn: async (status: 'noncompliant' | undefined) => {
      const outcome = await api.GET('/api/training/compliance/export', { params: { query: { status } }, parseAs: 'blob' });
      const blob = await ok(Promise.resolve(outcome));
      return { blob, disposition: outcome.response.headers.get('Content-Disposition') };
    },
  });
}

export function useSessionCalendar() {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: string) => {
      const outcome = await api.GET('/api/training/sessions/{id}/calendar.ics', { params: { path: { id } }, parseAs: 'blob' });
      const blob = await ok(Promise.resolve(outcome));
      return { blob, disposition: outcome.response.headers.get('Content-Disposition') };
    },
  });
}

export function useCertificates(page: number, expiringWithinDays: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'certificates', page, expiringWithinDays],
    queryFn: () => ok(api.GET('/api/training/certificates', { params: { query: { page, pageSize: 20, expiringWithinDays } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCertificationRate() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'certification-rate'],
    queryFn: () => ok(api.GET('/api/training/certificates/rate', {})),
  });
}

export function useTrack(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'track', workerId],
    queryFn: () => ok(api.GET('/api/training/workers/{id}/track', { params: { path: { id: workerId ?? '' } } })),
    enabled: workerId !== undefined,
  });
}

export function useMyWorkerId() {
  const api = useApi();
  return useQuery({
    queryKey: ['staffing', 'workers', 'me', 'id'],
    queryFn: async () => (await ok(api.GET('/api/staffing/workers/me', {}))).id,
  });
}
