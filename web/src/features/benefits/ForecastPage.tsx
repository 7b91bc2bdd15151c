// 经费测算: next year's cost of a programme by funding source and township under the rules in
// force, and under a what-if value of one parameter (nothing is saved).
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Statistic, Table } from 'antd';
import { useCallback, useState } from 'react';
import { useUser } from '../../app/auth';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { benefitsApi, insightApi, PROGRAMME_CODES, yuan, type Forecast, type ForecastTotals, type ProgrammeCode } from './benefits.api';
import { useTitle } from './labels';

function Totals({ label, x }: { label: string; x: ForecastTotals }) {
  const { t } = useI18n();
  return (
    <Card title={label} data-testid="forecast-totals">
      <Row gutter={16}>
        <Col span={8}><Statistic title={t('benefits.persons')} value={x.persons} /></Col>
        <Col span={16}><Statistic title={t('benefits.due')} value={yuan(x.amountFen)} /></Col>
      </Row>
      <Table size="small" pagination={false} rowKey="s" style={{ marginTop: 12 }} dataSource={Object.entries(x.byFunding).map(([s, f]) => ({ s, f }))} columns={[
        { title: t('benefits.jurisdiction'), dataIndex: 's', render: (s: 'central' | 'provincial' | 'city' | 'county') => t(`benefits.source.${s}`) },
        { title: t('benefits.due'), dataIndex: 'f', render: (f: number) => yuan(f) },
      ]} />
      <Table size="small" pagination={false} rowKey="areaCode" style={{ marginTop: 12 }} dataSource={x.byTownship} columns={[
        { title: t('benefits.township'), dataIndex: 'areaName' },
        { title: t('benefits.persons'), dataIndex: 'persons' },
        { title: t('benefits.due'), dataIndex: 'amountFen', render: (f: number) => yuan(f) },
      ]} />
    </Card>
  );
}

export function ForecastPage() {
  const { t } = useI18n();
  const user = useUser();
  const report = useProblem();
  const title = useTitle();
  const { items: programmes } = useList(useCallback(() => benefitsApi.programmes(), []));
  const [programme, setProgramme] = useState<ProgrammeCode>('specialAid');
  const [result, setResult] = useState<Forecast | null>(null);
  const [loading, setLoading] = useState(false);
  const params = programmes.find((p) => p.code === programme)?.parameters ?? [];
  const submit = async (v: { area: string; year: number; parameter?: string; jurisdiction?: string; value?: number }) => {
    setLoading(true);
    try { setResult(await insightApi.forecast({ programme, ...v, ...(v.parameter && v.value !== undefined && v.value !== null ? {} : { parameter: undefined, jurisdiction: undefined, value: undefined }) })); } catch (e) { report(e); } finally { setLoading(false); }
  };
  return (
    <>
      <PageHeader title={t('benefits.forecast')} subTitle={t('benefits.forecastSub')} testId="forecast-title" />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={submit} initialValues={{ area: user.areaCode.slice(0, 6), year: new Date().getFullYear() + 1, jurisdiction: 'CN' }}>
          <Form.Item label={t('benefits.programme')}>
            <Select style={{ width: 240 }} value={programme} onChange={setProgramme} options={PROGRAMME_CODES.map((c) => ({ value: c, label: title(programmes.find((p) => p.code === c), c) }))} />
          </Form.Item>
          <Form.Item name="area" label={t('benefits.area')} rules={[{ required: true, pattern: /^\d{4}(\d{2})?$/ }]}><Input style={{ width: 100 }} /></Form.Item>
          <Form.Item name="year" label={t('benefits.year')} rules={[{ required: true }]}><InputNumber min={2004} max={2100} /></Form.Item>
          <Form.Item name="parameter" label={t('benefits.whatIf')}><Select allowClear style={{ width: 240 }} options={params.map((p) => ({ value: p.name, label: p.name }))} /></Form.Item>
          <Form.Item name="jurisdiction"><Input style={{ width: 80 }} /></Form.Item>
          <Form.Item name="value"><InputNumber placeholder={t('benefits.value')} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="forecast-run">{t('benefits.forecastRun')}</Button>
        </Form>
      </Card>
      {result && (
        <Row gutter={16}>
          <Col span={result.scenario ? 12 : 24}><Totals label={t('benefits.currentRules')} x={result.base} /></Col>
          {result.scenario && <Col span={12}><Totals label={`${t('benefits.whatIf')}（${result.deltaFen! >= 0 ? '+' : ''}${yuan(result.deltaFen!)}）`} x={result.scenario} /></Col>}
        </Row>
      )}
    </>
  );
}
