// The roster lines of a cycle in the user's area; by default the user's queue: the lines their
// level acts on (village: to declare, township: declared, county: reviewed).
import { Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAccess } from '../../app/access';
import { useUser } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { App } from 'antd';
import { benefitsApi, yuan, type Line, type Stage } from './benefits.api';
import { useReason } from './labels';
import { ChecklistDrawer } from './ChecklistDrawer';

export type Level = 'village' | 'township' | 'county';
export const levelOf = (area: string): Level => (area.length >= 12 ? 'village' : area.length >= 9 ? 'township' : 'county');
const QUEUE: Record<Level, Stage> = { village: 'pending', township: 'declared', county: 'reviewed' };

export function ReviewQueue({ cycleId, open, paying, onChanged }: { cycleId: string; open: boolean; paying: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const access = useAccess();
  const report = useProblem();
  const { message } = App.useApp();
  const level = levelOf(user.areaCode);
  const reasonText = useReason();
  const canReview = open && access.has('benefits.review');
  const [filter, setFilter] = useState<'queue' | 'all'>(canReview ? 'queue' : 'all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Line[]; total: number }>({ items: [], total: 0 });
  const [selected, setSelected] = useState<Line[]>([]);
  const [returning, setReturning] = useState(false);
  const [opened, setOpened] = useState<Line | null>(null);
  const [fixing, setFixing] = useState<Line | null>(null);
  const [account, setAccount] = useState('');
  const canFix = paying && access.has('benefits.manage');
  const fix = async () => {
    try {
      await benefitsApi.updatePayee(fixing!.id, { version: fixing!.version, bankAccount: account });
      message.success(t('common.saved'));
      setFixing(null);
      await load();
    } catch (e) { report(e); }
  };
  const [reason, setReason] = useState('');
  const load = useCallback(async () => {
    try {
      setData(await benefitsApi.lines(cycleId, { stage: filter === 'queue' ? QUEUE[level] : undefined, page, pageSize: 50 }));
      setSelected([]);
    } catch (e) { report(e); }
  }, [cycleId, filter, page, level, report]);
  useEffect(() => { void load(); }, [load]);

  const act = async (action: 'pass' | 'return') => {
    try {
      await benefitsApi.review(cycleId, { action, reason: action === 'return' ? reason : undefined, lines: selected.map((l) => ({ id: l.id, version: l.version })) });
      message.success(t('benefits.done', { count: selected.length }));
      setReturning(false);
      setReason('');
      await load();
      onChanged();
    } catch (e) { report(e); await load(); }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={filter} onChange={(v) => { setFilter(v as 'queue' | 'all'); setPage(1); }} data-testid="queue-filter"
          options={[...(canReview ? [{ value: 'queue', label: `${t('benefits.queue')}（${t(`benefits.stage.${QUEUE[level]}`)}）` }] : []), { value: 'all', label: t('benefits.allLines') }]} />
        {canReview && (
          <>
            <Button type="primary" disabled={!selected.length} onClick={() => act('pass')} data-testid="review-pass">{t(`benefits.pass.${level}`)}</Button>
            <Button danger disabled={!selected.length} onClick={() => setReturning(true)} data-testid="review-return">{t('benefits.return')}</Button>
          </>
        )}
        <Typography.Text type="secondary" data-testid="lines-total">{t('common.total', { total: data.total })}</Typography.Text>
      </Space>
      <Table<Line> rowKey="id" size="small" dataSource={data.items} data-testid="lines-table"
        rowSelection={canReview ? { selectedRowKeys: selected.map((l) => l.id), onChange: (_, rows) => setSelected(rows), getCheckboxProps: () => ({ 'data-testid': 'line-check' } as object) } : undefined}
        pagination={{ current: page, pageSize: 50, total: data.total, onChange: setPage, showSizeChanger: false }}
        onRow={(l) => ({ 'data-testid': 'line-row', 'data-stage': l.stage } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('benefits.name'), dataIndex: 'name', render: (n: string, l) => <a onClick={() => setOpened(l)} data-testid="line-open">{n}</a> },
          { title: t('benefits.idNumber'), dataIndex: 'idNumber' },
          { title: t('benefits.village'), dataIndex: 'areaName' },
          { title: t('benefits.type'), dataIndex: 'kind', render: (k: Line['kind']) => <Tag color={k === 'new' ? 'green' : k === 'leaving' ? 'red' : 'default'}>{t(`benefits.kindOf.${k}`)}</Tag> },
          { title: t('benefits.reasons'), dataIndex: 'reasons', render: (r: string[], l) => <Space orientation="vertical" size={0}><Typography.Text type="secondary">{r.map(reasonText).join(t('punct.separator'))}</Typography.Text>{l.returnedReason && <Typography.Text type="warning">{t('benefits.returned', { reason: l.returnedReason })}</Typography.Text>}</Space> },
          { title: t('benefits.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          { title: t('benefits.stage'), dataIndex: 'stage', render: (s: Stage) => <Tag data-testid="line-stage">{t(`benefits.stage.${s}`)}</Tag> },
          ...(canFix ? [{
            title: t('benefits.bankAccount'), key: 'account',
            render: (_: unknown, l: Line) => l.frozen && l.kind !== 'leaving' && l.eligible && (
              <Space size={4}>
                <Typography.Text>{l.bankAccount ?? '—'}</Typography.Text>
                <Button size="small" onClick={() => { setFixing(l); setAccount(l.bankAccount ?? ''); }} data-testid="account-fix">{t('benefits.fixAccount')}</Button>
              </Space>
            ),
          }] : []),
        ]} />
      <Modal open={!!fixing} title={`${t('benefits.fixAccount')} · ${fixing?.name ?? ''}`} onCancel={() => setFixing(null)} onOk={fix} okButtonProps={{ disabled: !/^[\d ]{8,32}$/.test(account) }}>
        <Input value={account} onChange={(e) => setAccount(e.target.value)} maxLength={32} placeholder={t('benefits.bankAccount')} data-testid="account-input" />
      </Modal>
      <ChecklistDrawer line={opened} onClose={() => setOpened(null)} />
      <Modal open={returning} title={t('benefits.returnReason')} onCancel={() => setReturning(false)} onOk={() => act('return')} okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'return-ok' } as { disabled: boolean }}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="return-reason" />
      </Modal>
    </>
  );
}
