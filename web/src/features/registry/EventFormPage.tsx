// 登记人口变动: births through POST /births, every other kind through POST /persons/:id/events.
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { toDateString } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels, type EventKindCode, type HukouTypeCode, type SexCode } from '../../app/labels';
import { PageHeader } from '../../app/PageHeader';
import { useProblem } from '../../app/problem';
import { EventFields } from './EventFields';
import { eventFormState, type EventFormState } from './event-form-state';
import { addEvent, getPerson, registerBirth } from './persons.api';
import type { Candidate } from './PersonSelect';

interface Values {
  kind?: EventKindCode;
  personId?: string;
  date?: Dayjs;
  areaCode?: string;
  fromAreaCode?: string;
  spouseId?: string;
  note?: string;
  // births
  motherId?: string;
  fatherId?: string;
  name?: string;
  sex?: SexCode;
  hukouType?: HukouTypeCode;
  idNumber?: string;
}

const AREA_FROM_SUBJECT: EventKindCode[] = ['death', 'move_out', 'marriage', 'divorce'];
const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

export function EventFormPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useProblem();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [subject, setSubject] = useState<Candidate | null>(null);
  const [spouse, setSpouse] = useState<Candidate | null>(null);
  const [parents, setParents] = useState<{ mother: Candidate | null; father: Candidate | null }>({ mother: null, father: null });
  const [saving, setSaving] = useState(false);
  const personId = params.get('personId');
  const passed = useLocation().state as EventFormState | null;

  useEffect(() => {
    if (!personId) return;
    const apply = ({ subject: p, spouse: s }: EventFormState) => {
      setSubject(p);
      setSpouse(s);
      const mother = p.sex === 'F' ? p : s?.sex === 'F' ? s : null;
      const father = p.sex === 'M' ? p : s?.sex === 'M' ? s : null;
      setParents({ mother, father });
      form.setFieldsValue({ personId: p.id, motherId: mother?.id, fatherId: father?.id });
    };
    if (passed?.subject.id === personId) apply(passed);
    else
      getPerson(personId)
        .then((p) => apply(eventFormState(p)))
        .catch(report);
  }, [personId, passed, form, report]);

  // Sensible defaults when the kind or the person changes; never overwrite a choice.
  useEffect(() => {
    if (!kind) return;
    const area = form.getFieldValue('areaCode') as string | undefined;
    const fallback = kind === 'birth' ? parents.mother?.hukouArea?.code : AREA_FROM_SUBJECT.includes(kind) ? subject?.hukouArea?.code : undefined;
    if (!area && fallback) form.setFieldsValue({ areaCode: fallback });
    if (kind === 'divorce' && spouse && !form.getFieldValue('spouseId')) form.setFieldsValue({ spouseId: spouse.id });
  }, [kind, subject, spouse, parents.mother, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      if (v.kind === 'birth') {
        const r = await registerBirth({
          name: v.name!.trim(),
          sex: v.sex!,
          date: toDateString(v.date)!,
          areaCode: v.areaCode!,
          motherId: v.motherId!,
          fatherId: v.fatherId,
          idNumber: trimmed(v.idNumber),
          hukouType: v.hukouType,
        });
        message.success(t('event.birthSaved', { name: r.person.name }));
        navigate(`/persons/${r.person.id}`);
      } else {
        await addEvent(v.personId!, {
          kind: v.kind!,
          date: toDateString(v.date)!,
          areaCode: v.areaCode!,
          fromAreaCode: v.kind === 'move_in' ? trimmed(v.fromAreaCode) : undefined,
          spouseId: v.kind === 'marriage' || v.kind === 'divorce' ? v.spouseId : undefined,
          note: trimmed(v.note),
        });
        message.success(t('event.saved', { kind: labels.eventKind(v.kind) }));
        navigate(`/persons/${v.personId}`);
      }
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.events')} subTitle={subject ? subject.name : undefined} />
      <Card style={{ maxWidth: 900 }}>
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="event-form">
          <Form.Item name="kind" label={t('event.kind')} rules={[{ required: true, message: t('event.kindRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={labels.eventKindOptions} data-testid="event-kind" />
          </Form.Item>
          {kind && (
            <EventFields
              kind={kind}
              subject={subject}
              spouse={spouse}
              mother={parents.mother}
              father={parents.father}
              onSubject={(p) => {
                setSubject(p);
                setSpouse(null);
              }}
              onParent={(role, p) => setParents((prev) => ({ ...prev, [role]: p }))}
            />
          )}
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} disabled={!kind} data-testid="event-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(personId ? `/persons/${personId}` : '/persons')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
