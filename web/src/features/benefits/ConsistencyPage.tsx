// 一致性与档案: beneficiaries who died or moved away but are still on a roster, people on two
// programmes that exclude each other, and the share of complete paper files.
import { Card, InputNumber, Progress, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n';
import { useList } from '../../app/useList';
import { insightApi, type Consistency } from './benefits.api';
import { useReason } from './labels';

export function ConsistencyPage() {
  const { t } = useI18n();
  const reason = useReason();
  const [year, setYear] = useState(new Date().getFullYear());
  const { items, loading } = useList(useCallback(async () => [await insightApi.consistency(year)], [year]));
  const c: Consistency | undefined = items[0];
  return (
    <>
      <PageHeader title={t('benefits.consistency')} testId="consistency-title" extra={<InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} data-testid="consistency-year" />} />
      {c && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('benefits.archiveShare')}>
            <Progress percent={c.archive.share ?? 0} data-testid="archive-share" />
            <span>{t('benefits.archiveCount', { complete: c.archive.complete, total: c.archive.total })}</span>
          </Card>
          <Card title={t('benefits.stillOnRoster')}>
            <Table rowKey="lineId" size="small" loading={loading} pagination={false} dataSource={c.stillOnRoster} data-testid="still-on-roster" columns={[
              { title: t('benefits.name'), dataIndex: 'name' },
              { title: t('benefits.programme'), dataIndex: 'programme' },
              { title: t('benefits.reasons'), dataIndex: 'problem', render: (p: string, r) => <Tag color="red">{reason(p)}{r.deathDate ? ` ${r.deathDate}` : ''}</Tag> },
            ]} />
          </Card>
          <Card title={t('benefits.exclusive')}>
            <Table rowKey="personId" size="small" pagination={false} dataSource={c.exclusive} columns={[
              { title: t('benefits.name'), dataIndex: 'name' },
              { title: t('benefits.programme'), dataIndex: 'programmes', render: (p: string[]) => p.join('、') },
            ]} />
          </Card>
          <Card title={t('benefits.fileIncomplete')}>
            <Table rowKey="lineId" size="small" dataSource={c.archive.incomplete} columns={[
              { title: t('benefits.name'), dataIndex: 'name' },
              { title: t('benefits.missing'), dataIndex: 'missing', render: (m: string[]) => m.join('、') },
            ]} />
          </Card>
        </Space>
      )}
    </>
  );
}
