/** One ECharts chart in a div: created once, given each new option whole, resized with its box, disposed on unmount. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';

// Only what the dashboards draw, so the chunk stays small.
echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | MapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface ChartClick {
  name: string;
  seriesType?: string;
}

/** Boundaries for map series, registered once per region code. */
export function registerRegionMap(code: string, geoJson: object): void {
  if (!echarts.getMap(code)) echarts.registerMap(code, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

export function EChart({
  option,
  height,
  onClick,
  testId,
  label,
}: {
  option: ChartOption;
  height: number;
  onClick?: (event: ChartClick) => void;
  testId?: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(box.current!);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (params: unknown) => onClick(params as ChartClick);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', minWidth: 0, height, overflow: 'hidden' }} />;
}
