// 数据导入: upload, follow the job, read the outcome; recent jobs below.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { problemText, useProblem } from '../../app/problem';
import { ImportForm } from './ImportForm';
import { ImportJobsTable } from './ImportJobsTable';
import { ImportResultView } from './ImportResultView';
import { startImport } from './imports.api';
import { JobProgress } from './JobProgress';
import { isFinished, type ImportKind, type Job } from './types';
import { useJobPolling } from './useJobPolling';

export function ImportPage() {
  const { t } = useI18n();
  const report = useProblem();
  const [started, setStarted] = useState<Job | null>(null);
  const [starting, setStarting] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const lastUpload = useRef<{ file: File; kind: ImportKind } | null>(null);
  const { job, error } = useJobPolling(started);
  const running = !!job && !isFinished(job);

  useEffect(() => {
    if (job && isFinished(job)) setRefreshKey((k) => k + 1);
  }, [job?.status]);

  const start = async (file: File, kind: ImportKind, dryRun: boolean) => {
    setStarting(true);
    try {
      lastUpload.current = { file, kind };
      setStarted(await startImport(file, kind, dryRun));
      setRefreshKey((k) => k + 1);
    } catch (e) {
      report(e);
    } finally {
      setStarting(false);
    }
  };

  const commitSame = lastUpload.current && job?.result?.dryRun && job.status === 'succeeded' && (
    <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => start(lastUpload.current!.file, lastUpload.current!.kind, false)} data-testid="import-commit">
      {t('import.commitSame')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('nav.imports')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('import.new')} size="small">
          <ImportForm busy={starting || running} onStart={start} />
        </Card>
        {job && (
          <Card title={t('import.job')} size="small">
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <JobProgress job={job} />
              {error != null && <Alert type="warning" showIcon title={t('job.pollFailed')} description={problemText(error, t)} />}
              {job.status === 'succeeded' && job.result && <ImportResultView jobId={job.id} result={job.result} extra={commitSame} />}
            </Space>
          </Card>
        )}
        <ImportJobsTable
          refreshKey={refreshKey}
          onOpen={(j) => {
            lastUpload.current = null;
            setStarted(j);
          }}
        />
      </Space>
    </>
  );
}
