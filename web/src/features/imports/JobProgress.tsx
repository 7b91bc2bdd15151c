// Progress bar of a running import job: the server counts the bytes of the file read so far.
import { Alert, Progress, Space, Typography } from 'antd';
import { formatBytes } from '../../app/format';
import { useI18n, type Translate } from '../../app/i18n';
import { JobStatusTag } from './JobStatusTag';
import { isFinished, type Job } from './types';

/**
 * What a job has done, in words: the bytes read, or once read to the end while the job still
 * runs, that the last rows (and after a large import the search indexes and the statistics,
 * about 20 s at a million rows) are being written.
 */
export function jobProgressText(job: Job, t: Translate): string | null {
  if (job.total <= 0) return null;
  if (!isFinished(job) && job.done >= job.total) return t('job.finishing');
  return t('job.progress', { done: formatBytes(job.done), total: formatBytes(job.total) });
}

export function JobProgress({ job }: { job: Job }) {
  const { t } = useI18n();
  const read = job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : job.status === 'succeeded' ? 100 : 0;
  const percent = isFinished(job) ? read : Math.min(99, read);
  const status = job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <JobStatusTag status={job.status} />
        <Typography.Text type="secondary" data-testid="import-progress-text">
          {jobProgressText(job, t) ?? t('job.preparing')}
        </Typography.Text>
      </Space>
      <Progress percent={percent} status={status} data-testid="import-progress" />
      {job.status === 'failed' && <Alert type="error" showIcon title={t('job.failed')} description={job.error ?? undefined} data-testid="import-error" />}
    </Space>
  );
}
