// The fields of 登记人口变动 that depend on the kind of event.
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { DATE_FORMAT, isFutureDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels, type EventKindCode } from '../../app/labels';
import { AreaPicker } from './AreaPicker';
import { idNumberValidator } from './id-number-check';
import { PersonSelect, type Candidate } from './PersonSelect';

interface Props {
  kind: EventKindCode;
  subject: Candidate | null;
  spouse: Candidate | null;
  onSubject: (p: Candidate | null) => void;
  onParent: (role: 'mother' | 'father', p: Candidate | null) => void;
  mother: Candidate | null;
  father: Candidate | null;
}

const half = { xs: 24, md: 12 };

export function EventFields({ kind, subject, spouse, onSubject, onParent, mother, father }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t(key) }];
  const date = (
    <Form.Item name="date" label={kind === 'birth' ? t('event.birthDate') : t('event.date')} rules={required('event.dateRequired')}>
      <DatePicker format={DATE_FORMAT} disabledDate={isFutureDate} style={{ width: '100%' }} data-testid="event-date" />
    </Form.Item>
  );

  if (kind === 'birth') {
    return (
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="motherId" label={t('person.mother')} rules={required('event.motherRequired')}>
            <PersonSelect sex="F" aliveOnly initial={mother} onChange={(_, p) => onParent('mother', p ?? null)} data-testid="event-mother" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="fatherId" label={t('person.father')}>
            <PersonSelect sex="M" initial={father} onChange={(_, p) => onParent('father', p ?? null)} data-testid="event-father" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="name" label={t('event.childName')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }]}>
            <Input autoComplete="off" data-testid="event-child-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="sex" label={t('person.sex')} rules={required('person.sexRequired')}>
            <Radio.Group options={labels.sexOptions} data-testid="event-child-sex" />
          </Form.Item>
        </Col>
        <Col {...half}>{date}</Col>
        <Col {...half}>
          <Form.Item name="areaCode" label={t('event.birthArea')} rules={required('event.areaRequired')} extra={t('event.birthAreaHint')}>
            <AreaPicker data-testid="event-area" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="hukouType" label={t('person.hukouType')}>
            <Select allowClear options={labels.hukouTypeOptions} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="idNumber" label={t('person.idNumber')} rules={[{ validator: idNumberValidator(t) }]} extra={t('event.childIdHint')}>
            <Input maxLength={18} className="num" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    );
  }

  const areaLabel: Record<string, string> = {
    move_in: t('event.moveInArea'),
    move_out: t('event.moveOutArea'),
    residence_change: t('event.newResidence'),
  };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="personId" label={t('event.person')} rules={required('event.personRequired')}>
          <PersonSelect initial={subject} onChange={(_, p) => onSubject(p ?? null)} data-testid="event-person" />
        </Form.Item>
      </Col>
      <Col {...half}>{date}</Col>
      <Col {...half}>
        <Form.Item name="areaCode" label={areaLabel[kind] ?? t('event.area')} rules={required('event.areaRequired')}>
          <AreaPicker data-testid="event-area" />
        </Form.Item>
      </Col>
      {kind === 'move_in' && (
        <Col {...half}>
          <Form.Item
            name="fromAreaCode"
            label={t('event.fromArea')}
            rules={[...required('event.fromAreaRequired'), { pattern: /^(\d{6}|\d{9}|\d{12})$/, message: t('event.fromAreaInvalid') }]}
            extra={t('event.fromAreaHint')}
          >
            <Input maxLength={12} className="num" autoComplete="off" data-testid="event-from-area" />
          </Form.Item>
        </Col>
      )}
      {(kind === 'marriage' || kind === 'divorce') && (
        <Col {...half}>
          <Form.Item name="spouseId" label={t('event.spouse')} rules={required('event.spouseRequired')}>
            <PersonSelect aliveOnly={kind === 'marriage'} initial={spouse} excludeId={subject?.id} sex={subject ? (subject.sex === 'M' ? 'F' : 'M') : undefined} data-testid="event-spouse" />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item name="note" label={t('event.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
