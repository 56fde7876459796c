import { LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useMatches, useNavigate, useRouterState } from '@tanstack/react-router';
import { Alert, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { forgetMe, meQuery } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS } from './nav';
import { RoleGate } from './RoleGate';

export function AdminLayout() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const roles = useMatches({ select: (ms) => ms.at(-1)?.staticData.roles ?? 'any' });
  const { data: me, isPending } = useQuery(meQuery);

  if (isPending) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" />;

  const items = NAV_ITEMS.filter((i) => i.roles.includes(me.role)).map((i) => ({ key: i.path, label: t(i.label) }));
  // A page under a menu entry (/admin/competitions/3) keeps that entry highlighted.
  const path = pathname.replace(/\/$/, '') || '/admin';
  const selected = items.map((i) => i.key).filter((k) => path === k || (k !== '/admin' && path.startsWith(`${k}/`))).sort((a, b) => b.length - a.length)[0] ?? path;

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      await navigate({ to: '/login' });
      forgetMe();
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light">
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={me.mustChangePassword ? items.filter((i) => i.key === '/admin/password') : items}
          onClick={({ key }) => void navigate({ to: key })}
        />
      </Layout.Sider>
      <Layout>
        {/* Height follows the content, so on a phone the name, role and buttons wrap instead of spilling out. */}
        <Layout.Header style={{ background: 'transparent', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 16, height: 'auto', minHeight: 64, lineHeight: 'normal', paddingBlock: 12 }}>
          <Space wrap>
            <span>{me.displayName}</span>
            <Tag color="blue">{labels.role(me.role)}</Tag>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          {me.mustChangePassword && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
          <RoleGate roles={roles}>
            <Outlet />
          </RoleGate>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
