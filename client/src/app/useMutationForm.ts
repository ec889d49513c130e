import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, type Problem } from '../api/problem';
import { useReportError } from './problems';

/** What useMutationForm needs of a TanStack mutation (any of the typed query hooks' mutations fits). */
export interface FormMutation<TVariables, TData> {
  mutate: (
    variables: TVariables,
    options?: { onSuccess?: (data: TData) => void; onError?: (error: unknown) => void },
  ) => void;
  isPending: boolean;
}

/**
 * Submits an antd form through a mutation: problem-details field errors land on the form's fields (`fields` lists the
 * ones it has), other problems become a notification; with `refusals`, a 409 (a rule of the domain said no, e.g. the
 * post is full) is kept as `refusal` for the dialog to show in place.
 */
export function useMutationForm<TVariables, TData>(
  mutation: FormMutation<TVariables, TData>,
  form: FormInstance,
  fields: readonly string[],
  options: { refusals?: boolean } = {},
) {
  const report = useReportError();
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const { refusals = false } = options;
  const { mutate } = mutation;
  const submit = useCallback(
    (variables: TVariables, onSuccess: (data: TData) => void) => {
      setRefusal(null);
      mutate(variables, {
        onSuccess,
        onError: (error) => {
          if (refusals && error instanceof ApiError && error.status === 409) setRefusal(error.problem);
          else report(error, form, fields);
        },
      });
    },
    [mutate, refusals, report, form, fields],
  );
  return { submit, refusal, pending: mutation.isPending };
}
