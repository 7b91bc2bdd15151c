// 目标管理: yearly targets per area and indicator, set by form or imported from .xlsx.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { AreaPicker } from '../registry/AreaPicker';
import { indicatorName } from './format';
import { deleteTarget, getIndicators, getTargets, importTargets, putTarget, type Direction, type IndicatorInfo, type Target } from './stats.api';

interface FormValues { areaCode: string; indicator: string; direction: Direction; value: number }

export function TargetsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { has } = useAccess();
  const canWrite = has('targets.write');
  const { message } = App.useApp();
  const [area, setArea] = useState(user.areaCode);
  const [year, setYear] = useState(new Date().getFullYear());
  const [items, setItems] = useState<Target[]>([]);
  const [indicators, setIndicators] = useState<IndicatorInfo[]>([]);
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const load = () => getTargets(area, year).then((r) => setItems(r.items));
  useEffect(() => { getIndicators().then((r) => setIndicators(r.indicators)); }, []);
  useEffect(() => { load(); }, [area, year]);

  const openForm = (tg: Target | 'new') => {
    setEditing(tg);
    form.setFieldsValue(tg === 'new' ? { areaCode: area, direction: 'higher' } as FormValues : { areaCode: tg.areaCode, indicator: tg.indicator, direction: tg.direction, value: tg.value });
  };
  const save = async () => {
    const v = await form.validateFields();
    const existing = items.find((i) => i.areaCode === v.areaCode && i.indicator === v.indicator);
    try {
      await putTarget({ ...v, year, version: existing?.version });
      message.success(t('common.saved'));
      setEditing(null);
      load();
    } catch (e) { message.error((e as Error).message); }
  };
  const directionOptions = (['higher', 'lower', 'count'] as Direction[]).map((d) => ({ value: d, label: t(`targets.direction.${d}`) }));

  return (
    <>
      <PageHeader
        title={t('targets.title')}
        testId="targets-title"
        extra={canWrite && (
          <>
            <Upload accept=".xlsx" showUploadList={false} customRequest={async ({ file }) => {
              try { const r = await importTargets(file as File); message.info(t('targets.imported', { set: r.set, rejected: r.rejected.length })); load(); } catch (e) { message.error((e as Error).message); }
            }}>
              <Button icon={<UploadOutlined />} data-testid="targets-import">{t('targets.import')}</Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')} data-testid="targets-add">{t('targets.add')}</Button>
          </>
        )}
      />
      <Space wrap size={16} style={{ marginBottom: 16 }}>
        <div style={{ width: 260 }}><AreaPicker value={area} allowClear={false} onChange={(a) => a && setArea(a)} /></div>
        <Space><Typography.Text>{t('targets.year')}</Typography.Text><InputNumber min={1950} max={2100} value={year} onChange={(y) => y && setYear(y)} data-testid="targets-year" /></Space>
        {canWrite && <Typography.Text type="secondary">{t('targets.importHint')}</Typography.Text>}
      </Space>
      <Table<Target>
        data-testid="targets-table"
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('stats.area'), dataIndex: 'areaName' },
          { title: t('stats.indicator'), render: (_, r) => (r.indicatorName ? indicatorName({ name: r.indicatorName }, locale) : r.indicator) },
          { title: t('targets.direction'), dataIndex: 'direction', render: (d: Direction) => t(`targets.direction.${d}`) },
          { title: t('targets.value'), dataIndex: 'value', align: 'right', className: 'num' },
          ...(canWrite ? [{
            title: t('common.actions'), render: (_: unknown, r: Target) => (
              <Space>
                <a onClick={() => openForm(r)}>{t('common.edit')}</a>
                <Popconfirm title={t('targets.deleteConfirm')} onConfirm={async () => { await deleteTarget(r); load(); }}><a>{t('common.delete')}</a></Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? t('targets.add') : t('targets.edit')} onCancel={() => setEditing(null)} onOk={save} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="target-form">
          <Form.Item name="areaCode" label={t('stats.area')} rules={[{ required: true }]}><AreaPicker allowClear={false} disabled={editing !== 'new'} /></Form.Item>
          <Form.Item name="indicator" label={t('stats.indicator')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" disabled={editing !== 'new'} data-testid="target-indicator"
              options={indicators.map((i) => ({ value: i.code, label: indicatorName(i, locale) }))}
              onChange={(code: string) => { const d = indicators.find((i) => i.code === code); if (d) form.setFieldValue('direction', d.direction); }} />
          </Form.Item>
          <Form.Item name="direction" label={t('targets.direction')} rules={[{ required: true }]}><Select options={directionOptions} /></Form.Item>
          <Form.Item name="value" label={t('targets.value')} rules={[{ required: true }]}><InputNumber min={0} style={{ width: '100%' }} data-testid="target-value" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
