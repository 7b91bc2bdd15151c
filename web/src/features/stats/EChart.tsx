// One ECharts chart, sized to its box, redrawn when the option changes.
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export function EChart({ option, height = 300, testId }: { option: echarts.EChartsOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    chart.current = echarts.init(box.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.current?.dispose(); chart.current = null; };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} data-chart-ready="true" />;
}
