// The documents checklist of a roster line: each item received (with its document number) and
// filed in the paper archive; recording an item is saved as evidence on the person.
import { App, Button, Checkbox, Drawer, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAccess } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { useProblem } from '../../app/problem';
import { insightApi, type ChecklistItem, type Evidence, type Line } from './benefits.api';

// The facts an item may carry, as the office records them.
const FACTS: Record<string, { zh: string; en: string; kind: 'text' | 'grade' | 'flag' }> = {
  bank_account: { zh: '银行账号', en: 'Bank account', kind: 'text' },
  disability_grade: { zh: '残疾等级', en: 'Disability grade', kind: 'grade' },
  surgery_complication_grade: { zh: '并发症等级', en: 'Complication grade', kind: 'grade' },
  honour_certificate: { zh: '持有光荣证', en: 'Holds the certificate', kind: 'flag' },
  poor: { zh: '认定为困难家庭', en: 'Designated poor', kind: 'flag' },
  adopted_after: { zh: '子女死亡后收养', en: 'Adopted after the child\'s death', kind: 'flag' },
  policy_violation: { zh: '有政策外生育', en: 'Birth outside the policy', kind: 'flag' },
  has_pension: { zh: '有养老保障', en: 'Has a pension', kind: 'flag' },
  city_extension: { zh: '符合市扩面条件', en: 'Meets the city extension', kind: 'flag' },
  surgery_recipient: { zh: '计划生育手术对象', en: 'Surgery recipient', kind: 'flag' },
};

export function ChecklistDrawer({ line, onClose }: { line: Line | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const access = useAccess();
  const report = useProblem();
  const { message } = App.useApp();
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [complete, setComplete] = useState(false);
  const [evidence, setEvidence] = useState<Map<string, Evidence>>(new Map());
  const [docs, setDocs] = useState<Record<string, string>>({});
  const [facts, setFacts] = useState<Record<string, Record<string, unknown>>>({});
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
      await insightApi.record(line!.personId, item, { version: e?.version, documentNo: docs[item] ?? e?.documentNo ?? null, paperFiled, facts: { ...(e?.facts ?? {}), ...(facts[item] ?? {}) } });
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
            {access.has('benefits.review') && (i.title?.facts ?? []).filter((f) => FACTS[f]).map((f) => {
              const def = FACTS[f];
              const current = facts[i.item]?.[f] ?? evidence.get(i.item)?.facts[f];
              const set = (v: unknown) => setFacts((x) => ({ ...x, [i.item]: { ...(x[i.item] ?? {}), [f]: v } }));
              const label = locale === 'zh-CN' ? def.zh : def.en;
              if (def.kind === 'flag') return <Checkbox key={f} checked={current === true} onChange={(e) => set(e.target.checked)}>{label}</Checkbox>;
              if (def.kind === 'grade') return <Space key={f}>{label}<InputNumber size="small" min={1} max={4} value={typeof current === 'number' ? current : null} onChange={(v) => set(v)} /></Space>;
              return <Input key={f} size="small" addonBefore={label} value={typeof current === 'string' ? current : ''} onChange={(e) => set(e.target.value.replace(/\s/g, ''))} data-testid={`fact-${f}`} />;
            })}
            {access.has('benefits.review') && (
              <Space>
                <Input size="small" placeholder={t('benefits.documentNo')} defaultValue={i.documentNo ?? ''} onChange={(e) => setDocs((d) => ({ ...d, [i.item]: e.target.value }))} />
                <Checkbox checked={i.paperFiled} onChange={(e) => void record(i.item, e.target.checked)} data-testid="checklist-filed">{t('benefits.paperFiled')}</Checkbox>
                <Button size="small" onClick={() => void record(i.item, i.paperFiled)} data-testid="checklist-save">{i.received ? t('common.save') : t('benefits.markReceived')}</Button>
              </Space>
            )}
          </Space>
        </List.Item>
      )} />
    </Drawer>
  );
}
