// Progress bar of a running import job: the server counts the bytes of the file read so far.
import { Alert, Progress, Space, Typography } from 'antd';
import { formatBytes } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { JobStatusTag } from './JobStatusTag';
import type { Job } from './types';

export function JobProgress({ job }: { job: Job }) {
  const { t } = useI18n();
  const percent = job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : job.status === 'succeeded' ? 100 : 0;
  const status = job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <JobStatusTag status={job.status} />
        <Typography.Text type="secondary" data-testid="import-progress-text">
          {job.total > 0 ? t('job.progress', { done: formatBytes(job.done), total: formatBytes(job.total) }) : t('job.preparing')}
        </Typography.Text>
      </Space>
      <Progress percent={percent} status={status} data-testid="import-progress" />
      {job.status === 'failed' && <Alert type="error" showIcon title={t('job.failed')} description={job.error ?? undefined} data-testid="import-error" />}
    </Space>
  );
}
