// The public notice step: opening it, the printable public page, objections recorded and
// resolved, and the freeze of the roster once the notice is over.
import { App, Button, Card, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useAccess } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { useList } from '../../app/useList';
import { benefitsApi, type CycleBoard, type Objection } from './benefits.api';

export function NoticePanel({ board, onChanged }: { board: CycleBoard; onChanged: () => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const report = useProblem();
  const { message } = App.useApp();
  const manage = access.has('benefits.manage');
  const [key, setKey] = useState(0);
  const { items } = useList(useCallback(() => benefitsApi.objections(board.id), [board.id]), key);
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [upheld, setUpheld] = useState(false);
  const [resolution, setResolution] = useState('');
  const run = async (f: () => Promise<unknown>) => { try { await f(); setKey((k) => k + 1); onChanged(); message.success(t('common.saved')); } catch (e) { report(e); } };
  return (
    <Card title={t('benefits.step.notice')} style={{ marginBottom: 16 }} data-testid="notice-panel"
      extra={<Space>
        {manage && board.status === 'review' && <Button type="primary" onClick={() => run(() => benefitsApi.notice(board.id, board.version))} data-testid="notice-open">{t('benefits.openNotice')}</Button>}
        {board.status === 'notice' && <a href={`/notice/${board.id}`} target="_blank" rel="noreferrer" data-testid="notice-link">{t('benefits.noticeLink')}</a>}
        {board.status === 'notice' && access.has('benefits.review') && <Button onClick={() => setAdding(true)} data-testid="objection-add">{t('benefits.addObjection')}</Button>}
        {manage && board.status === 'notice' && <Button type="primary" onClick={() => run(() => benefitsApi.freeze(board.id, board.version))} data-testid="freeze">{t('benefits.freeze')}</Button>}
      </Space>}>
      {board.noticeFrom && <Typography.Paragraph>{t('benefits.noticePeriod', { from: board.noticeFrom, to: board.noticeTo ?? '' })}</Typography.Paragraph>}
      <Table<Objection> rowKey="id" size="small" dataSource={items} pagination={false} data-testid="objections-table"
        columns={[
          { title: t('benefits.objectionText'), dataIndex: 'text' },
          { title: t('benefits.stage'), dataIndex: 'status', render: (s: string, o) => <Tag color={s === 'open' ? 'orange' : o.upheld ? 'red' : 'green'}>{s === 'open' ? t('benefits.objections') : o.upheld ? t('benefits.upheld') : t('benefits.rejected')}</Tag> },
          { title: t('benefits.resolution'), dataIndex: 'resolution' },
          { title: t('common.actions'), key: 'a', render: (_: unknown, o) => manage && o.status === 'open' && <Button size="small" onClick={() => setResolving(o)}>{t('benefits.resolve')}</Button> },
        ]} />
      <Modal open={adding} title={t('benefits.addObjection')} onCancel={() => setAdding(false)}
        onOk={() => run(async () => { await benefitsApi.addObjection(board.id, { text }); setAdding(false); setText(''); })}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      </Modal>
      <Modal open={!!resolving} title={t('benefits.resolve')} onCancel={() => setResolving(null)}
        onOk={() => run(async () => { await benefitsApi.resolveObjection(resolving!.id, { version: resolving!.version, upheld, resolution }); setResolving(null); setResolution(''); })}>
        <Radio.Group value={upheld} onChange={(e) => setUpheld(e.target.value)} options={[{ value: false, label: t('benefits.rejected') }, { value: true, label: t('benefits.upheld') }]} />
        <Input.TextArea style={{ marginTop: 12 }} placeholder={t('benefits.resolution')} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </Modal>
    </Card>
  );
}
