/** One line of an audit row's change: the field, and its value before and after (either may be absent). */
export interface ChangeLine {
  field: string;
  before?: string;
  after?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Ids say nothing to a reader (the row's object and time do); they are left out of the readable change. */
const isId = (field: string) => /Id$/.test(field) || field === 'id';

/**
 * Reads the `changes` the modules write into field lines: `{ before: {...}, after: {...} }` gives the fields that
 * differ; `{ from, to, ... }` a status change and its details; any other object its fields as values.
 */
export function describeChanges(changes: unknown): ChangeLine[] {
  if (!isRecord(changes)) return changes === null || changes === undefined ? [] : [{ field: 'value', after: text(changes) }];
  const { before, after } = changes;
  if (isRecord(before) && isRecord(after)) {
    const lower = (k: string) => k.charAt(0).toLowerCase() + k.slice(1);
    const fields = new Map<string, { before?: unknown; after?: unknown }>();
    for (const [k, v] of Object.entries(before)) fields.set(lower(k), { ...fields.get(lower(k)), before: v });
    for (const [k, v] of Object.entries(after)) fields.set(lower(k), { ...fields.get(lower(k)), after: v });
    return [...fields.entries()]
      .filter(([field, v]) => !isId(field) && JSON.stringify(v.before) !== JSON.stringify(v.after))
      .map(([field, v]) => ({ field, before: text(v.before), after: text(v.after) }));
  }
  const lines: ChangeLine[] = [];
  if ('from' in changes || 'to' in changes) lines.push({ field: 'status', before: text(changes.from), after: text(changes.to) });
  for (const [field, value] of Object.entries(changes)) {
    if (field === 'from' || field === 'to' || isId(field)) continue;
    lines.push({ field, after: text(value) });
  }
  return lines;
}
