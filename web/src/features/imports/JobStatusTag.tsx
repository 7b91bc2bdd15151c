import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import type { JobStatus } from './types';

const COLORS: Record<JobStatus, string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' };

export function JobStatusTag({ status }: { status: JobStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`job.${status}`)}</Tag>;
}
