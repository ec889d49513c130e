import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  data: readonly number[];
  type?: 'bar' | 'line';
  stack?: string;
  color?: string;
}

/**
 * A bar (or bar and line) chart over categories; `horizontal` lays the categories on the y axis (the age pyramid,
 * with one side's values negative). Loaded only by the pages that draw charts (this module is imported lazily).
 */
export default function Chart({ categories, series, label, horizontal = false, height = 280, absolute = false }: {
  categories: readonly string[];
  series: readonly Series[];
  label: string;
  horizontal?: boolean;
  height?: number;
  /** Show axis values and tooltips without their sign (the pyramid's left side). */
  absolute?: boolean;
}) {
  const format = (v: number) => String(absolute ? Math.abs(v) : v);
  const category = { type: 'category', data: categories, axisLabel: { interval: 0 } };
  const value = { type: 'value', axisLabel: { formatter: format } };
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { bottom: 0 },
    grid: { left: horizontal ? 64 : 40, right: 16, top: 16, bottom: 48 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({ name: s.name, type: s.type ?? 'bar', data: s.data, stack: s.stack, itemStyle: s.color ? { color: s.color } : undefined })),
  };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
    </div>
  );
}
