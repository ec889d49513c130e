import { describe, expect, it } from 'vitest';
import { outputNames } from './output-names';

describe('output names for static web assets', () => {
  it('lower-cases names and numbers repeats, so nothing differs only by case', () => {
    const names = outputNames();
    const files = [
      names.chunk({ name: 'Input', facadeModuleId: '/a/Input.tsx' }),
      names.chunk({ name: 'input', facadeModuleId: '/b/input.ts' }),
      names.chunk({ name: 'index' }),
      names.chunk({ name: 'index' }),
    ];
    expect(files).toEqual([
      'assets/input-[hash:8].js',
      'assets/input_2-[hash:8].js',
      'assets/index-[hash:8].js',
      'assets/index_2-[hash:8].js',
    ]);
  });

  it('gives a chunk asked for twice the same name', () => {
    const names = outputNames();
    const first = names.chunk({ name: 'RosterPage', facadeModuleId: '/src/RosterPage.tsx' });
    expect(names.chunk({ name: 'RosterPage', facadeModuleId: '/src/RosterPage.tsx' })).toBe(first);
  });

  it('names assets by their stem and extension, the same asset asked twice alike', () => {
    const names = outputNames();
    expect(names.asset({ names: ['Theme.CSS'], originalFileNames: ['src/Theme.tsx'] })).toBe('assets/theme-[hash:8].css');
    expect(names.asset({ names: ['theme.css'], originalFileNames: ['src/theme.ts'] })).toBe('assets/theme_2-[hash:8].css');
    expect(names.asset({ names: ['Theme.CSS'], originalFileNames: ['src/Theme.tsx'] })).toBe('assets/theme-[hash:8].css');
  });

  it('finds files that differ only by hash or case', () => {
    const names = outputNames();
    expect(names.findClash(['assets/input-AbCd1234.js', 'assets/Input-zzzz_-99.js'])).toEqual([
      'assets/input-AbCd1234.js',
      'assets/Input-zzzz_-99.js',
    ]);
    expect(names.findClash(['assets/input-AbCd1234.js', 'assets/input_2-AbCd1234.js', 'index.html'])).toBeUndefined();
  });
});
