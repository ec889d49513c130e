import { describe, expect, it } from 'vitest';
import type { OrgUnitNode } from '../../api/types';
import { pathNames } from './orgRules';

const node = (code: string, name: string, children: OrgUnitNode[] = []): OrgUnitNode => ({
  id: code,
  code,
  name,
  level: 'street',
  status: 'active',
  children,
});

describe('an org path as names', () => {
  const jingan = node('310106', '静安区', [node('310106021', '临汾路街道', [node('310106021001', '汾西路居民委员会')])]);

  it('names every unit of the path the tree holds, top down', () => {
    expect(pathNames([node('310000', '上海市', [jingan])], '/310000/310106/310106021/310106021001/')).toBe(
      '上海市 / 静安区 / 临汾路街道 / 汾西路居民委员会',
    );
  });

  it('leaves out the units above the caller’s scope instead of showing their codes', () => {
    expect(pathNames([jingan], '/310000/310106/310106021/310106021001/')).toBe('静安区 / 临汾路街道 / 汾西路居民委员会');
  });
});
