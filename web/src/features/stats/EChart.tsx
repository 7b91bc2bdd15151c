// One ECharts chart, sized to its box, redrawn when the option changes.
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export interface ChartClick { seriesIndex: number; dataIndex: number }

export function EChart({ option, height = 300, testId, onClick }: { option: echarts.EChartsOption; height?: number; testId?: string; onClick?: (p: ChartClick) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!box.current) return;
    chart.current = echarts.init(box.current);
    chart.current.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }));
    // The instance on its element: end-to-end tests find where a bar is drawn (convertToPixel).
    (box.current as HTMLDivElement & { chart?: echarts.ECharts }).chart = chart.current;
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.current?.dispose(); chart.current = null; };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} data-chart-ready="true" />;
}
