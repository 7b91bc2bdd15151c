// 人员详情: identity, relatives, hukou/residence history and population events.
import { ArrowLeftOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAccess } from '../../app/access';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { PageLoading } from '../../app/PageLoading';
import { eventFormState } from './event-form-state';
import { EventsTable } from './EventsTable';
import { IdentityCard } from './IdentityCard';
import { LoadFailed } from './LoadFailed';
import { RelativesCard } from './RelativesCard';
import { SpansTable } from './SpansTable';
import { StatusTag } from './StatusTag';
import { usePerson } from './usePerson';

export function PersonPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const { person, error, loading, reload } = usePerson(id);
  // Back within the app when there is history, else to the list (page opened from a link).
  const back = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/persons'));

  if (loading && !person) return <PageLoading />;
  if (!person) return <LoadFailed error={error} onRetry={reload} />;

  const addEvent = (
    <Link to={`/events/new?personId=${person.id}`} state={eventFormState(person)}>
      <Button icon={<FormOutlined />} data-testid="person-add-event">
        {t('event.add')}
      </Button>
    </Link>
  );

  return (
    <>
      <PageHeader
        title={person.name}
        testId="person-name"
        subTitle={
          <Space size={4}>
            <StatusTag status={person.status} />
            {person.isMigrant && <Tag color="orange">{t('person.migrantTag')}</Tag>}
            {person.synthetic && <Tag>{t('person.synthetic')}</Tag>}
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              {t('common.back')}
            </Button>
            {access.canWritePersons && addEvent}
            {access.canWritePersons && (
              <Link to={`/persons/${person.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />} data-testid="person-edit">
                  {t('common.edit')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <IdentityCard person={person} />
        <RelativesCard person={person} />
        <SpansTable spans={person.spans} />
        <EventsTable events={person.events} canWrite={access.canWritePersons} onChanged={() => void reload()} />
      </Space>
    </>
  );
}
