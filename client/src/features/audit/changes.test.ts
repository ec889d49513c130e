import { describe, expect, it } from 'vitest';
import { describeChanges } from './changes';

describe('describeChanges', () => {
  it('lists the fields that differ between before and after, whatever their case', () => {
    expect(
      describeChanges({ before: { Title: '社工', Quota: 3, OrgUnitId: 'a' }, after: { title: '社工', quota: 4, orgUnitId: 'b' } }),
    ).toEqual([{ field: 'quota', before: '3', after: '4' }]);
  });

  it('reads a status change and its details, leaving ids out', () => {
    expect(describeChanges({ from: 'active', to: 'left', effectiveOn: '2026-12-01', workerId: 'x' })).toEqual([
      { field: 'status', before: 'active', after: 'left' },
      { field: 'effectiveOn', after: '2026-12-01' },
    ]);
  });

  it('shows other objects field by field and nothing for no change', () => {
    expect(describeChanges({ proposedOn: '2027-01-01', submit: true, toPostId: 'p' })).toEqual([
      { field: 'proposedOn', after: '2027-01-01' },
      { field: 'submit', after: 'true' },
    ]);
    expect(describeChanges(null)).toEqual([]);
    expect(describeChanges({ before: { phone: null }, after: { phone: '138' } })).toEqual([
      { field: 'phone', before: '—', after: '138' },
    ]);
  });
});
