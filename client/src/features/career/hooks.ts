import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { ok } from '../../api/client';
import { useApi } from '../../app/services';

type S = components['schemas'];
export type GradeHistory = S['GradeHistoryResponse'];
export type Eligibility = S['EligibilityResponse'];
export type Run = S['RunResponse'];
export type RunResult = S['RunResultResponse'];
export type EligibleWorker = S['EligibleWorkerResponse'];
export type Application = S['ApplicationResponse'];
export type Stage = S['StageResponse'];
export type Ladder = S['LadderConfig'];

const key = ['career'] as const;

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: ['me', 'todos'] })]);
}

export function useMyWorkerId() {
  const api = useApi();
  return useQuery({
    queryKey: ['staffing', 'workers', 'me', 'id'],
    queryFn: async () => (await ok(api.GET('/api/staffing/workers/me', {}))).id,
  });
}

export function useGrades(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'grades', workerId],
    queryFn: () => ok(api.GET('/api/career/workers/{id}/grades', { params: { path: { id: workerId ?? '' } } })),
    enabled: workerId !== undefined,
  });
}

export function useEligibility(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'eligibility', workerId],
    queryFn: () => ok(api.GET('/api/career/workers/{id}/eligibility', { params: { path: { id: workerId ?? '' }, query: {} } })),
    enabled: workerId !== undefined,
  });
}

export function useStages() {
  const api = useApi();
  return useQuery({ queryKey: [...key, 'stages'], queryFn: () => ok(api.GET('/api/career/stages', {})) });
}

export function useLadder() {
  const api = useApi();
  return useQuery({ queryKey: [...key, 'ladder'], queryFn: () => ok(api.GET('/api/career/ladder', { params: { query: {} } })) });
}

export function useRuns() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'runs'],
    queryFn: () => ok(api.GET('/api/career/progression-runs', { params: { query: { pageSize: 20 } } })),
  });
}

export function useRunResults(runId: string | undefined, steps: boolean | undefined, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'results', runId, steps, page],
    queryFn: () => ok(api.GET('/api/career/progression-runs/{id}/results', { params: { path: { id: runId ?? '' }, query: { steps, page, pageSize: 20 } } })),
    enabled: runId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePreviewRun() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (asOf: string) => ok(api.POST('/api/career/progression-runs', { body: { asOf } })),
    onSuccess: invalidate,
  });
}

export function useApplyRun() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (run: Run) => ok(api.POST('/api/career/progression-runs/{id}/apply', { params: { path: { id: run.id } }, body: { version: run.version } })),
    onSuccess: invalidate,
  });
}

export function useEligibleList(stage: string | undefined, eligible: boolean | undefined, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'eligible', stage, eligible, page],
    queryFn: () => ok(api.GET('/api/career/eligibility', { params: { query: { stage: stage ?? '', eligible, page, pageSize: 20 } } })),
    enabled: stage !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useExportEligible() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ stage, eligible }: { stage: string; eligible: boolean | undefined }) => {
      const outcome = await api.GET('/api/career/eligibility/export', { params: { query: { stage, eligible } }, parseAs: 'blob' });
      const blob = await ok(Promise.resolve(outcome));
      return { blob, disposition: outcome.response.headers.get('Content-Disposition') };
    },
  });
}

export function useApplications(status: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'applications', status],
    queryFn: () => ok(api.GET('/api/career/applications', { params: { query: { status, pageSize: 100 } } })),
  });
}

export function useReview() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ application, forward }: { application: Application; forward: boolean }) =>
      ok(api.POST('/api/career/applications/{id}/review', { params: { path: { id: application.id } }, body: { forward, version: application.version } })),
    onSuccess: invalidate,
  });
}

export function useDecide() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ application, approve, note }: { application: Application; approve: boolean; note?: string }) =>
      ok(api.POST('/api/career/applications/{id}/decide', { params: { path: { id: application.id } }, body: { approve, note, version: application.version } })),
    onSuccess: invalidate,
  });
}

