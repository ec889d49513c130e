import type { Problem } from '../../api/problem';

export type FieldPath = string | [string, number, string];

/**
 * Spreads a 400's errors over a form with list rows: `days[2].name` → `['days', 2, 'name']` when `lists.days` has `name`,
 * a top-level key (`year`, `indicators`) → that field. Messages naming no field of the form come back in `unmatched`.
 */
export function listFieldErrors(
  problem: Problem,
  topLevel: readonly string[],
  lists: Record<string, readonly string[]>,
): { fields: { name: FieldPath; errors: string[] }[]; unmatched: string[] } {
  const fields: { name: FieldPath; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const row = /^([A-Za-z]+)\[(\d+)\]\.([A-Za-z]+)$/.exec(key);
    if (row && lists[row[1]]?.includes(row[3])) {
      fields.push({ name: [row[1], Number(row[2]), row[3]], errors: messages });
    } else if (topLevel.includes(key)) {
      fields.push({ name: key, errors: messages });
    } else {
      unmatched.push(...messages);
    }
  }
  return { fields, unmatched };
}
