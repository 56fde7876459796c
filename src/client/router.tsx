import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type RouteComponent } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '../shared/contracts/auth';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { meQuery } from './session';

// The console is loaded only after sign-in, so the public page stays light on a phone.
const AdminLayout = lazyRouteComponent(() => import('./components/AdminLayout'), 'AdminLayout');
const AdminHomePage = lazyRouteComponent(() => import('./pages/AdminHomePage'), 'AdminHomePage');
const CampaignPage = lazyRouteComponent(() => import('./pages/CampaignPage'), 'CampaignPage');
const UnitsPage = lazyRouteComponent(() => import('./pages/UnitsPage'), 'UnitsPage');
const PeoplePage = lazyRouteComponent(() => import('./pages/PeoplePage'), 'PeoplePage');
const AccountsPage = lazyRouteComponent(() => import('./pages/AccountsPage'), 'AccountsPage');
const AuditPage = lazyRouteComponent(() => import('./pages/AuditPage'), 'AuditPage');
const PasswordPage = lazyRouteComponent(() => import('./pages/PasswordPage'), 'PasswordPage');
const MyPage = lazyRouteComponent(() => import('./pages/MyPage'), 'MyPage');

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });

/** Everything under /admin needs a session; a pending password change comes before anything else. */
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: AdminLayout,
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login' });
    if (me.mustChangePassword && location.pathname !== '/admin/password') throw redirect({ to: '/admin/password' });
    return { me };
  },
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    if (context.me.role === 'unit') throw redirect({ to: '/admin/people' });
  },
  component: AdminHomePage,
});

function gated<P extends string>(path: P, roles: readonly Role[] | 'any', component: RouteComponent) {
  return createRoute({ getParentRoute: () => adminRoute, path, component, staticData: { roles } });
}

const STAFF = ['admin', 'committee', 'unit'] as const;

const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  adminRoute.addChildren([
    adminIndexRoute,
    gated('campaign', STAFF, CampaignPage),
    gated('units', ['admin', 'committee'], UnitsPage),
    gated('people', STAFF, PeoplePage),
    gated('accounts', ['admin'], AccountsPage),
    gated('audit', ['admin'], AuditPage),
    gated('password', 'any', PasswordPage),
    gated('me', 'any', MyPage),
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
  interface StaticDataRouteOption {
    /** Who may open the page; the console layout refuses everyone else (AdminLayout → RoleGate). */
    roles?: readonly Role[] | 'any';
  }
}
