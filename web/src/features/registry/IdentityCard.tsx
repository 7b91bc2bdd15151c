// 身份信息: the person's identity and registration. The full ID number and phone appear
// only when the server sent them unmasked (persons.readFull), and that read is audited.
import { EyeOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Tag } from 'antd';
import { formatDate, formatInstant } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { StatusTag } from './StatusTag';
import type { Person } from './types';

export function IdentityCard({ person }: { person: Person }) {
  const { t } = useI18n();
  const labels = useLabels();
  const unmasked = !!person.idNumber && !person.idNumberMasked && !person.idNumber.includes('*');

  return (
    <Card title={t('person.identity')} size="small">
      {unmasked && (
        <Alert type="info" showIcon icon={<EyeOutlined />} title={t('person.auditedView')} style={{ marginBottom: 12 }} data-testid="person-audited-note" />
      )}
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered>
        <Descriptions.Item label={t('person.idNumber')}>
          <span className="num" data-testid="person-id-number">
            {person.idNumber ?? t('person.noIdNumber')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('person.sex')}>{labels.sex(person.sex)}</Descriptions.Item>
        <Descriptions.Item label={t('person.birthDate')}>
          <span className="num">{formatDate(person.birthDate)}</span>{t('person.ageYears', { age: person.age })}
        </Descriptions.Item>
        <Descriptions.Item label={t('person.ethnicity')}>{labels.ethnicity(person.ethnicity)}</Descriptions.Item>
        <Descriptions.Item label={t('person.maritalStatus')}>{labels.maritalStatus(person.maritalStatus)}</Descriptions.Item>
        <Descriptions.Item label={t('person.phone')}>
          <span className="num">{person.phone || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('person.disabilityGrade')}>{person.disabilityGrade ? labels.disabilityGrade(person.disabilityGrade) : t('person.disabilityNone')}</Descriptions.Item>
        <Descriptions.Item label={t('person.hukouArea')}>{person.hukouArea.name}</Descriptions.Item>
        <Descriptions.Item label={t('person.residenceArea')}>
          {person.residenceArea.name}
          {person.isMigrant && (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('person.migrantTag')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('person.hukouType')}>{labels.hukouType(person.hukouType)}</Descriptions.Item>
        <Descriptions.Item label={t('person.status')}>
          <StatusTag status={person.status} />
        </Descriptions.Item>
        {person.deathDate && (
          <Descriptions.Item label={t('person.deathDate')}>
            <span className="num">{formatDate(person.deathDate)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('person.updatedAt')}>
          <span className="num">{formatInstant(person.updatedAt)}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
