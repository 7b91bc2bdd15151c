// 扶助项目与标准: each programme with its schemes, dated parameter values per jurisdiction
// (a timeline with references) and funding shares.
import { Card, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n';
import { useList } from '../../app/useList';
import { benefitsApi, type Programme, type TimelineValue } from './benefits.api';
import { formatValue, useTitle } from './labels';

function Timeline({ values }: { values: TimelineValue[] }) {
  const { t } = useI18n();
  return (
    <Table<TimelineValue> size="small" pagination={false} rowKey="from" dataSource={values}
      columns={[
        { title: t('benefits.from'), dataIndex: 'from', width: 110 },
        { title: t('benefits.to'), dataIndex: 'to', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('benefits.value'), dataIndex: 'value', width: 160, render: (v: unknown) => <Typography.Text strong>{formatValue(v)}</Typography.Text> },
        { title: t('benefits.reference'), dataIndex: 'reference', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
      ]} />
  );
}

function ProgrammeCard({ p }: { p: Programme }) {
  const { t } = useI18n();
  const title = useTitle();
  return (
    <Card title={<Space>{title(p)}<Tag color={p.kind === 'cash' ? 'green' : 'blue'}>{t(`benefits.kind.${p.kind}`)}</Tag></Space>} data-testid="programme-card" data-programme={p.code}>
      <Descriptions size="small" column={1} items={[
        { key: 's', label: t('benefits.schemes'), children: <Space wrap>{p.schemes.map((s) => <Tag key={s.id} title={s.reference}>{title(s)}（{s.jurisdictionName}）</Tag>)}</Space> },
        ...(p.excludes.length ? [{ key: 'x', label: t('benefits.excludes'), children: p.excludes.join(', ') }] : []),
      ]} />
      <Collapse size="small" style={{ marginTop: 12 }} defaultActiveKey={p.parameters.slice(0, 1).map((x) => x.name)} items={[
        ...p.parameters.map((param) => ({
          key: param.name,
          label: <Typography.Text code>{param.name}</Typography.Text>,
          children: param.layers.map((l) => (
            <div key={l.jurisdiction} style={{ marginBottom: 8 }} data-testid="timeline">
              <Typography.Text strong>{t('benefits.jurisdiction')}：{l.jurisdictionName}（{l.jurisdiction}）</Typography.Text>
              <Timeline values={l.values} />
            </div>
          )),
        })),
        ...(p.funding.length ? [{ key: '_funding', label: t('benefits.funding'), children: p.funding.map((f) => <div key={f.key}><Typography.Text strong>{f.key}</Typography.Text><Timeline values={f.values} /></div>) }] : []),
      ]} />
    </Card>
  );
}

export function ProgrammesPage() {
  const { t } = useI18n();
  const { items } = useList(useCallback(() => benefitsApi.programmes(), []));
  return (
    <>
      <PageHeader title={t('benefits.programmes')} subTitle={t('benefits.programmesSub')} testId="programmes-title" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {items.map((p) => <ProgrammeCard key={p.code} p={p} />)}
      </Space>
    </>
  );
}
