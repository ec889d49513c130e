import type { CodeValue, ImportError, NationalCodeTables, StaffingSettings } from '../../api/types';
import type { Locale, MessageKey } from '../../app/i18n';

export const workerStatuses = ['active', 'on_leave', 'left'] as const;
export const postTypes = ['head', 'deputy', 'staff'] as const;
export const postingReasons = ['hire', 'rotation', 'promotion', 'demotion', 'secondment', 'leave'] as const;
/** Why a posting ends (the API's PostingReasons.End). */
export const postingEndReasons = ['rotation', 'promotion', 'demotion', 'secondment', 'leave', 'left'] as const;
export const rotationStatuses = ['submitted', 'draft', 'approved', 'rejected', 'withdrawn'] as const;
export type RotationStatus = (typeof rotationStatuses)[number];

function keyOf<T extends string>(values: readonly T[], prefix: string, value: string): MessageKey | undefined {
  return (values as readonly string[]).includes(value) ? (`${prefix}.${value}` as MessageKey) : undefined;
}

export const workerStatusKey = (s: string) => keyOf(workerStatuses, 'staffing.workerStatus', s);
export const postTypeKey = (s: string) => keyOf(postTypes, 'staffing.postType', s);
export const postingReasonKey = (s: string) => keyOf([...postingReasons, 'left'], 'staffing.postingReason', s);
export const rotationStatusKey = (s: string) => keyOf(rotationStatuses, 'staffing.rotationStatus', s);
export const normStatusKey = (s: string) => keyOf(['short', 'over', 'ok', 'unknown'], 'staffing.normStatus', s);

export const workerStatusColor: Record<string, string> = { active: 'green', on_leave: 'orange', left: 'default' };
export const rotationStatusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'warning',
};
export const normStatusColor: Record<string, string> = { short: 'orange', over: 'blue', ok: 'green', unknown: 'default' };

/**
 * The post type's display name: in Chinese the configured one (`GET /settings`, e.g. 负责人/主管/工作人员), in
 * English the dictionary's.
 */
export function postTypeName(
  postType: string,
  locale: Locale,
  settings: StaffingSettings | undefined,
  t: (key: MessageKey) => string,
): string {
  if (locale === 'zh-CN' && settings) {
    const configured: Record<string, string> = {
      head: settings.postTypeHeadName,
      deputy: settings.postTypeDeputyName,
      staff: settings.postTypeStaffName,
    };
    if (configured[postType]) return configured[postType];
  }
  const key = postTypeKey(postType);
  return key ? t(key) : postType;
}

export type CodeKind = keyof NationalCodeTables;

/** The name of a national code in the reader's language; the code itself when the table does not know it. */
export function codeName(tables: NationalCodeTables | undefined, kind: CodeKind, code: string, locale: Locale): string {
  const found = tables?.[kind].find((c) => c.code === code);
  if (!found) return code;
  return locale === 'zh-CN' ? found.name : found.nameEn;
}

export function codeOptions(values: readonly CodeValue[] | undefined, locale: Locale) {
  return (values ?? []).map((c) => ({ value: c.code, label: `${c.code} ${locale === 'zh-CN' ? c.name : c.nameEn}` }));
}

/** GB/T 4658 bands are the codes ending in 0 (10 postgraduate, 20 bachelor …); the roster filters by band. */
export function educationBands(values: readonly CodeValue[] | undefined): CodeValue[] {
  return (values ?? []).filter((c) => /^\d0$/.test(c.code));
}

export interface ImportRowErrors {
  row: number;
  errors: { column: string; message: string }[];
}

/** The import report's errors one row at a time, rows in sheet order, columns in the order reported. */
export function groupImportErrors(errors: readonly ImportError[]): ImportRowErrors[] {
  const byRow = new Map<number, ImportRowErrors>();
  for (const e of errors) {
    const entry = byRow.get(e.row) ?? { row: e.row, errors: [] };
    entry.errors.push({ column: e.column, message: e.message });
    byRow.set(e.row, entry);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/** antd's table sort as the API's `sort` parameter: `name`, `-name` (descending), or none. */
/** Columns whose values run against the API field: age ascending (youngest first) is birth date descending. */
const inverted: Record<string, string> = { age: 'birthDate' };

export function sortParam(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (typeof field !== 'string' || !order) return undefined;
  const apiField = inverted[field] ?? field;
  const descending = (order === 'descend') !== (field in inverted);
  return descending ? `-${apiField}` : apiField;
}

/** Whole years from one ISO date to another (a birthday not yet reached this year does not count). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
