import zhCN from 'antd/locale/zh_CN';
import { describe, expect, it } from 'vitest';
import { accessibleLocale, antdLocales } from './antdLocales';

describe('the Ant Design locales the app uses', () => {
  it('name the picker header buttons by the year and month they show', () => {
    for (const locale of Object.values(antdLocales)) {
      for (const lang of [locale.DatePicker!.lang, locale.Calendar!.lang]) {
        expect(lang).not.toHaveProperty('yearSelect');
        expect(lang).not.toHaveProperty('monthSelect');
        expect(lang).not.toHaveProperty('decadeSelect');
      }
    }
  });

  it('are the locales themselves, whichever way the bundler hands the CommonJS module over', () => {
    expect(antdLocales['zh-CN'].locale).toBe('zh-cn');
    expect(antdLocales['zh-CN'].DatePicker!.lang.today).toBe('今天');
    expect(antdLocales['en-US'].DatePicker!.lang.today).toBe('Today');
    expect(antdLocales['zh-CN']).not.toHaveProperty('default');
  });

  it('keep every other text of the locale', () => {
    const locale = accessibleLocale(zhCN);
    expect(locale.DatePicker!.lang.today).toBe('今天');
    expect(locale.DatePicker!.lang.placeholder).toBe(zhCN.DatePicker!.lang.placeholder);
    expect(locale.Pagination).toBe(zhCN.Pagination);
    expect(zhCN.DatePicker!.lang.yearSelect).toBe('选择年份'); // antd's own object is left as it was
  });
});
