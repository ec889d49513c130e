import { useCallback, useMemo, useState } from 'react';
import { useT } from './i18n';

export interface PageState {
  page: number;
  pageSize: number;
  sort?: string;
}

/**
 * The paging of a list page: the `page`/`pageSize`/`sort` to send with the query, antd pagination props for a total
 * (with 共 N 条), `firstPage()` for when a filter changes, and `setSort` for a column sorter.
 */
export function usePagedTable(initial: { pageSize?: number; sort?: string } = {}) {
  const t = useT();
  const [state, setState] = useState<PageState>({ page: 1, pageSize: initial.pageSize ?? 20, sort: initial.sort });
  const firstPage = useCallback(() => setState((s) => ({ ...s, page: 1 })), []);
  const setSort = useCallback((sort: string | undefined) => setState((s) => ({ ...s, sort, page: 1 })), []);
  const pagination = useCallback(
    (total: number | undefined) => ({
      current: state.page,
      pageSize: state.pageSize,
      total: total ?? 0,
      showTotal: (n: number) => t('common.total', { total: n }),
      onChange: (page: number, pageSize: number) => setState((s) => ({ ...s, page, pageSize })),
    }),
    [state.page, state.pageSize, t],
  );
  const query = useMemo(
    () => ({ page: state.page, pageSize: state.pageSize, ...(state.sort ? { sort: state.sort } : {}) }),
    [state],
  );
  return { query, pagination, firstPage, setSort };
}
