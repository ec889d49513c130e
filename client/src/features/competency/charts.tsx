import { HeatmapChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';

echarts.use([RadarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface RadarItem {
  name: string;
  required: number;
  assessed: number;
}

/** Required vs assessed level per competency (levels 1–5). */
export function CompetencyRadar({ items, label, requiredLabel, assessedLabel }: {
  items: readonly RadarItem[];
  label: string;
  requiredLabel: string;
  assessedLabel: string;
}) {
  const option = {
    animation: false,
    tooltip: {},
    legend: { bottom: 0, data: [requiredLabel, assessedLabel] },
    radar: { indicator: items.map((i) => ({ name: i.name, max: 5 })), radius: '62%' },
    series: [
      {
        type: 'radar',
        data: [
          { name: requiredLabel, value: items.map((i) => i.required), areaStyle: { opacity: 0.1 } },
          { name: assessedLabel, value: items.map((i) => i.assessed), areaStyle: { opacity: 0.25 } },
        ],
      },
    ],
  };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 380 }} notMerge />
    </div>
  );
}

/** Units (rows) × competencies (columns), the average gap in each cell; clicking a row's cell calls onPick. */
export function GapHeatMap({ units, competencies, cells, label, onPick }: {
  units: readonly string[];
  competencies: readonly string[];
  cells: readonly [number, number, number][];
  label: string;
  onPick: (unitIndex: number) => void;
}) {
  const max = Math.max(1, ...cells.map((c) => c[2]));
  const option = {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 120, right: 16, top: 8, bottom: 120 },
    xAxis: { type: 'category', data: competencies, axisLabel: { rotate: 50, interval: 0 } },
    yAxis: { type: 'category', data: units },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f6ffed', '#fadb14', '#f5222d'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: true } }],
  };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: Math.max(260, units.length * 36 + 160) }}
        notMerge
        onEvents={{ click: (params: { value?: unknown }) => {
          const value = params.value;
          if (Array.isArray(value) && typeof value[1] === 'number') onPick(value[1]);
        } }}
      />
    </div>
  );
}
