import { describe, expect, it } from 'vitest';
import { missingKeys, requireFields } from './required';

interface Values {
  name?: string;
  quota?: number | null;
  note?: string;
}

describe('required fields', () => {
  it('counts undefined, null and blank text as missing, and zero as present', () => {
    expect(missingKeys<Values, 'name' | 'quota'>({ name: '  ', quota: null }, ['name', 'quota'])).toEqual(['name', 'quota']);
    expect(missingKeys<Values, 'name' | 'quota'>({ name: '张三', quota: 0 }, ['name', 'quota'])).toEqual([]);
  });

  it('marks each missing field on the form and refuses, or narrows the values when all are there', () => {
    const set: { name: unknown; errors?: string[] }[][] = [];
    const form = { setFields: (fields: { name: unknown; errors?: string[] }[]) => void set.push(fields) };
    const empty: Values = { note: 'x' };
    const full: Values = { name: '岗位', quota: 2 };

    expect(requireFields(form, empty, ['name', 'quota'], '必填')).toBe(false);
    expect(set).toEqual([[{ name: 'name', errors: ['必填'] }, { name: 'quota', errors: ['必填'] }]]);
    if (!requireFields(form, full, ['name', 'quota'], '必填')) throw new Error('all fields are present');
    const quota: number = full.quota;
    expect(quota).toBe(2);
    expect(set).toHaveLength(1);
  });

  it('gives each missing field its own message', () => {
    const set: { name: unknown; errors?: string[] }[][] = [];
    const form = { setFields: (fields: { name: unknown; errors?: string[] }[]) => void set.push(fields) };
    const labels = { name: '姓名', quota: '编制' };

    expect(requireFields<Values, 'name' | 'quota'>(form, {}, ['name', 'quota'], (k) => `${labels[k]}不能为空`)).toBe(false);
    expect(set).toEqual([[{ name: 'name', errors: ['姓名不能为空'] }, { name: 'quota', errors: ['编制不能为空'] }]]);
  });
});