export type ReserveMember = S['ReserveMemberResponse'];
export type ReserveDetail = S['ReserveMemberDetailResponse'];
export type PlanItem = S['PlanItemResponse'];
export type SuccessionRisk = S['SuccessionRiskResponse'];
export type NominateBody = S['NominateReserveRequest'];
export type DecideNominationBody = S['DecideNominationRequest'];
export type ExtendBody = S['ExtendReserveTermRequest'];
export type ReviewBody = S['RecordReserveReviewRequest'];
export type EndBody = S['EndReserveMembershipRequest'];
export type AddPlanItemBody = S['AddPlanItemRequest'];
export type UpdatePlanItemBody = S['UpdatePlanItemRequest'];

/** The pool of a subtree (`orgUnitId`, a street or one of its units); without one, the caller's own scope. */
export function useReservePool(orgUnitId: string | undefined, status: string | undefined, q: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'reserve-pool', orgUnitId, status, q, page],
    queryFn: () => ok(api.GET('/api/career/reserve-pool', { params: { query: { orgUnitId, status, q: q || undefined, page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useReserveMember(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'reserve-member', id],
    queryFn: () => ok(api.GET('/api/career/reserve-members/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

export function useNominate() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: NominateBody) => ok(api.POST('/api/career/reserve-nominations', { body })), onSuccess: invalidate });
}

export function useDecideNomination() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideNominationBody }) =>
      ok(api.POST('/api/career/reserve-members/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useExtendTerm() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ExtendBody }) => ok(api.POST('/api/career/reserve-members/{id}/extend', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRecordReview() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) => ok(api.POST('/api/career/reserve-members/{id}/reviews', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useEndMembership() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndBody }) => ok(api.POST('/api/career/reserve-members/{id}/end', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useAddPlanItem() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AddPlanItemBody }) =>
      ok(api.POST('/api/career/reserve-members/{id}/plan-items', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePlanItem() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanItemBody }) => ok(api.PUT('/api/career/reserve-plan-items/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useWorkerOptions(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['staffing', 'workers', 'search', q],
    queryFn: () => ok(api.GET('/api/staffing/workers', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    // While a search runs the last options stay: an empty listbox in between is what axe flags (aria-required-children).
    placeholderData: keepPreviousData,
  });
}

export function useCourseOptions() {
  const api = useApi();
  return useQuery({ queryKey: ['training', 'courses', 'options'], queryFn: () => ok(api.GET('/api/training/courses', { params: { query: { pageSize: 100 } } })) });
}

export function usePostOptions() {
  const api = useApi();
  return useQuery({ queryKey: ['staffing', 'posts', 'options'], queryFn: () => ok(api.GET('/api/staffing/posts', { params: { query: { pageSize: 200 } } })) });
}

export function useSuccessionRisk(years: number, atRiskOnly: boolean, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'succession', years, atRiskOnly, page],
    queryFn: () => ok(api.GET('/api/career/succession-risk', { params: { query: { years, atRiskOnly, page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export type FileApplicationBody = S['FileApplicationRequest'];

/** The worker's applications still open (submitted to HR or reviewed and waiting for the leader). */
export function useMyOpenApplications(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'applications', 'mine', workerId],
    queryFn: async () => (await ok(api.GET('/api/career/applications', { params: { query: { workerId, pageSize: 20 } } })))
      .items.filter((a) => a.status === 'submitted' || a.status === 'reviewed'),
    enabled: workerId !== undefined,
  });
}

export function useFileApplication() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: FileApplicationBody) => ok(api.POST('/api/career/applications', { body })), onSuccess: invalidate });
}

export function useSaveLadder() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: Ladder) => ok(api.PUT('/api/career/ladder', { body })), onSuccess: invalidate });
}

export function useSaveStage() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: S['SaveStageRequest'] }) => ok(api.PUT('/api/career/stages/{code}', { params: { path: { code } }, body })),
    onSuccess: invalidate,
  });
}
