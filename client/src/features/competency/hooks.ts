import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { ok } from '../../api/client';
import { useApi } from '../../app/services';

export type S = components['schemas'];
export type FrameworkSummary = S['FrameworkSummary'];
export type FrameworkDetail = S['FrameworkResponse'];
export type Profile = S['ProfileResponse'];
export type Campaign = S['CampaignResponse'];
export type AssessmentSummary = S['AssessmentSummary'];
export type Assessment = S['AssessmentResponse'];
export type WorkerCompetency = S['WorkerCompetencyResponse'];
export type HeatMap = S['HeatMapResponse'];
export type Candidates = S['CandidatesResponse'];
export type Coverage = S['CoverageResponse'];
export type Certification = S['CertificationResponse'];
export type ServiceLine = S['ServiceLineResponse'];
export type DimensionInput = S['DimensionInput'];

const key = ['competency'] as const;

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

export function useFrameworks() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'frameworks'],
    queryFn: () => ok(api.GET('/api/competency/frameworks', { params: { query: { pageSize: 100 } } })),
  });
}

export function useFramework(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'framework', id],
    queryFn: () => ok(api.GET('/api/competency/frameworks/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

export function useFrameworkDiff(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'diff', id],
    queryFn: () => ok(api.GET('/api/competency/frameworks/{id}/diff', { params: { path: { id: id ?? '' }, query: {} } })),
    enabled: id !== undefined,
  });
}

export function useFrameworkActions() {
  const api = useApi();
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate();
  return {
    newDraft: useMutation({
      mutationFn: (id: string) => ok(api.POST('/api/competency/frameworks/{id}/new-draft', { params: { path: { id } } })),
      onSuccess,
    }),
    publish: useMutation({
      mutationFn: (f: FrameworkSummary) =>
        ok(api.POST('/api/competency/frameworks/{id}/publish', { params: { path: { id: f.id } }, body: { version: f.version } })),
      onSuccess,
    }),
    save: useMutation({
      mutationFn: (v: { id: string; version: number; nameZh: string; nameEn: string; dimensions: DimensionInput[] }) =>
        ok(
          api.PUT('/api/competency/frameworks/{id}', {
            params: { path: { id: v.id } },
            body: { nameZh: v.nameZh, nameEn: v.nameEn, version: v.version, dimensions: v.dimensions },
          }),
        ),
      onSuccess,
    }),
  };
}

export function useProfiles() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'profiles'],
    queryFn: () => ok(api.GET('/api/competency/profiles', { params: { query: { pageSize: 100 } } })),
  });
}

export function useCreateProfile() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: S['SaveProfileRequest']) => ok(api.POST('/api/competency/profiles', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useCampaigns(overdue: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'campaigns', overdue],
    queryFn: () => ok(api.GET('/api/competency/campaigns', { params: { query: { pageSize: 100, overdue: overdue || undefined } } })),
  });
}

export function useCreateCampaign() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: S['CreateCampaignRequest']) => ok(api.POST('/api/competency/campaigns', { body })),
    onSuccess: () => invalidate(),
  });
}

export interface AssessmentFilter {
  campaignId?: string;
  workerId?: string;
  waiting?: 'self' | 'supervisor';
  status?: 'open' | 'finalised';
  page?: number;
}

export function useAssessments(filter: AssessmentFilter, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'assessments', filter],
    queryFn: () => ok(api.GET('/api/competency/assessments', { params: { query: { ...filter, pageSize: 50 } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAssessment(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'assessment', id],
    queryFn: () => ok(api.GET('/api/competency/assessments/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

export type ScoreInput = S['ScoreInput'];

export function useAssessmentActions() {
  const api = useApi();
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate();
  return {
    submit: useMutation({
      mutationFn: (v: { id: string; who: 'self' | 'supervisor'; version: number; scores: ScoreInput[] }) =>
        v.who === 'self'
          ? ok(api.PUT('/api/competency/assessments/{id}/self', { params: { path: { id: v.id } }, body: { version: v.version, scores: v.scores } }))
          : ok(api.PUT('/api/competency/assessments/{id}/supervisor', { params: { path: { id: v.id } }, body: { version: v.version, scores: v.scores } })),
      onSuccess,
    }),
    finalise: useMutation({
      mutationFn: (v: { id: string; version: number }) =>
        ok(api.POST('/api/competency/assessments/{id}/finalise', { params: { path: { id: v.id } }, body: { version: v.version } })),
      onSuccess,
    }),
  };
}

export function useWorkerCompetency(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'worker', workerId],
    queryFn: () => ok(api.GET('/api/competency/workers/{id}/profile', { params: { path: { id: workerId ?? '' } } })),
    enabled: workerId !== undefined,
  });
}

export function useHeatMap(orgUnitId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'heat-map', orgUnitId],
    queryFn: () => ok(api.GET('/api/competency/heat-map', { params: { query: { orgUnitId } } })),
  });
}

export interface CandidateFilter {
  minFit?: number;
  postType?: string;
  orgUnitId?: string;
  page?: number;
}

export function useCandidates(postId: string | undefined, filter: CandidateFilter) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'candidates', postId, filter],
    queryFn: () =>
      ok(api.GET('/api/competency/posts/{id}/candidates', { params: { path: { id: postId ?? '' }, query: { ...filter, pageSize: 20 } } })),
    enabled: postId !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useVacantPosts() {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'vacant-posts'],
    queryFn: () => ok(api.GET('/api/staffing/posts', { params: { query: { hasVacancy: true, pageSize: 200 } } })),
  });
}

export function useServiceLines() {
  const api = useApi();
  return useQuery({ queryKey: [...key, 'lines'], queryFn: () => ok(api.GET('/api/competency/service-lines')) });
}

export function useCoverage(orgUnitId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'coverage', orgUnitId],
    queryFn: () => ok(api.GET('/api/competency/coverage', { params: { query: { orgUnitId: orgUnitId ?? '' } } })),
    enabled: orgUnitId !== undefined,
  });
}

export function useExpiring(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'expiring'],
    queryFn: () => ok(api.GET('/api/competency/certifications/expiring', { params: { query: { withinDays: 90, pageSize: 100 } } })),
    enabled,
  });
}

export function useCertifications(workerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...key, 'certifications', workerId],
    queryFn: () => ok(api.GET('/api/competency/certifications', { params: { query: { workerId, pageSize: 100 } } })),
    enabled: workerId !== undefined,
  });
}

export function useOrgTree() {
  const api = useApi();
  return useQuery({ queryKey: [...key, 'org-tree'], queryFn: () => ok(api.GET('/api/staffing/org-units/tree')) });
}

/** Downloads the ranking as .xlsx (the API needs the bearer token, so not a plain link). */
export function useExportCandidates() {
  const api = useApi();
  return useMutation({
    mutationFn: async (v: { postId: string; filter: CandidateFilter }) => {
      const outcome = await api.GET('/api/competency/posts/{id}/candidates/export', {
        params: { path: { id: v.postId }, query: { minFit: v.filter.minFit, postType: v.filter.postType, orgUnitId: v.filter.orgUnitId } },
        parseAs: 'blob',
      });
      const blob = await ok(Promise.resolve(outcome));
      return { blob, disposition: outcome.response.headers.get('Content-Disposition') };
    },
  });
}
