// The documents checklist of a roster line: each item received (with its document number) and
// filed in the paper archive; recording an item is saved as evidence on the person.
import { App, Button, Checkbox, Drawer, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAccess } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { insightApi, type ChecklistItem, type Evidence, type Line } from './benefits.api';

export function ChecklistDrawer({ line, onClose }: { line: Line | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const access = useAccess();
  const report = useProblem();
  const { message } = App.useApp();
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [complete, setComplete] = useState(false);
  const [evidence, setEvidence] = useState<Map<string, Evidence>>(new Map());
  const [docs, setDocs] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    if (!line) return;
    try {
      const c = await insightApi.checklist(line.id);
      setItems(c.items);
      setComplete(c.complete);
      setEvidence(new Map((await insightApi.evidence(line.personId)).map((e) => [e.item, e])));
    } catch (e) { report(e); }
  }, [line, report]);
  useEffect(() => { void load(); }, [load]);
  const record = async (item: string, paperFiled: boolean) => {
    try {
      const e = evidence.get(item);
      await insightApi.record(line!.personId, item, { version: e?.version, documentNo: docs[item] ?? e?.documentNo ?? null, paperFiled, facts: e?.facts });
      message.success(t('common.saved'));
      await load();
    } catch (err) { report(err); }
  };
  return (
    <Drawer open={!!line} onClose={onClose} size={520} title={`${t('benefits.checklist')} · ${line?.name ?? ''}`} data-testid="checklist-drawer">
      <Tag color={complete ? 'green' : 'orange'} data-testid="checklist-complete">{complete ? t('benefits.fileComplete') : t('benefits.fileIncomplete')}</Tag>
      <List style={{ marginTop: 12 }} dataSource={items} renderItem={(i) => (
        <List.Item data-testid="checklist-item">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Typography.Text strong>{i.title ? (locale === 'zh-CN' ? i.title.zh : i.title.en) : i.item}</Typography.Text>
              <Tag color={i.received ? 'green' : 'default'}>{i.received ? t('benefits.received') : t('benefits.missing')}</Tag>
            </Space>
            {access.has('benefits.review') && (
              <Space>
                <Input size="small" placeholder={t('benefits.documentNo')} defaultValue={i.documentNo ?? ''} onChange={(e) => setDocs((d) => ({ ...d, [i.item]: e.target.value }))} />
                <Checkbox checked={i.paperFiled} onChange={(e) => void record(i.item, e.target.checked)} data-testid="checklist-filed">{t('benefits.paperFiled')}</Checkbox>
                {!i.received && <Button size="small" onClick={() => void record(i.item, false)}>{t('benefits.markReceived')}</Button>}
              </Space>
            )}
          </Space>
        </List.Item>
      )} />
    </Drawer>
  );
}
