// 扶助项目与标准: each programme with its schemes, dated parameter values per jurisdiction
// (a timeline with references) and funding shares.
import { App, Button, Card, Collapse, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { useProblem } from '../../app/problem';
import { useCallback, useState } from 'react';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n';
import { useList } from '../../app/useList';
import { benefitsApi, rulesApi, type Programme, type TimelineValue } from './benefits.api';
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

interface Editing { programme: Programme; parameter: string }

/** A local value of one parameter for the user's own area, from a date (appended to its series). */
function OverrideModal({ editing, onClose }: { editing: Editing | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const report = useProblem();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async (v: { from: dayjs.Dayjs; value: number; reference: string }) => {
    if (!editing) return;
    const jurisdiction = user.areaCode || 'CN';
    try {
      const existing = (await rulesApi.overrides()).find((o) => o.programme === editing.programme.code && o.parameter === editing.parameter && o.jurisdiction === jurisdiction);
      const entry = { from: v.from.format('YYYY-MM-DD'), value: v.value, reference: v.reference };
      await rulesApi.put({ programme: editing.programme.code, parameter: editing.parameter, jurisdiction, version: existing?.version,
        series: [...(existing?.series ?? []).filter((x) => x.from !== entry.from), entry] });
      message.success(t('common.saved'));
      form.resetFields();
      onClose(true);
    } catch (e) { report(e); }
  };
  return (
    <Modal open={!!editing} title={`${t('benefits.override')} · ${editing?.parameter ?? ''}`} onCancel={() => onClose(false)} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('benefits.overrideHint', { area: user.areaName })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="from" label={t('benefits.from')} rules={[{ required: true }]}><DatePicker data-testid="override-from" /></Form.Item>
        <Form.Item name="value" label={t('benefits.value')} rules={[{ required: true }]}><InputNumber min={0} data-testid="override-value" /></Form.Item>
        <Form.Item name="reference" label={t('benefits.reference')} rules={[{ required: true }]}><Input data-testid="override-reference" /></Form.Item>
      </Form>
    </Modal>
  );
}

function ProgrammeCard({ p, onEdit }: { p: Programme; onEdit?: (e: Editing) => void }) {
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
          extra: onEdit && <Button size="small" onClick={(e) => { e.stopPropagation(); onEdit({ programme: p, parameter: param.name }); }} data-testid="override-open">{t('benefits.override')}</Button>,
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
  const access = useAccess();
  const [key, setKey] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const { items } = useList(useCallback(() => benefitsApi.programmes(), []), key);
  return (
    <>
      <PageHeader title={t('benefits.programmes')} subTitle={t('benefits.programmesSub')} testId="programmes-title" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {items.map((p) => <ProgrammeCard key={p.code} p={p} onEdit={access.has('benefits.rules') ? setEditing : undefined} />)}
      </Space>
      <OverrideModal editing={editing} onClose={(saved) => { setEditing(null); if (saved) setKey((k) => k + 1); }} />
    </>
  );
}
