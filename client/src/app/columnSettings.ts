/** Where a user's hidden columns of one table are remembered (per account, per table). */
export function columnsStorageKey(userId: string, table: string): string {
  return `cw.columns.${userId}.${table}`;
}

/** The hidden column keys remembered for a table; nothing (all shown) when none or unreadable. */
export function readHiddenColumns(storage: Pick<Storage, 'getItem'>, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    // Someone else's or an old format: show every column.
    return [];
  }
}

export function writeHiddenColumns(storage: Pick<Storage, 'setItem' | 'removeItem'>, key: string, hidden: readonly string[]): void {
  if (hidden.length === 0) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(hidden));
}

/** The columns without the hidden ones; a column that must stay (`fixedKeys`, e.g. the name) is never hidden. */
export function visibleColumns<C extends { key?: string | number | bigint }>(
  columns: readonly C[],
  hidden: readonly string[],
  fixedKeys: readonly string[] = [],
): C[] {
  return columns.filter((c) => {
    const key = c.key === undefined ? undefined : String(c.key);
    return key === undefined || fixedKeys.includes(key) || !hidden.includes(key);
  });
}
