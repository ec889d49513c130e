import { describe, expect, it } from 'vitest';
import { competencyEn } from './i18n.en';
import { competencyZhCN } from './i18n.zh-CN';
import { postTypeKey, statusKey, weightSum } from './labels';

describe('competency labels', () => {
  it('adds up profile weights, counting missing ones as 0', () => {
    expect(weightSum([{ weight: 40 }, { weight: 60 }])).toBe(100);
    expect(weightSum([{ weight: 40 }, { weight: null }, {}])).toBe(40);
  });

  it('has a label for every status and post type', () => {
    for (const status of ['draft', 'published', 'retired', 'open', 'closed', 'finalised']) {
      expect(competencyZhCN[statusKey(status)]).toBeTruthy();
    }
    expect(competencyZhCN[postTypeKey('deputy')]).toBe('副职');
  });

  it('words every message in both languages', () => {
    expect(Object.keys(competencyEn).sort()).toEqual(Object.keys(competencyZhCN).sort());
    for (const [key, value] of Object.entries(competencyEn)) {
      expect(value, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
