import { useQueryApi } from '../../../app/services';

/** The national code tables (gender, ethnic group, political status, education). */
export function useCodes() {
  return useQueryApi().useQuery('get', '/api/staffing/codes', {}, { staleTime: Infinity });
}

export function useStaffingSettings(enabled = true) {
  return useQueryApi().useQuery('get', '/api/staffing/settings', {}, { staleTime: 5 * 60_000, enabled });
}
