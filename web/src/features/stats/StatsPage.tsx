// 统计分析: every indicator of an area and its children for a period, with numerators,
// denominators, targets and downloads; counts open the records behind them.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { DrillModal, type DrillTarget } from './DrillModal';
import { formatCount, formatValue, indicatorName } from './format';
import { StatsFilters, useStatsParams } from './StatsFilters';
import { downloadUrl, getAssessment, type AssessedRow, type AssessedTable, type IndicatorInfo } from './stats.api';
import { TargetLight } from './TargetLight';

/** Indicators whose count opens records: the measure behind the value or the numerator. */
const DRILL: Record<string, { value?: string; numerator?: string }> = {
  population_end: { value: 'population_end' }, births: { value: 'births' }, deaths: { value: 'deaths' },
  birth_rate: { numerator: 'births' }, death_rate: { numerator: 'deaths' },
  multi_child_rate: { numerator: 'births_parity_3plus' }, policy_compliance_rate: { numerator: 'births_compliant' },
  sex_ratio_at_birth: { numerator: 'births_male' },
};
const CHILD_COLUMNS = ['population_end', 'births', 'deaths', 'birth_rate', 'natural_growth_rate', 'sex_ratio_at_birth', 'multi_child_rate'];

export function StatsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useStatsParams();
  const [data, setData] = useState<AssessedTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    setError(null);
    getAssessment(params, ac.signal).then(setData).catch((e: Error) => { if (e.name !== 'AbortError') setError(e.message); }).finally(() => setLoading(false));
    return () => ac.abort();
  }, [params.area, params.period, params.basis, params.annualise]);

  const open = (row: AssessedRow, measure: string, ind: IndicatorInfo) =>
    data && setDrill({ area: row.area, areaName: row.name, period: data.period.code, periodLabel: data.period.label, basis: data.basis, measure, measureName: indicatorName(ind, locale) });

  const clickable = (n: number | null, onClick: () => void, testId: string) =>
    n !== null && n > 0 ? <a onClick={onClick} className="num" data-testid={testId}>{formatCount(n)}</a> : <span className="num">{formatCount(n)}</span>;

  const top = data?.rows[0];
  const meta = data && t('stats.meta', {
    period: data.period.label, from: data.period.from, to: data.period.to, days: data.period.days,
    basis: t(`stats.basis.${data.basis}`), annualised: data.annualised ? t('stats.annualised') : t('stats.notAnnualised'),
  });

  const childIndicators = useMemo(() => (data ? CHILD_COLUMNS.map((c) => data.indicators.find((i) => i.code === c)!).filter(Boolean) : []), [data]);

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        testId="stats-title"
        extra={data && (
          <>
            <Button icon={<DownloadOutlined />} href={downloadUrl('table.xlsx', params)} data-testid="download-xlsx">{t('stats.download.xlsx')}</Button>
            <Button icon={<DownloadOutlined />} href={downloadUrl('summary.docx', params)} data-testid="download-docx">{t('stats.download.docx')}</Button>
          </>
        )}
      />
      <StatsFilters params={params} onChange={setParams} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {data && <Typography.Paragraph type="secondary" data-testid="stats-meta">{data.area.name} · {meta}</Typography.Paragraph>}
      <Card style={{ marginBottom: 16 }}>
        <Table
          data-testid="stats-table"
          rowKey="code"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data?.indicators ?? []}
          columns={[
            { title: t('stats.indicator'), render: (_: unknown, ind: IndicatorInfo) => indicatorName(ind, locale) },
            {
              title: t('stats.value'), align: 'right', render: (_: unknown, ind: IndicatorInfo) => {
                const v = top?.values[ind.code];
                const d = DRILL[ind.code]?.value;
                return d && top && v ? clickable(v.value, () => open(top, d, ind), `drill-${ind.code}`) : <span className="num" data-testid={`value-${ind.code}`}>{formatValue(v, ind, t)}</span>;
              },
            },
            {
              title: t('stats.numerator'), align: 'right', render: (_: unknown, ind: IndicatorInfo) => {
                const v = top?.values[ind.code];
                const d = DRILL[ind.code]?.numerator;
                if (!v || ind.unit === 'count') return '';
                return d && top ? clickable(v.numerator, () => open(top, d, ind), `drill-num-${ind.code}`) : <span className="num">{formatCount(v.numerator)}</span>;
              },
            },
            { title: t('stats.denominator'), align: 'right', render: (_: unknown, ind: IndicatorInfo) => (ind.unit === 'count' ? '' : <span className="num">{formatCount(top?.values[ind.code]?.denominator ?? null)}</span>) },
            { title: t('stats.target'), render: (_: unknown, ind: IndicatorInfo) => { const a = top?.assessments[ind.code]; return a?.target ? <span className="num">{a.target.target}</span> : '—'; } },
            { title: t('stats.gap'), render: (_: unknown, ind: IndicatorInfo) => { const a = top?.assessments[ind.code]; return <TargetLight a={a?.target ?? null} phrase={a?.phrase} />; } },
          ]}
        />
      </Card>
      {data && data.rows.length > 1 && (
        <Card title={t('stats.children')}>
          <Table<AssessedRow>
            data-testid="stats-children"
            rowKey="area"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            dataSource={data.rows.slice(1)}
            columns={[
              { title: t('stats.area'), dataIndex: 'name', fixed: 'left' },
              ...childIndicators.map((ind) => ({
                title: indicatorName(ind, locale),
                align: 'right' as const,
                render: (_: unknown, row: AssessedRow) => {
                  const v = row.values[ind.code];
                  const rank = row.assessments[ind.code]?.rank;
                  const d = DRILL[ind.code]?.value;
                  const shown = d ? clickable(v.value, () => open(row, d, ind), `drill-${ind.code}-${row.area}`) : <span className="num">{formatValue(v, ind, t)}</span>;
                  return (
                    <span title={v.denominator !== null ? `${formatCount(v.numerator)} / ${formatCount(v.denominator)}` : undefined}>
                      {shown}
                      {rank && (ind.unit === 'percent' || ind.unit === 'permille') ? <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>#{rank}</Typography.Text> : null}
                    </span>
                  );
                },
              })),
            ]}
          />
        </Card>
      )}
      <DrillModal target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
