import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { HeadcountLine } from '../../api/types';
import { useT } from '../../app/i18n';

// Only the parts this chart draws (a third of the full ECharts bundle).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Filled vs quota vs norm for each child unit. */
export function HeadcountChart({ lines }: { lines: readonly HeadcountLine[] }) {
  const t = useT();
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 80 },
    xAxis: {
      type: 'category',
      data: lines.map((l) => l.name),
      axisLabel: { rotate: 40, interval: 0 },
    },
    yAxis: { type: 'value' },
    series: [
      { name: t('staffing.headcount.filled'), type: 'bar', data: lines.map((l) => l.filled) },
      { name: t('staffing.headcount.quota'), type: 'bar', data: lines.map((l) => l.quota) },
      { name: t('staffing.headcount.norm'), type: 'line', data: lines.map((l) => l.norm ?? null) },
    ],
  };
  return (
    <div role="img" aria-label={t('staffing.headcount.chart')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />
    </div>
  );
}
