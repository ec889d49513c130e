import { describe, expect, it } from 'vitest';
import type { NationalCodeTables, StaffingSettings } from '../../api/types';
import {
  yearsBetween,
  codeName,
  educationBands,
  groupImportErrors,
  postTypeName,
  rotationStatusKey,
  sortParam,
  workerStatusKey,
} from './staffingRules';

const tables: NationalCodeTables = {
  gender: [{ code: '1', name: '男', nameEn: 'Male' }],
  ethnicGroup: [],
  politicalStatus: [{ code: '13', name: '群众', nameEn: 'Masses' }],
  education: [
    { code: '10', name: '研究生教育', nameEn: 'Postgraduate' },
    { code: '14', name: '硕士研究生毕业', nameEn: "Master's degree" },
    { code: '20', name: '大学本科教育', nameEn: 'Bachelor' },
    { code: '21', name: '大学本科毕业', nameEn: "Bachelor's degree" },
  ],
};

describe('import report grouping', () => {
  it('groups errors by sheet row, rows in order, columns as reported', () => {
    const grouped = groupImportErrors([
      { row: 5, column: '身份证号', message: 'bad check digit' },
      { row: 2, column: '姓名', message: 'required' },
      { row: 5, column: '学历', message: 'unknown code' },
      { row: 3, column: '所属单位编码', message: 'no such unit' },
    ]);
    expect(grouped.map((g) => g.row)).toEqual([2, 3, 5]);
    expect(grouped[2].errors).toEqual([
      { column: '身份证号', message: 'bad check digit' },
      { column: '学历', message: 'unknown code' },
    ]);
    expect(groupImportErrors([])).toEqual([]);
  });
});

describe('code tables', () => {
  it('names a code in the reader’s language and leaves an unknown code as it is', () => {
    expect(codeName(tables, 'gender', '1', 'zh-CN')).toBe('男');
    expect(codeName(tables, 'politicalStatus', '13', 'en')).toBe('Masses');
    expect(codeName(tables, 'education', '99', 'en')).toBe('99');
    expect(codeName(undefined, 'education', '21', 'en')).toBe('21');
  });

  it('offers the GB/T 4658 bands for the education filter', () => {
    expect(educationBands(tables.education).map((c) => c.code)).toEqual(['10', '20']);
  });
});

describe('labels', () => {
  const settings = { postTypeHeadName: '负责人', postTypeDeputyName: '主管', postTypeStaffName: '工作人员' } as StaffingSettings;
  const t = (key: string) => `[${key}]`;

  it('uses the configured post type names in Chinese and the dictionary in English', () => {
    expect(postTypeName('deputy', 'zh-CN', settings, t)).toBe('主管');
    expect(postTypeName('deputy', 'en', settings, t)).toBe('[staffing.postType.deputy]');
    expect(postTypeName('head', 'zh-CN', undefined, t)).toBe('[staffing.postType.head]');
    expect(postTypeName('other', 'en', settings, t)).toBe('other');
  });

  it('knows the statuses the API sends and nothing else', () => {
    expect(workerStatusKey('on_leave')).toBe('staffing.workerStatus.on_leave');
    expect(workerStatusKey('retired')).toBeUndefined();
    expect(rotationStatusKey('submitted')).toBe('staffing.rotationStatus.submitted');
  });
});

describe('table helpers', () => {
  it('turns antd sort state into the API sort parameter', () => {
    expect(sortParam('name', 'ascend')).toBe('name');
    expect(sortParam('hireDate', 'descend')).toBe('-hireDate');
    expect(sortParam('name', null)).toBeUndefined();
    expect(sortParam(undefined, 'ascend')).toBeUndefined();
  });

  it('sorts age ascending as the youngest first: birth date descending', () => {
    expect(sortParam('age', 'ascend')).toBe('-birthDate');
    expect(sortParam('age', 'descend')).toBe('birthDate');
  });
});

describe('years between two dates', () => {
  it('counts whole years, not the one not yet completed', () => {
    expect(yearsBetween('2019-06-15', '2026-06-14')).toBe(6);
    expect(yearsBetween('2019-06-15', '2026-06-15')).toBe(7);
    expect(yearsBetween('2026-01-01', '2026-12-31')).toBe(0);
  });
});
