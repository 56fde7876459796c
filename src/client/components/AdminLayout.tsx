import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useMatches, useNavigate, useRouterState } from '@tanstack/react-router';
import { Alert, Button, Drawer, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
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
  // Below lg (a phone) the menu is a drawer opened from a button in the header: antd's collapsed
  // Sider put its trigger over the page's content and, opened, squeezed the page beside it.
  const narrow = Grid.useBreakpoint().lg === false;
  const [menuOpen, setMenuOpen] = useState(false);

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

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={me.mustChangePassword ? items.filter((i) => i.key === '/admin/password') : items}
      onClick={({ key }) => {
        setMenuOpen(false);
        void navigate({ to: key });
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider theme="light">
          <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          {menu}
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} title={t('app.title')} size={260} styles={{ body: { padding: 0 } }} data-testid="nav-drawer">
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        {/* Height follows the content, so on a phone the name, role and buttons wrap instead of spilling out. */}
        <Layout.Header style={{ background: 'transparent', display: 'flex', justifyContent: narrow ? 'space-between' : 'flex-end', alignItems: 'center', gap: 8, paddingInline: 16, height: 'auto', minHeight: 64, lineHeight: 'normal', paddingBlock: 12 }}>
          {narrow && (
            <Button icon={<MenuOutlined aria-hidden />} onClick={() => setMenuOpen(true)} aria-label={t('nav.menu')} aria-expanded={menuOpen} data-testid="nav-menu-button">
              {t('nav.menu')}
            </Button>
          )}
          <Space wrap style={{ justifyContent: 'flex-end' }}>
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
