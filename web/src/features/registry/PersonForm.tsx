// Fields of 新增/编辑人员. Hukou and residence are set when a person is created; later they
// change only through population events (迁入/迁出/居住地变更).
import { Alert, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { DATE_FORMAT, isFutureDate, toDateString } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels, type SexCode } from '../../app/labels';
import { AreaPicker } from './AreaPicker';
import { idNumberValidator, readIdNumber } from './id-number-check';
import { IdNumberHint } from './IdNumberHint';
import { PersonSelect } from './PersonSelect';
import type { Person, PersonInput } from './types';
import { useIdNumberAssist } from './useIdNumberAssist';

/** The API body, with the birth date as the date picker's value and every field optional while typing. */
export type PersonFormValues = Partial<Omit<PersonInput, 'birthDate'>> & { birthDate?: Dayjs };

interface Props {
  form: FormInstance<PersonFormValues>;
  person?: Person; // edit mode
  onFinish: (v: PersonFormValues) => void;
  children?: ReactNode; // the buttons
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

export function PersonForm({ form, person, onFinish, children }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const editing = !!person;
  const idLocked = editing && !!person.idNumber?.includes('*'); // masked: this role cannot see or change it
  const { info, lookup } = useIdNumberAssist(form, !editing);

  const birthWarning = ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    warningOnly: true,
    validator: (_: unknown, v: Dayjs | undefined) => {
      const r = readIdNumber(getFieldValue('idNumber'));
      return r?.ok && v && toDateString(v) !== r.info.birthDate
        ? Promise.reject(new Error(t('idNumber.birthMismatch', { expected: r.info.birthDate })))
        : Promise.resolve();
    },
  });
  const sexWarning = ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    warningOnly: true,
    validator: (_: unknown, v: SexCode | undefined) => {
      const r = readIdNumber(getFieldValue('idNumber'));
      return r?.ok && v && v !== r.info.sex
        ? Promise.reject(new Error(t('idNumber.sexMismatch', { expected: labels.sex(r.info.sex) })))
        : Promise.resolve();
    },
  });

  return (
    <Form<PersonFormValues> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError data-testid="person-form">
      <Card title={t('person.identity')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...half}>
            {idLocked ? (
              <Form.Item label={t('person.idNumber')} extra={t('person.idNumberLocked')}>
                <Input value={person?.idNumber ?? ''} disabled className="num" />
              </Form.Item>
            ) : (
              <Form.Item
                name="idNumber"
                label={t('person.idNumber')}
                rules={[{ validator: idNumberValidator(t) }]}
                extra={<IdNumberHint info={info} lookup={lookup} />}
                normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
              >
                <Input maxLength={18} className="num" autoComplete="off" data-testid="person-id-number-input" />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }, { max: 50 }]}>
              <Input autoComplete="off" data-testid="person-name-input" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="sex" label={t('person.sex')} dependencies={['idNumber']} rules={[{ required: true, message: t('person.sexRequired') }, sexWarning]}>
              <Radio.Group options={labels.sexOptions} data-testid="person-sex-input" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="birthDate"
              label={t('person.birthDate')}
              dependencies={['idNumber']}
              rules={[{ required: true, message: t('person.birthDateRequired') }, birthWarning]}
            >
              <DatePicker format={DATE_FORMAT} disabledDate={isFutureDate} style={{ width: '100%' }} data-testid="person-birth-date-input" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="ethnicity" label={t('person.ethnicity')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={labels.ethnicityOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('person.registration')} size="small" style={{ marginBottom: 16 }}>
        {editing ? (
          <>
            <Alert type="info" showIcon title={t('person.areasByEvents')} style={{ marginBottom: 16 }} />
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item label={t('person.hukouArea')}>
                  <Typography.Text>{person.hukouArea.name}</Typography.Text>
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item label={t('person.residenceArea')}>
                  <Typography.Text>{person.residenceArea.name}</Typography.Text>
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="hukouAreaCode" label={t('person.hukouArea')} rules={[{ required: true, message: t('person.hukouAreaRequired') }]}>
                <AreaPicker data-testid="person-hukou-area-input" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="residenceAreaCode" label={t('person.residenceArea')} extra={t('person.residenceSameHint')}>
                <AreaPicker data-testid="person-residence-area-input" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item name="hukouType" label={t('person.hukouType')}>
              <Select allowClear options={labels.hukouTypeOptions} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="maritalStatus" label={t('person.maritalStatus')}>
              <Select allowClear options={labels.maritalOptions} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="phone" label={t('person.phone')} rules={[{ pattern: /^[\d-]{7,20}$/, message: t('person.phoneInvalid') }]}>
              <Input autoComplete="off" className="num" disabled={editing && !!person.phone?.includes('*')} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="disabilityGrade" label={t('person.disabilityGrade')}>
              <Select allowClear placeholder={t('person.disabilityNone')} options={[1, 2, 3, 4].map((g) => ({ value: g, label: labels.disabilityGrade(g) }))} data-testid="person-disability-input" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('person.relatives')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item name="motherId" label={t('person.mother')}>
              <PersonSelect sex="F" initial={person?.mother} excludeId={person?.id} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="fatherId" label={t('person.father')}>
              <PersonSelect sex="M" initial={person?.father} excludeId={person?.id} />
            </Form.Item>
          </Col>
          {!editing && (
            <Col {...third}>
              <Form.Item name="spouseId" label={t('person.spouse')} extra={t('person.spouseHint')}>
                <PersonSelect aliveOnly />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      {children}
    </Form>
  );
}
