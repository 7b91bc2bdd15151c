// 年度资格确认: the cycles in the user's area and, for county managers, the eligibility run.
import { Button, Card, Form, InputNumber, Progress, Select, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { benefitsApi, PROGRAMME_CODES, type Cycle, type Job, type ProgrammeCode } from './benefits.api';
import { useTitle } from './labels';

function RunForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const report = useProblem();
  const navigate = useNavigate();
  const title = useTitle();
  const { items: programmes } = useList(useCallback(() => benefitsApi.programmes(), []));
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    if (!job || job.status === 'succeeded' || job.status === 'failed') return;
    const timer = setTimeout(async () => setJob(await benefitsApi.job(job.id)), 500);
    return () => clearTimeout(timer);
  }, [job]);
  useEffect(() => { if (job?.status === 'succeeded') onDone(); }, [job?.status]);
  const submit = async (v: { programme: ProgrammeCode; area: string; year: number }) => {
    try { setJob(await benefitsApi.run(v)); } catch (e) { report(e); }
  };
  return (
    <Card title={t('benefits.run')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('benefits.runHint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={submit} initialValues={{ programme: 'specialAid', area: user.areaCode.length === 6 ? user.areaCode : '', year: new Date().getFullYear() }}>
        <Form.Item name="programme" label={t('benefits.programme')} rules={[{ required: true }]}>
          <Select style={{ width: 240 }} data-testid="run-programme" options={PROGRAMME_CODES.map((c) => ({ value: c, label: title(programmes.find((p) => p.code === c), c) }))} />
        </Form.Item>
        <Form.Item name="area" label={t('benefits.area')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
          <Input style={{ width: 110 }} data-testid="run-area" />
        </Form.Item>
        <Form.Item name="year" label={t('benefits.year')} rules={[{ required: true }]}>
          <InputNumber min={2004} max={2100} data-testid="run-year" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={!!job && job.status !== 'succeeded' && job.status !== 'failed'} data-testid="run-submit">{t('benefits.run')}</Button>
      </Form>
      {job && (
        <div style={{ marginTop: 12 }} data-testid="run-progress">
          <Progress percent={job.total ? Math.floor((job.done / job.total) * 100) : job.status === 'succeeded' ? 100 : 0} status={job.status === 'failed' ? 'exception' : undefined} />
          {job.status === 'running' && <Typography.Text>{t('benefits.running', { done: job.done, total: job.total })}</Typography.Text>}
          {job.result && (
            <Typography.Text data-testid="run-result">
              {t('benefits.runDone', job.result)} <Button type="link" onClick={() => navigate(`/benefits/cycles/${job.result!.cycleId}`)}>{t('benefits.open')}</Button>
            </Typography.Text>
          )}
          {job.error && <Typography.Text type="danger">{job.error}</Typography.Text>}
        </div>
      )}
    </Card>
  );
}

export function CyclesPage() {
  const { t } = useI18n();
  const access = useAccess();
  const title = useTitle();
  const [key, setKey] = useState(0);
  const { items: programmes } = useList(useCallback(() => benefitsApi.programmes(), []));
  const { items, loading } = useList(useCallback(() => benefitsApi.cycles(), []), key);
  return (
    <>
      <PageHeader title={t('benefits.cycles')} testId="cycles-title" />
      {access.has('benefits.manage') && <RunForm onDone={() => setKey((k) => k + 1)} />}
      <Table<Cycle> rowKey="id" loading={loading} dataSource={items} data-testid="cycles-table" pagination={false}
        onRow={(c) => ({ 'data-testid': 'cycle-row', 'data-cycle-id': c.id } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('benefits.year'), dataIndex: 'year', width: 80 },
          { title: t('benefits.programme'), dataIndex: 'programme', render: (c: ProgrammeCode) => title(programmes.find((p) => p.code === c), c) },
          { title: t('benefits.area'), dataIndex: 'areaName' },
          { title: t('benefits.stage'), dataIndex: 'status', render: (s: Cycle['status']) => <Tag>{t(`benefits.status.${s}`)}</Tag> },
          { title: t('common.actions'), key: 'a', render: (_: unknown, c) => <Link to={`/benefits/cycles/${c.id}`} data-testid="cycle-open">{t('benefits.open')}</Link> },
        ]} />
    </>
  );
}
