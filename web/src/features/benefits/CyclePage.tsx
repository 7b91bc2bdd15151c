// One cycle: the board, the review queue, the public notice and the payments.
import { Button, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../app/PageHeader';
import { PageLoading } from '../../app/PageLoading';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { benefitsApi, type CycleBoard as Board } from './benefits.api';
import { CycleBoard } from './CycleBoard';
import { useTitle } from './labels';
import { NoticePanel } from './NoticePanel';
import { PaymentsPanel } from './PaymentsPanel';
import { ReviewQueue } from './ReviewQueue';

export function CyclePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const report = useProblem();
  const title = useTitle();
  const [board, setBoard] = useState<Board | null>(null);
  const { items: programmes } = useList(useCallback(() => benefitsApi.programmes(), []));
  const load = useCallback(async () => { try { setBoard(await benefitsApi.cycle(id)); } catch (e) { report(e); } }, [id, report]);
  useEffect(() => { void load(); }, [load]);
  if (!board) return <PageLoading />;
  return (
    <>
      <PageHeader testId="cycle-title"
        title={`${board.year} ${title(programmes.find((p) => p.code === board.programme), board.programme)}`}
        subTitle={<>{board.areaName} <Tag data-testid="cycle-status">{t(`benefits.status.${board.status}`)}</Tag></>}
        extra={<Button onClick={() => void load()}>{t('common.refresh')}</Button>} />
      <CycleBoard board={board} />
      <NoticePanel board={board} onChanged={load} />
      {(board.status === 'frozen' || board.status === 'paying' || board.status === 'closed') && <div style={{ marginBottom: 16 }}><PaymentsPanel board={board} onChanged={load} /></div>}
      <ReviewQueue key={board.status} cycleId={board.id} open={board.status === 'review'} paying={board.status === 'frozen' || board.status === 'paying'} onChanged={load} />
    </>
  );
}
