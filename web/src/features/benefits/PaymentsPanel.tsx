// Payments and reconciliation: batches with their bank files, the bank's result imported, the
// disbursement rate by township and funding source, and closing the cycle.
import { App, Button, Card, Col, Row, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { useAccess } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { benefitsApi, yuan, type Batch, type CycleBoard, type Disbursement } from './benefits.api';

export function PaymentsPanel({ board, onChanged }: { board: CycleBoard; onChanged: () => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const report = useProblem();
  const { message } = App.useApp();
  const manage = access.has('benefits.manage');
  const [key, setKey] = useState(0);
  const { items } = useList(useCallback(() => benefitsApi.batches(board.id), [board.id]), key);
  const { items: rates } = useList(useCallback(async () => [await benefitsApi.disbursement(board.id)], [board.id]), key);
  const d: Disbursement | undefined = rates[0];
  const [result, setResult] = useState<string | null>(null);
  const refresh = () => { setKey((k) => k + 1); onChanged(); };
  const run = async (f: () => Promise<unknown>) => { try { await f(); refresh(); } catch (e) { report(e); } };
  const paying = board.status === 'frozen' || board.status === 'paying';
  return (
    <Card title={t('benefits.payments')} data-testid="payments-panel"
      extra={manage && paying && <Space>
        <Button onClick={() => run(() => benefitsApi.createBatch(board.id))} data-testid="batch-new">{t('benefits.newBatch')}</Button>
        <Button danger onClick={() => run(() => benefitsApi.close(board.id, board.version))} data-testid="cycle-close">{t('benefits.close')}</Button>
      </Space>}>
      <Table<Batch> rowKey="id" size="small" dataSource={items} pagination={false} data-testid="batches-table"
        columns={[
          { title: '#', dataIndex: 'seq', render: (s: number) => t('benefits.batch', { seq: s }) },
          { title: t('benefits.lines'), dataIndex: 'lines' },
          { title: t('benefits.amount'), dataIndex: 'totalFen', render: (f: number) => yuan(f) },
          { title: t('benefits.paid'), dataIndex: 'paid' },
          { title: t('benefits.failed'), dataIndex: 'failed' },
          {
            title: t('common.actions'), key: 'a', render: (_: unknown, b) => manage && (
              <Space>
                <a href={benefitsApi.batchFileUrl(b.id, 'xlsx', 'utf-8')} data-testid="batch-xlsx">{t('benefits.download')} .xlsx</a>
                <a href={benefitsApi.batchFileUrl(b.id, 'csv', 'gbk')} data-testid="batch-csv">.csv (GBK)</a>
                <Upload accept=".xlsx,.csv" showUploadList={false} customRequest={async ({ file }) => {
                  try {
                    const r = await benefitsApi.uploadResult(b.id, file as File);
                    setResult(t('benefits.reconciled', { rows: r.rows, paid: r.paid, failed: r.failed, already: r.alreadySettled }));
                    message.success(t('common.saved'));
                    refresh();
                  } catch (e) { report(e); }
                }}>
                  <Button size="small" data-testid="batch-upload">{t('benefits.uploadResult')}</Button>
                </Upload>
              </Space>
            ),
          },
        ]} />
      {result && <Typography.Paragraph style={{ marginTop: 12 }} data-testid="reconcile-result">{result}</Typography.Paragraph>}
      {d && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={12}>
            <Typography.Title level={5} data-testid="disbursement-rate">{t('benefits.disbursement')}：{d.rate === null ? '—' : `${d.rate}%`}</Typography.Title>
            <Table size="small" pagination={false} rowKey="areaCode" dataSource={d.byArea} columns={[
              { title: t('benefits.township'), dataIndex: 'areaName' },
              { title: t('benefits.due'), dataIndex: 'dueFen', render: (f: number) => yuan(f) },
              { title: t('benefits.paidYuan'), dataIndex: 'paidFen', render: (f: number) => yuan(f) },
              { title: t('benefits.rate'), dataIndex: 'rate', render: (r: number | null) => (r === null ? '—' : `${r}%`) },
            ]} />
          </Col>
          <Col span={12}>
            <Typography.Title level={5}>{t('benefits.funding')}</Typography.Title>
            <Table size="small" pagination={false} rowKey="source" dataSource={d.byFunding} data-testid="funding-table" columns={[
              { title: t('benefits.jurisdiction'), dataIndex: 'source', render: (s: 'central' | 'provincial' | 'city' | 'county') => t(`benefits.source.${s}`) },
              { title: t('benefits.due'), dataIndex: 'dueFen', render: (f: number) => yuan(f) },
              { title: t('benefits.paidYuan'), dataIndex: 'paidFen', render: (f: number) => yuan(f) },
              { title: t('benefits.rate'), dataIndex: 'rate', render: (r: number | null) => (r === null ? '—' : `${r}%`) },
            ]} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
