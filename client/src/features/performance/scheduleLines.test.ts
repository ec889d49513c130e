import { describe, expect, it } from 'vitest';
import { parseScheduleLines } from './scheduleLines';

describe('parseScheduleLines', () => {
  it('reads date, kind and name per line in Chinese or English and skips other lines', () => {
    const rows = parseScheduleLines('依据：通知\n2027-01-01 放假 元旦\n2027-02-07,上班,春节 调休\n2027-10-01\tholiday\t国庆节\n\n');
    expect(rows).toEqual([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-02-07', kind: 'workday', name: '春节 调休' },
      { day: '2027-10-01', kind: 'holiday', name: '国庆节' },
    ]);
  });
});
