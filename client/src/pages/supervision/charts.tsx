// ECharts for the supervision statistics, registered piecemeal (bar and line charts, canvas) to keep the bundle small.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Where the legend and the plot go, for every chart here: the legend in one scrolling row at the top (ECharts 6 puts
 * it at the bottom, where it met rotated unit names and month labels), and a grid whose bounds contain the axis
 * labels, however long or rotated they are, so that nothing is drawn over anything else.
 */
export const CHART_FRAME = {
  legend: { type: 'scroll', top: 0, left: 'center' },
  grid: { top: 40, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
} as const;

export function Chart({
  option,
  height = 320,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
