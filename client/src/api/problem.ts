/** RFC 9457 problem details as the API returns them, with the extensions it uses. */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  /** Validation problems: field name → messages. */
  errors?: Record<string, string[]>;
  /** `urn:cw:problem:duplicate`: the field whose value is taken. */
  field?: string;
  /** `urn:cw:problem:account-locked`: until when. */
  lockedUntil?: string;
  /** `urn:cw:problem:import-invalid`: what is wrong in which row and column of the uploaded sheet. */
  rowErrors?: { row: number; column: string; message: string }[];
  totalRows?: number;
  /** `urn:cw:problem:invalid-transition`: the state the record is in now. */
  currentStatus?: string;
}

export const problemTypes = {
  validation: 'urn:cw:problem:validation',
  invalidCredentials: 'urn:cw:problem:invalid-credentials',
  accountLocked: 'urn:cw:problem:account-locked',
  accountDisabled: 'urn:cw:problem:account-disabled',
  rateLimited: 'urn:cw:problem:rate-limited',
  duplicate: 'urn:cw:problem:duplicate',
  versionConflict: 'urn:cw:problem:version-conflict',
  hasActiveChildren: 'urn:cw:problem:org-unit-has-active-children',
  ruleViolation: 'urn:cw:problem:rule-violation',
  headcountExceeded: 'urn:cw:problem:headcount-exceeded',
  invalidTransition: 'urn:cw:problem:invalid-transition',
  importInvalid: 'urn:cw:problem:import-invalid',
} as const;

export function asProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as Record<string, unknown>;
  if (typeof candidate.type !== 'string' && typeof candidate.title !== 'string' && typeof candidate.status !== 'number') {
    return null;
  }
  return candidate as Problem;
}

/** A failed API call: the HTTP status and, when the body was one, the problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get type(): string | undefined {
    return this.problem?.type ?? undefined;
  }
}

export interface FieldError<F extends string = string> {
  name: F;
  errors: string[];
}

export interface MappedProblem<F extends string = string> {
  /** Errors for fields the form has, ready for `form.setFields`. */
  fields: FieldError<F>[];
  /** Messages that name no field of the form (or no field at all). */
  unmatched: string[];
}

/** `Households`, `body.households`, `$.households` and `households` all name the form field `households`. */
function fieldFor<F extends string>(key: string, fieldNames: readonly F[]): F | undefined {
  const last = key.replace(/^\$\.?/, '').split('.').pop() ?? key;
  const wanted = last.toLowerCase();
  return fieldNames.find((name) => name.toLowerCase() === wanted);
}

/**
 * Spreads a problem over the fields of a form: validation `errors` go to the fields they name; a duplicate
 * problem's `field` gets its detail. Anything else is returned as `unmatched` for a notification.
 */
export function mapProblemToFields<F extends string>(problem: Problem, fieldNames: readonly F[]): MappedProblem<F> {
  const byField = new Map<F, string[]>();
  const unmatched: string[] = [];
  const add = (name: F, messages: string[]) => byField.set(name, [...(byField.get(name) ?? []), ...messages]);

  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const name = fieldFor(key, fieldNames);
    if (name) add(name, messages);
    else unmatched.push(...messages);
  }

  if (problem.field) {
    const name = fieldFor(problem.field, fieldNames);
    const message = problem.detail ?? problem.title ?? '';
    if (name && message) add(name, [message]);
    else if (message) unmatched.push(message);
  }

  const fields = [...byField.entries()].map(([name, errors]) => ({ name, errors }));
  if (fields.length === 0 && unmatched.length === 0 && problem.errors === undefined && !problem.field) {
    const message = problem.detail ?? problem.title;
    if (message) unmatched.push(message);
  }
  return { fields, unmatched };
}

/**
 * The HTTP status of a failed query or mutation (the query hooks reject with {@link ApiError}; their declared error type
 * is the endpoint's problem body, so callers read the status through this rather than narrowing themselves).
 */
export function failureStatus(error: unknown): number | undefined {
  return error instanceof ApiError ? error.status : undefined;
}

/** What to show of a failure: the problem's detail or title, or the error's own message. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
