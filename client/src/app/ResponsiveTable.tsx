import { Card, Checkbox, Descriptions, Grid, List, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { isValidElement, type ReactNode } from 'react';

/** A column the card view can show: antd's column with a plain title (groups are not supported here). */
export type CardColumn<T> = ColumnType<T> & {
  /** The card's heading (e.g. the name); by default the first column is. */
  cardTitle?: boolean;
  /** Shown under the card's fields as its actions row (同意 / 驳回) instead of as a field. */
  cardActions?: boolean;
  /** Left out of the card view. */
  cardHidden?: boolean;
};

export interface ResponsiveTableProps<T extends object> extends Omit<TableProps<T>, 'columns' | 'rowKey'> {
  columns: CardColumn<T>[];
  rowKey: keyof T & string;
  'aria-label'?: string;
  /** Below this width (antd breakpoint) rows become cards; default md (768 px). */
  cardsBelow?: 'md' | 'lg';
  /** With `rowSelection`: the accessible name of a card's checkbox (选择 罗丽华). */
  selectLabel?: (record: T) => string;
}

function cell<T extends object>(column: CardColumn<T>, record: T, index: number): ReactNode {
  const field = column.dataIndex;
  const value: unknown = typeof field === 'string' || typeof field === 'number' ? Reflect.get(record, field) : undefined;
  if (column.render) {
    const rendered = column.render(value, record, index);
    return isRenderedCell(rendered) ? rendered.children : rendered;
  }
  return value === null || value === undefined ? '—' : String(value);
}

type Rendered<T> = ReturnType<NonNullable<ColumnType<T>['render']>>;

/** antd lets a render return `{ children, props }` (cell spans); the card view takes the children. */
function isRenderedCell<T>(x: Rendered<T>): x is Exclude<Rendered<T>, ReactNode> {
  return typeof x === 'object' && x !== null && !isValidElement(x) && !(Symbol.iterator in x) && !(x instanceof Promise);
}

function titleText<T>(column: CardColumn<T>): ReactNode {
  return typeof column.title === 'function' ? null : column.title;
}

/**
 * An antd Table on wide screens and a list of cards on narrow ones (a phone at 390 px): each row's fields as label and
 * value, its actions always visible. Pages pass antd columns, marking the title and actions columns.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const { columns, rowKey, cardsBelow = 'md', dataSource, loading, pagination, locale, selectLabel, ...rest } = props;
  const screens = Grid.useBreakpoint();
  const narrow = screens[cardsBelow] !== true;
  if (!narrow) {
    return (
      <Table<T>
        {...rest}
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        pagination={pagination}
        locale={locale}
      />
    );
  }
  const visible = columns.filter((c) => !c.cardHidden);
  const heading = visible.find((c) => c.cardTitle) ?? visible.find((c) => !c.cardActions);
  const fields = visible.filter((c) => c !== heading && !c.cardActions);
  const actions = visible.filter((c) => c.cardActions);
  return (
    <section aria-label={rest['aria-label']}>
    <List<T>
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={[...(dataSource ?? [])]}
      locale={{ emptyText: typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText }}
      pagination={
        pagination === false || pagination === undefined
          ? false
          : {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              showTotal: pagination.showTotal,
              size: 'small',
              simple: true,
            }
      }
      renderItem={(record, index) => {
        const key: unknown = Reflect.get(record, rowKey);
        const selection = rest.rowSelection;
        const rowId = typeof key === 'string' || typeof key === 'number' ? key : index;
        // On a card the row selection is a checkbox in the card's corner, named after the record.
        const select = selection ? (
          <Checkbox
            aria-label={selectLabel?.(record) ?? String(rowId)}
            disabled={selection.getCheckboxProps?.(record)?.disabled}
            checked={(selection.selectedRowKeys ?? []).includes(rowId)}
            onChange={(e) => {
              const keys = (selection.selectedRowKeys ?? []).filter((k) => k !== rowId);
              const next = e.target.checked ? [...keys, rowId] : keys;
              const rows = (dataSource ?? []).filter((r) => {
                const k: unknown = Reflect.get(r, rowKey);
                return (typeof k === 'string' || typeof k === 'number') && next.includes(k);
              });
              selection.onChange?.(next, [...rows], { type: 'single' });
            }}
          />
        ) : undefined;
        return (
          <List.Item key={rowId} style={{ padding: '6px 0' }}>
            <Card size="small" style={{ width: '100%' }} title={heading ? cell(heading, record, index) : undefined} extra={select}>
              <Descriptions
                size="small"
                column={1}
                items={fields.map((c, i) => ({
                  key: String(c.key ?? c.dataIndex ?? i),
                  label: titleText(c),
                  children: cell(c, record, index),
                }))}
              />
              {actions.map((c, i) => (
                <div key={String(c.key ?? i)} style={{ marginTop: 8 }}>
                  {cell(c, record, index)}
                </div>
              ))}
            </Card>
          </List.Item>
        );
      }}
    />
    </section>
  );
}

/** Spread into a column whose values must not break mid-number (staff numbers, dates, codes). */
export const noWrap = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
