import { Card, Segmented, Spin, Table } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n';
import type { Series } from './charts';

const Chart = lazy(() => import('./charts'));

export interface TableRow {
  key: string;
  label: string;
  values: readonly (number | string)[];
}

/** A chart with its table view (the same numbers), switchable; ECharts is loaded only when a chart is shown. */
export function ChartCard({ title, categories, series, horizontal, absolute, extra, children, height }: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  horizontal?: boolean;
  absolute?: boolean;
  extra?: ReactNode;
  children?: ReactNode;
  height?: number;
}) {
  const t = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const rows: TableRow[] = categories.map((c, i) => ({ key: c, label: c, values: series.map((s) => (absolute ? Math.abs(s.data[i] ?? 0) : s.data[i] ?? 0)) }));
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Segmented
          size="small"
          aria-label={t('insights.view.label', { title })}
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
          options={[{ value: 'chart', label: t('insights.view.chart') }, { value: 'table', label: t('insights.view.table') }]}
        />
      }
    >
      {extra}
      {view === 'chart' ? (
        <Suspense fallback={<Spin />}>
          <Chart categories={categories} series={series} label={title} horizontal={horizontal} absolute={absolute} height={height} />
        </Suspense>
      ) : (
        <Table<TableRow>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          aria-label={title}
          columns={[
            { title: t('insights.category'), dataIndex: 'label' },
            ...series.map((s, i) => ({ title: s.name, key: s.name, render: (_: unknown, r: TableRow) => r.values[i] })),
          ]}
        />
      )}
      {children}
    </Card>
  );
}
