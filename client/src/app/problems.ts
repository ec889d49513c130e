import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, mapProblemToFields, problemTypes } from '../api/problem';
import { useT } from './i18n';

/**
 * Shows what went wrong with a call: field errors next to the fields of `form` they name, everything else
 * as a notification with the problem's title and detail. Returns nothing; callers decide what to refresh.
 */
export function useReportError() {
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance, fieldNames?: readonly string[]) => {
      if (!(error instanceof ApiError)) {
        const network = error instanceof TypeError;
        notification.error({
          title: network ? t('error.network') : t('error.unexpected'),
          description: network ? undefined : String(error),
        });
        return;
      }
      const problem = error.problem;
      if (problem?.type === problemTypes.versionConflict) {
        notification.warning({ title: t('error.versionConflict') });
        return;
      }
      if (problem && form && fieldNames) {
        const mapped = mapProblemToFields(problem, fieldNames);
        if (mapped.fields.length > 0) form.setFields(mapped.fields);
        if (mapped.unmatched.length === 0 && mapped.fields.length > 0) return;
        if (mapped.unmatched.length > 0 && problem.errors) {
          notification.error({ title: problem.title ?? t('error.unexpected'), description: mapped.unmatched.join('\n') });
          return;
        }
      }
      notification.error({
        title: problem?.title ?? t('error.unexpected'),
        description: problem?.detail ?? (problem ? undefined : error.message),
      });
    },
    [notification, t],
  );
}
