import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../features';
import { buildDictionaries, format, readStoredLocale, shellDictionaries } from '.';

const dictionaries = buildDictionaries(features);

const locales = Object.keys(dictionaries) as (keyof typeof dictionaries)[];

describe('the dictionaries', () => {
  it('give every key to one owner: the shell or one feature', () => {
    const owners = new Map<string, string>();
    const sources = [{ name: 'shell', messages: shellDictionaries }, ...features];
    for (const source of sources) {
      for (const key of Object.keys(source.messages['zh-CN'])) {
        expect(owners.get(key), `${key} in ${source.name}`).toBeUndefined();
        owners.set(key, source.name);
      }
    }
  });

  it('word every workbench to-do and navigation item of every feature in both languages', () => {
    for (const feature of features) {
      for (const item of feature.nav) {
        expect(dictionaries['zh-CN'][item.labelKey], item.labelKey).toBeDefined();
        for (const key of item.todoKeys ?? []) expect(dictionaries['zh-CN'][key], key).toBeDefined();
      }
      for (const tab of feature.profileTabs ?? []) expect(dictionaries['zh-CN'][tab.labelKey], tab.labelKey).toBeDefined();
    }
  });

  it('have the same keys in every language', () => {
    const reference = Object.keys(dictionaries['zh-CN']).sort();
    for (const locale of locales) expect(Object.keys(dictionaries[locale]).sort()).toEqual(reference);
  });

  it('have no empty message', () => {
    for (const locale of locales) {
      for (const [key, message] of Object.entries(dictionaries[locale])) {
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, message] of Object.entries(dictionaries['zh-CN'])) {
      expect(placeholders(dictionaries.en[key] ?? ''), key).toEqual(placeholders(message));
    }
  });

  it('has no Chinese in the English dictionary except the name of the Chinese language', () => {
    for (const [key, message] of Object.entries(dictionaries.en)) {
      if (key === 'app.language.switch') continue;
      expect(message, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('components', () => {
  // Everything a person reads goes through the dictionaries: no Chinese text in a component.
  it('contain no hard-coded Chinese text', () => {
    const root = join(process.cwd(), 'src'); // vitest runs from client/
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.tsx') && !name.endsWith('.test.tsx')) {
          const code = readFileSync(path, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
          if (/\p{Script=Han}/u.test(code.replace(/（|）/g, ''))) offenders.push(path);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describe('format and the stored language', () => {
  it('fills placeholders and leaves unknown ones alone', () => {
    expect(format('共 {total} 个，{x}', { total: 3 })).toBe('共 3 个，{x}');
  });

  it('defaults to Chinese and remembers English', () => {
    expect(readStoredLocale({ getItem: () => null })).toBe('zh-CN');
    expect(readStoredLocale({ getItem: () => 'en' })).toBe('en');
    expect(readStoredLocale({ getItem: () => 'fr' })).toBe('zh-CN');
  });
});
