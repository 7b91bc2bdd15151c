// 首页: who and where the user is, and links to the daily work. The statistics dashboard
// will come here later.
import { AuditOutlined, CloudUploadOutlined, FormOutlined, TeamOutlined, UserAddOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { areaLevelOf } from '@domain/registry/codes';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAccess } from './access';
import { useUser } from './auth';
import { useI18n, type MessageKey } from './i18n';
import { useLabels } from './labels';
import { PageHeader } from './PageHeader';

interface QuickLink {
  to: string;
  icon: ReactNode;
  title: MessageKey;
  text: MessageKey;
  show: boolean;
}

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const access = useAccess();
  const labels = useLabels();

  const links: QuickLink[] = [
    { to: '/persons', icon: <TeamOutlined />, title: 'nav.registry', text: 'home.registryText', show: access.canReadPersons },
    { to: '/persons/new', icon: <UserAddOutlined />, title: 'person.new', text: 'home.newPersonText', show: access.canWritePersons },
    { to: '/events/new', icon: <FormOutlined />, title: 'nav.events', text: 'home.eventsText', show: access.canWritePersons },
    { to: '/imports', icon: <CloudUploadOutlined />, title: 'nav.imports', text: 'home.importsText', show: access.canImport },
    { to: '/users', icon: <UsergroupAddOutlined />, title: 'nav.users', text: 'home.usersText', show: access.canManageUsers },
    { to: '/audit', icon: <AuditOutlined />, title: 'nav.audit', text: 'home.auditText', show: access.canReadAudit },
  ];

  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.displayName })} />
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('home.area')}>
            <span data-testid="home-area">{user.areaName}</span>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {labels.areaLevel(areaLevelOf(user.areaCode))} · <span className="num">{user.areaCode}</span>
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.role')}>{labels.role(user.role)}</Descriptions.Item>
          <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5}>{t('home.quickLinks')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <Col key={l.to} xs={24} sm={12} lg={8}>
              <Link to={l.to}>
                <Card hoverable>
                  <Card.Meta avatar={<span style={{ fontSize: 28, color: '#1a56a8' }}>{l.icon}</span>} title={t(l.title)} description={t(l.text)} />
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
    </>
  );
}
