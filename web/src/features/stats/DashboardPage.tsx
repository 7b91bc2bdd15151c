// 工作台: key indicators against targets, births by month, child areas compared, sex ratio at
// birth with its normal range and the population pyramid, for the user's choice of area and period.
import { Alert, Card, Col, Row, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { DrillModal, type DrillTarget } from './DrillModal';
import { EChart, type ChartClick } from './EChart';
import { formatValue, indicatorName } from './format';
import { StatsFilters, useStatsParams } from './StatsFilters';
import { getAssessment, getBirths, getPyramid, type AssessedTable, type Breakdown, type Pyramid } from './stats.api';
import { TargetLight } from './TargetLight';

const KEY = ['births', 'birth_rate', 'natural_growth_rate', 'sex_ratio_at_birth', 'multi_child_rate', 'policy_compliance_rate'];

export function DashboardPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useStatsParams();
  const [table, setTable] = useState<AssessedTable | null>(null);
  const [births, setBirths] = useState<Breakdown | null>(null);
  const [pyramid, setPyramid] = useState<Pyramid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    const fail = (e: Error) => { if (e.name !== 'AbortError') setError(e.message); };
    getAssessment(params, ac.signal).then((tb) => {
      setTable(tb);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const date = tb.period.to < today ? tb.period.to : today;
      return getPyramid({ area: params.area, date, basis: params.basis }, ac.signal).then(setPyramid);
    }).catch(fail);
    getBirths({ area: params.area, period: params.period, basis: params.basis }, ac.signal).then(setBirths).catch(fail);
    return () => ac.abort();
  }, [params.area, params.period, params.basis, params.annualise]);

  const top = table?.rows[0];
  const name = (code: string) => { const ind = table?.indicators.find((i) => i.code === code); return ind ? indicatorName(ind, locale) : code; };

  const targetsChart = useMemo<EChartsOption | null>(() => {
    if (!table || !top) return null;
    const rates = table.indicators.filter((i) => i.unit !== 'count' && top.assessments[i.code]?.target && top.values[i.code].value !== null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('dashboard.value'), t('dashboard.targetValue')] },
      grid: { left: 40, right: 20, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: rates.map((i) => indicatorName(i, locale)), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        { name: t('dashboard.value'), type: 'bar', data: rates.map((i) => ({ value: top.values[i.code].value, itemStyle: { color: top.assessments[i.code].target!.met ? '#52c41a' : '#f5222d' } })) },
        { name: t('dashboard.targetValue'), type: 'bar', data: rates.map((i) => top.assessments[i.code].target!.target), itemStyle: { color: '#bfbfbf' } },
      ],
    };
  }, [table, locale]);

  const monthChart = useMemo<EChartsOption | null>(() => births && {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('dashboard.births'), t('dashboard.deaths')] },
    grid: { left: 40, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: births.byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('dashboard.births'), type: 'bar', data: births.byMonth.map((m) => m.births), itemStyle: { color: '#1a56a8' } },
      { name: t('dashboard.deaths'), type: 'line', data: births.byMonth.map((m) => m.deaths), itemStyle: { color: '#8c8c8c' } },
    ],
  }, [births, locale]);

  const childrenChart = useMemo<EChartsOption | null>(() => {
    if (!table || table.rows.length < 2) return null;
    const rows = table.rows.slice(1);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [name('birth_rate'), name('death_rate')] },
      grid: { left: 40, right: 20, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: '‰' },
      series: [
        { name: name('birth_rate'), type: 'bar', data: rows.map((r) => r.values.birth_rate?.value ?? null) },
        { name: name('death_rate'), type: 'bar', data: rows.map((r) => r.values.death_rate?.value ?? null) },
      ],
    };
  }, [table, locale]);

  const sexRatioChart = useMemo<EChartsOption | null>(() => {
    if (!table || !top?.values.sex_ratio_at_birth) return null;
    const range = top.values.sex_ratio_at_birth.normalRange ?? [103, 107];
    const rows = table.rows.filter((r) => r.values.sex_ratio_at_birth?.value !== null);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.floor(Math.min(v.min, range[0]) - 5), max: (v: { max: number }) => Math.ceil(Math.max(v.max, range[1]) + 5) },
      series: [{
        type: 'bar', name: name('sex_ratio_at_birth'),
        data: rows.map((r) => { const v = r.values.sex_ratio_at_birth.value!; return { value: v, itemStyle: { color: v >= range[0] && v <= range[1] ? '#52c41a' : '#fa8c16' } }; }),
        markArea: { silent: true, itemStyle: { color: 'rgba(82,196,26,0.12)' }, label: { show: true, position: 'insideTopRight', formatter: t('dashboard.normalRange', { lo: range[0], hi: range[1] }) }, data: [[{ yAxis: range[0] }, { yAxis: range[1] }]] },
      }],
    };
  }, [table, locale]);

  const pyramidChart = useMemo<EChartsOption | null>(() => pyramid && {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => String(Math.abs(Number(v))) },
    legend: { top: 0, data: [t('dashboard.male'), t('dashboard.female')] },
    grid: { left: 60, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
    yAxis: { type: 'category', data: pyramid.bands.map((b) => b.band), axisTick: { show: false } },
    series: [
      { name: t('dashboard.male'), type: 'bar', stack: 'p', data: pyramid.bands.map((b) => -b.male), itemStyle: { color: '#1a56a8' } },
      { name: t('dashboard.female'), type: 'bar', stack: 'p', data: pyramid.bands.map((b) => b.female), itemStyle: { color: '#d4380d' } },
    ],
  }, [pyramid, locale]);

  // A bar of the pyramid opens the persons of that sex and age band on the pyramid's day.
  const openBar = ({ seriesIndex, dataIndex }: ChartClick) => {
    if (!pyramid || !table) return;
    const sex = seriesIndex === 0 ? 'M' : 'F';
    setDrill({
      area: params.area, areaName: table.rows[0].name, period: `${pyramid.date}..${pyramid.date}`, periodLabel: pyramid.date, basis: params.basis,
      measure: 'population_end', measureName: `${pyramid.bands[dataIndex].band} ${t(sex === 'M' ? 'dashboard.male' : 'dashboard.female')}`, sex, band: dataIndex,
    });
  };

  return (
    <>
      <PageHeader title={t('dashboard.title')} testId="dashboard-title" />
      <StatsFilters params={params} onChange={setParams} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {table && top && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard-cards">
          {KEY.map((code) => {
            const ind = table.indicators.find((i) => i.code === code);
            if (!ind) return null;
            const a = top.assessments[code];
            return (
              <Col key={code} xs={12} md={8} xl={4}>
                <Card size="small" title={indicatorName(ind, locale)}>
                  <Typography.Title level={3} style={{ margin: 0 }} className="num" data-testid={`card-${code}`}>{formatValue(top.values[code], ind, t)}</Typography.Title>
                  <TargetLight a={a?.target ?? null} phrase={a?.phrase} />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><Card title={t('dashboard.keyIndicators')}>{targetsChart && <EChart option={targetsChart} testId="chart-targets" />}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dashboard.birthsByMonth')}>{monthChart && <EChart option={monthChart} testId="chart-months" />}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dashboard.children')}>{childrenChart && <EChart option={childrenChart} testId="chart-children" />}</Card></Col>
        <Col xs={24} xl={12}><Card title={t('dashboard.sexRatio')}>{sexRatioChart && <EChart option={sexRatioChart} testId="chart-sex-ratio" />}</Card></Col>
        <Col xs={24}><Card title={t('dashboard.pyramid', { date: pyramid?.date ?? '' })}>{pyramidChart && <EChart option={pyramidChart} height={420} testId="chart-pyramid" onClick={openBar} />}</Card></Col>
      </Row>
      <DrillModal target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
