import { describe, expect, it } from 'vitest';
import { listFieldErrors } from './listProblems';

describe('listFieldErrors', () => {
  it('puts row errors under the row field and keeps what names no field', () => {
    const mapped = listFieldErrors(
      { errors: { 'days[1].day': ['日期不在 2027 年。'], source: ['必填'], 'days[0].colour': ['?'], indicators: ['权重合计为 90%'] } },
      ['source', 'indicators'],
      { days: ['day', 'kind', 'name'] },
    );
    expect(mapped.fields).toEqual([
      { name: ['days', 1, 'day'], errors: ['日期不在 2027 年。'] },
      { name: 'source', errors: ['必填'] },
      { name: 'indicators', errors: ['权重合计为 90%'] },
    ]);
    expect(mapped.unmatched).toEqual(['?']);
  });
});
