// The back-office frame: side menu (by permission), header with area, user and language.
import {
  AimOutlined,
  AuditOutlined,
  AccountBookOutlined,
  FundProjectionScreenOutlined,
  SafetyCertificateOutlined,
  GiftOutlined,
  BarChartOutlined,
  DashboardOutlined,
  CloudUploadOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { App, Dropdown, Layout, Menu, Modal, Space, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAccess } from './access';
import { useUser, useAuth } from './auth';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useI18n } from './i18n';
import { useLabels } from './labels';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './PageLoading';

const { Sider, Header, Content } = Layout;

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/events')) return '/events/new';
  if (pathname.startsWith('/benefits/')) return `/benefits/${pathname.split('/')[2] ?? ''}`;
  const first = '/' + (pathname.split('/')[1] ?? '');
  return first;
}

export function Shell() {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useAuth();
  const access = useAccess();
  const labels = useLabels();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    access.has('stats.read') && { key: '/dashboard', icon: <DashboardOutlined />, label: <Link to="/dashboard">{t('nav.dashboard')}</Link> },
    access.canReadPersons && { key: '/persons', icon: <TeamOutlined />, label: <Link to="/persons">{t('nav.registry')}</Link> },
    access.canWritePersons && { key: '/events/new', icon: <FormOutlined />, label: <Link to="/events/new">{t('nav.events')}</Link> },
    access.canImport && { key: '/imports', icon: <CloudUploadOutlined />, label: <Link to="/imports">{t('nav.imports')}</Link> },
    access.has('stats.read') && { key: '/stats', icon: <BarChartOutlined />, label: <Link to="/stats">{t('nav.stats')}</Link> },
    access.has('stats.read') && { key: '/targets', icon: <AimOutlined />, label: <Link to="/targets">{t('nav.targets')}</Link> },
    access.has('stats.read') && { key: '/service-records', icon: <FileDoneOutlined />, label: <Link to="/service-records">{t('nav.records')}</Link> },
    access.has('benefits.read') && { key: '/benefits/programmes', icon: <GiftOutlined />, label: <Link to="/benefits/programmes">{t('nav.benefits')}</Link> },
    access.has('benefits.read') && { key: '/benefits/cycles', icon: <AccountBookOutlined />, label: <Link to="/benefits/cycles">{t('nav.benefitCycles')}</Link> },
    access.has('benefits.read') && { key: '/benefits/consistency', icon: <SafetyCertificateOutlined />, label: <Link to="/benefits/consistency">{t('nav.benefitConsistency')}</Link> },
    access.has('benefits.read') && { key: '/benefits/forecast', icon: <FundProjectionScreenOutlined />, label: <Link to="/benefits/forecast">{t('nav.benefitForecast')}</Link> },
    access.canManageUsers && { key: '/users', icon: <UsergroupAddOutlined />, label: <Link to="/users">{t('nav.users')}</Link> },
    access.canReadAudit && { key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> },
  ].filter(Boolean) as MenuProps['items'];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('password.change') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') {
      await logout().catch(() => undefined);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: '0 20px', color: '#fff', overflow: 'hidden', whiteSpace: 'nowrap' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span style={{ fontSize: 15, fontWeight: 600 }}>{t('app.shortTitle')}</span>}
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} data-testid="side-menu" />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space size={16}>
            <Tag icon={<EnvironmentOutlined />} color="blue" data-testid="header-area">
              {user.areaName}
            </Tag>
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
              <a onClick={(e) => e.preventDefault()} data-testid="header-user">
                <Space size={6}>
                  <UserOutlined />
                  {user.displayName}
                  <Typography.Text type="secondary">{labels.role(user.role)}</Typography.Text>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Space>
              </a>
            </Dropdown>
            <LanguageSwitch />
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <Modal title={t('password.change')} open={changingPassword} onCancel={() => setChangingPassword(false)} footer={null} destroyOnHidden>
        <ChangePasswordForm
          onDone={() => {
            setChangingPassword(false);
            message.success(t('password.changed'));
          }}
        />
      </Modal>
    </Layout>
  );
}
