import { describe, expect, it } from 'vitest';
import { columnsStorageKey, readHiddenColumns, visibleColumns, writeHiddenColumns } from './columnSettings';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe('column settings', () => {
  const columns = [{ key: 'staffNo' }, { key: 'name' }, { key: 'gender' }, { key: 'education' }];

  it('remembers hidden columns per user and table, and forgets them when all are shown again', () => {
    const storage = memoryStorage();
    const key = columnsStorageKey('u1', 'roster');
    expect(key).not.toBe(columnsStorageKey('u2', 'roster'));
    writeHiddenColumns(storage, key, ['gender', 'education']);
    expect(readHiddenColumns(storage, key)).toEqual(['gender', 'education']);
    expect(readHiddenColumns(storage, columnsStorageKey('u2', 'roster'))).toEqual([]);
    writeHiddenColumns(storage, key, []);
    expect(storage.items.size).toBe(0);
  });

  it('shows every column when what is stored cannot be read', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readHiddenColumns(storage, 'k')).toEqual([]);
    storage.setItem('k', '{"a":1}');
    expect(readHiddenColumns(storage, 'k')).toEqual([]);
  });

  it('leaves out hidden columns but never a fixed one', () => {
    expect(visibleColumns(columns, ['gender', 'name'], ['name']).map((c) => c.key)).toEqual(['staffNo', 'name', 'education']);
  });
});
