// 服务记录: the records behind the service indicators — preconception-check target couples and
// their checks, migrant registrations, assisted (三结合) households — by form or .xlsx import.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tabs, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { AreaPicker } from '../registry/AreaPicker';
import { PersonSelect } from '../registry/PersonSelect';
import { addRecord, importRecords, listRecords, recordCheck, removeRecord, type RecordKind, type RecordRow } from './service-records.api';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const yuan = (fen: unknown) => (Number(fen) / 100).toFixed(2);

export function ServiceRecordsPage() {
  const { t } = useI18n();
  const user = useUser();
  const canWrite = useAccess().has('serviceRecords.write');
  const { message } = App.useApp();
  const [kind, setKind] = useState<RecordKind>('couples');
  const [area, setArea] = useState(user.areaCode);
  const [year, setYear] = useState(new Date().getFullYear());
  const [items, setItems] = useState<RecordRow[]>([]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const load = () => listRecords(kind, area, year).then((r) => setItems(r.items)).catch((e: Error) => message.error(e.message));
  useEffect(() => { load(); }, [kind, area, year]);

  const save = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> =
      kind === 'couples' ? { areaCode: v.areaCode, year, wifeId: v.wifeId, husbandId: v.husbandId ?? null, checkedOn: day(v.checkedOn), checkPlace: v.checkPlace ?? null }
      : kind === 'migrants' ? { areaCode: v.areaCode, personId: v.personId, registeredOn: day(v.registeredOn) }
      : { areaCode: v.areaCode, year, headId: v.headId, assistance: v.assistance, amountFen: Math.round(Number(v.amount) * 100), assistedOn: day(v.assistedOn) };
    try { await addRecord(kind, body); message.success(t('common.saved')); setAdding(false); load(); } catch (e) { message.error((e as Error).message); }
  };

  const actions = {
    title: t('common.actions'),
    render: (_: unknown, r: RecordRow) => (
      <Space>
        {kind === 'couples' && !r.checkedOn && (
          <a data-testid="record-check" onClick={async () => { await recordCheck(r.id, { version: r.version, checkedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) }); load(); }}>{t('records.markChecked')}</a>
        )}
        <Popconfirm title={t('records.deleteConfirm')} onConfirm={async () => { await removeRecord(kind, r); load(); }}><a>{t('common.delete')}</a></Popconfirm>
      </Space>
    ),
  };
  const columns: Record<RecordKind, object[]> = {
    couples: [
      { title: t('stats.area'), dataIndex: 'areaName' },
      { title: t('records.wife'), render: (_: unknown, r: RecordRow) => `${r.wifeName} ${r.wifeIdNumber ?? ''}` },
      { title: t('records.husband'), dataIndex: 'husbandName', render: (v: string | null) => v ?? '—' },
      { title: t('records.checkedOn'), dataIndex: 'checkedOn', render: (v: string | null) => v ?? t('records.notChecked') },
      { title: t('records.checkPlace'), dataIndex: 'checkPlace', render: (v: string | null) => v ?? '—' },
    ],
    migrants: [
      { title: t('stats.area'), dataIndex: 'areaName' },
      { title: t('stats.drill.name'), dataIndex: 'name' },
      { title: t('stats.drill.idNumber'), dataIndex: 'idNumber', className: 'num' },
      { title: t('records.hukouArea'), dataIndex: 'hukouArea' },
      { title: t('records.registeredOn'), dataIndex: 'registeredOn', className: 'num' },
    ],
    assisted: [
      { title: t('stats.area'), dataIndex: 'areaName' },
      { title: t('records.head'), render: (_: unknown, r: RecordRow) => `${r.headName} ${r.headIdNumber ?? ''}` },
      { title: t('records.assistance'), dataIndex: 'assistance' },
      { title: t('records.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
      { title: t('records.assistedOn'), dataIndex: 'assistedOn', className: 'num' },
    ],
  };
  const hint: Record<RecordKind, MessageKey> = { couples: 'records.importHint.couples', migrants: 'records.importHint.migrants', assisted: 'records.importHint.assisted' };

  return (
    <>
      <PageHeader
        title={t('records.title')}
        testId="records-title"
        extra={canWrite && (
          <>
            <Upload accept=".xlsx,.csv" showUploadList={false} customRequest={async ({ file }) => {
              try { const r = await importRecords(kind, file as File); message.info(t('records.imported', { added: r.added, rejected: r.rejected.length })); load(); } catch (e) { message.error((e as Error).message); }
            }}>
              <Button icon={<UploadOutlined />} data-testid="records-import">{t('records.import')}</Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} data-testid="records-add" onClick={() => { form.resetFields(); form.setFieldValue('areaCode', area); setAdding(true); }}>{t('records.add')}</Button>
          </>
        )}
      />
      <Tabs activeKey={kind} onChange={(k) => setKind(k as RecordKind)} items={(['couples', 'migrants', 'assisted'] as RecordKind[]).map((k) => ({ key: k, label: t(`records.kind.${k}`) }))} />
      <Space wrap size={16} style={{ marginBottom: 16 }}>
        <div style={{ width: 260 }}><AreaPicker value={area} allowClear={false} onChange={(a) => a && setArea(a)} /></div>
        <Space><Typography.Text>{t('targets.year')}</Typography.Text><InputNumber min={1950} max={2100} value={year} onChange={(y) => y && setYear(y)} /></Space>
        {canWrite && <Typography.Text type="secondary">{t(hint[kind])}</Typography.Text>}
      </Space>
      <Table<RecordRow> data-testid="records-table" rowKey="id" size="small" dataSource={items} pagination={{ pageSize: 20 }} columns={[...columns[kind], ...(canWrite ? [actions] : [])] as never} />
      <Modal open={adding} title={`${t('records.add')} · ${t(`records.kind.${kind}`)}`} onCancel={() => setAdding(false)} onOk={save} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="areaCode" label={t('stats.area')} rules={[{ required: true }]}><AreaPicker allowClear={false} /></Form.Item>
          {kind === 'couples' && (
            <>
              <Form.Item name="wifeId" label={t('records.wife')} rules={[{ required: true }]}><PersonSelect sex="F" aliveOnly /></Form.Item>
              <Form.Item name="husbandId" label={t('records.husband')}><PersonSelect sex="M" aliveOnly /></Form.Item>
              <Form.Item name="checkedOn" label={t('records.checkedOn')}><DatePicker /></Form.Item>
              <Form.Item name="checkPlace" label={t('records.checkPlace')}><Input maxLength={100} /></Form.Item>
            </>
          )}
          {kind === 'migrants' && (
            <>
              <Form.Item name="personId" label={t('stats.drill.name')} rules={[{ required: true }]}><PersonSelect aliveOnly /></Form.Item>
              <Form.Item name="registeredOn" label={t('records.registeredOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </>
          )}
          {kind === 'assisted' && (
            <>
              <Form.Item name="headId" label={t('records.head')} rules={[{ required: true }]}><PersonSelect /></Form.Item>
              <Form.Item name="assistance" label={t('records.assistance')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="amount" label={t('records.amount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="assistedOn" label={t('records.assistedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
