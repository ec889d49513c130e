export type DayRow = { day: string; kind: string; name: string };

/**
 * Lines such as `2027-01-01 放假 元旦` or `2027-02-07,上班,春节调休` (date, kind, name; kind 放假/holiday or 上班/调休/workday),
 * as rows for the form. Lines that do not start with a date are skipped; the server checks the rest.
 */
export function parseScheduleLines(text: string): DayRow[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/[\s,，\t]+/))
    .filter((cells) => /^\d{4}-\d{2}-\d{2}$/.test(cells[0] ?? ''))
    .map(([day, kind = '', ...name]) => ({
      day,
      kind: /^(上班|调休|补班|workday)/i.test(kind) ? 'workday' : /^(放假|休|holiday)/i.test(kind) ? 'holiday' : kind,
      name: name.join(' '),
    }));
}
