// 最近导入任务: the latest import jobs in the user's area.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatInstant } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useList } from '../../app/useList';
import { listImportJobs, reportUrl } from './imports.api';
import { jobProgressText } from './JobProgress';
import { JobStatusTag } from './JobStatusTag';
import type { Job } from './types';

interface Props {
  /** Bumped by the page when a job starts or ends, to reload the list. */
  refreshKey: number;
  onOpen: (job: Job) => void;
}

export function ImportJobsTable({ refreshKey, onOpen }: Props) {
  const { t } = useI18n();
  const { items: jobs, loading, load } = useList(listImportJobs, refreshKey);

  const columns: TableColumnsType<Job> = [
    { title: t('job.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span className="num">{formatInstant(v)}</span> },
    {
      title: t('import.kind'),
      key: 'kind',
      width: 110,
      render: (_, j) => (j.params?.kind === 'events' ? t('import.kindEvents') : j.params?.kind === 'persons' ? t('import.kindPersons') : '—'),
    },
    { title: t('import.file'), key: 'file', ellipsis: true, render: (_, j) => j.params?.fileName ?? j.params?.filename ?? '—' },
    {
      title: t('import.mode'),
      key: 'mode',
      width: 100,
      render: (_, j) => ((j.result?.dryRun ?? j.params?.dryRun) ? <Tag>{t('import.dryRun')}</Tag> : <Tag color="blue">{t('import.real')}</Tag>),
    },
    { title: t('job.status'), dataIndex: 'status', width: 100, render: (s: Job['status']) => <JobStatusTag status={s} /> },
    {
      title: t('import.summary'),
      key: 'summary',
      render: (_, j) =>
        j.result ? (
          <Typography.Text className="num">
            {t('import.summaryText', { inserted: j.result.inserted, updated: j.result.updated, unchanged: j.result.unchanged, rejected: j.result.rejected })}
          </Typography.Text>
        ) : (
          jobProgressText(j, t) ?? '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, j) => (
        <Space size={12}>
          <a onClick={() => onOpen(j)}>{t('common.view')}</a>
          {!!j.result?.rejected && (
            <a href={reportUrl(j.id)} download>
              {t('import.report')}
            </a>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('import.recent')}
      size="small"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs}
        loading={loading}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('import.noJobs') }}
        scroll={{ x: 900 }}
        data-testid="import-jobs"
      />
    </Card>
  );
}
