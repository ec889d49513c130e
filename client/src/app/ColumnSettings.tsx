import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useCurrentUser } from './auth/RequireAuth';
import { columnsStorageKey, readHiddenColumns, visibleColumns, writeHiddenColumns } from './columnSettings';
import { useT } from './i18n';

interface SettableColumn {
  key?: string | number | bigint;
  title?: ReactNode | ((props: never) => ReactNode);
}

/**
 * Column settings (列设置) of a table, remembered per user in localStorage: returns the visible columns and the
 * button that opens the checklist. `fixedKeys` stay shown (the name that opens a record).
 */
export function useColumnSettings<C extends SettableColumn>(table: string, columns: readonly C[], fixedKeys: readonly string[] = []) {
  const t = useT();
  const { me } = useCurrentUser();
  const storageKey = columnsStorageKey(me.id, table);
  const [hidden, setHidden] = useState<string[]>(() => readHiddenColumns(localStorage, storageKey));
  const change = useCallback(
    (next: string[]) => {
      setHidden(next);
      writeHiddenColumns(localStorage, storageKey, next);
    },
    [storageKey],
  );
  const choices = columns.filter((c) => c.key !== undefined && !fixedKeys.includes(String(c.key)));
  const button = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('common.columns')}
      content={
        <Space orientation="vertical" size={4}>
          {choices.map((c) => {
            const key = String(c.key);
            return (
              <Checkbox
                key={key}
                checked={!hidden.includes(key)}
                onChange={(e) => change(e.target.checked ? hidden.filter((k) => k !== key) : [...hidden, key])}
              >
                {typeof c.title === 'function' ? key : c.title}
              </Checkbox>
            );
          })}
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => change([])}>
            {t('common.columnsReset')}
          </Button>
        </Space>
      }
    >
      <Button icon={<SettingOutlined />}>{t('common.columns')}</Button>
    </Popover>
  );
  return { columns: visibleColumns(columns, hidden, fixedKeys), button };
}
