import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type RouteComponent } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '../shared/contracts/auth';
import { HomePage } from './core/pages/HomePage';
import { LoginPage } from './core/pages/LoginPage';
import { NotFoundPage } from './core/pages/NotFoundPage';
import { meQuery } from './session';

// The console is loaded only after sign-in, so the public page stays light on a phone.
const AdminLayout = lazyRouteComponent(() => import('./components/AdminLayout'), 'AdminLayout');
const AdminHomePage = lazyRouteComponent(() => import('./core/pages/AdminHomePage'), 'AdminHomePage');
const CampaignPage = lazyRouteComponent(() => import('./core/pages/CampaignPage'), 'CampaignPage');
const TradesPage = lazyRouteComponent(() => import('./core/pages/TradesPage'), 'TradesPage');
const UnitsPage = lazyRouteComponent(() => import('./core/pages/UnitsPage'), 'UnitsPage');
const PeoplePage = lazyRouteComponent(() => import('./core/pages/PeoplePage'), 'PeoplePage');
const AccountsPage = lazyRouteComponent(() => import('./core/pages/AccountsPage'), 'AccountsPage');
const AuditPage = lazyRouteComponent(() => import('./core/pages/AuditPage'), 'AuditPage');
const PasswordPage = lazyRouteComponent(() => import('./core/pages/PasswordPage'), 'PasswordPage');
const MyPage = lazyRouteComponent(() => import('./core/pages/MyPage'), 'MyPage');
const CompetitionsPage = lazyRouteComponent(() => import('./competition/pages/CompetitionsPage'), 'CompetitionsPage');
const CompetitionPage = lazyRouteComponent(() => import('./competition/pages/CompetitionPage'), 'CompetitionPage');
const MarkingHomePage = lazyRouteComponent(() => import('./competition/pages/MarkingHomePage'), 'MarkingHomePage');
const MarkingPage = lazyRouteComponent(() => import('./competition/pages/MarkingPage'), 'MarkingPage');
const PrintLayout = lazyRouteComponent(() => import('./components/PrintLayout'), 'PrintLayout');
const ScoreSheetPage = lazyRouteComponent(() => import('./competition/pages/ScoreSheetPage'), 'ScoreSheetPage');
const DrawPrintPage = lazyRouteComponent(() => import('./competition/pages/DrawPrintPage'), 'DrawPrintPage');
const CalendarPage = lazyRouteComponent(() => import('./core/pages/CalendarPage'), 'CalendarPage');
const PublicResultsPage = lazyRouteComponent(() => import('./competition/pages/PublicResultsPage'), 'PublicResultsPage');
const SelectionRoundsPage = lazyRouteComponent(() => import('./selection/pages/SelectionRoundsPage'), 'SelectionRoundsPage');
const SelectionRoundPage = lazyRouteComponent(() => import('./selection/pages/SelectionRoundPage'), 'SelectionRoundPage');
const TrainingPage = lazyRouteComponent(() => import('./training/pages/TrainingPage'), 'TrainingPage');
const ClassPage = lazyRouteComponent(() => import('./training/pages/ClassPage'), 'ClassPage');
const PlansReviewPage = lazyRouteComponent(() => import('./training/completion/PlansReviewPage'), 'PlansReviewPage');
const TeachPage = lazyRouteComponent(() => import('./training/attendance/TeachPage'), 'TeachPage');
const MyTrainingPage = lazyRouteComponent(() => import('./training/attendance/MyTrainingPage'), 'MyTrainingPage');
const CheckinPage = lazyRouteComponent(() => import('./training/attendance/CheckinPage'), 'CheckinPage');
const ReviewingPage = lazyRouteComponent(() => import('./selection/pages/ReviewingPage'), 'ReviewingPage');
const PublicSchedulePage = lazyRouteComponent(() => import('./training/pages/PublicSchedulePage'), 'PublicSchedulePage');
const PublicNoticePage = lazyRouteComponent(() => import('./core/pages/PublicNoticePage'), 'PublicNoticePage');

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });

/** 成绩公示: the public site's notices (no sign-in; /verify/<serial> is the server's own page). */
const publicResultsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/results', component: PublicResultsPage });
const publicNoticeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/results/$noticeId', component: PublicNoticePage });
/** 培训开班课表: the training classes and their sessions, for anyone. */
const publicTrainingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/training', component: PublicSchedulePage });

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
    if (context.me.role === 'judge') throw redirect({ to: '/admin/marking' });
  },
  component: AdminHomePage,
});

function gated<P extends string>(path: P, roles: readonly Role[] | 'any', component: RouteComponent) {
  return createRoute({ getParentRoute: () => adminRoute, path, component, staticData: { roles } });
}

const STAFF = ['admin', 'committee', 'unit'] as const;

const optionalNumber = (v: unknown) => (v === undefined || v === '' || v === null || !Number.isFinite(Number(v)) ? undefined : Number(v));
const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : v === undefined || v === null ? undefined : String(v));

/** 技能竞赛: a competition's console, the tab in the address (?tab=draw) so it survives a reload. */
const competitionRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'competitions/$id',
  component: CompetitionPage,
  staticData: { roles: STAFF },
  validateSearch: (s: Record<string, unknown>): { tab?: 'setup' | 'scheme' | 'entries' | 'staff' | 'draw' | 'progress' | 'decode' | 'results' | 'appeals' | 'notice' | 'certificates' } => ({
    tab: optionalString(s.tab) as never,
  }),
});

/** 我的评分: a judge's marking screen; the aspect and code picked are in the address. */
const markingRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'marking/$id',
  component: MarkingPage,
  staticData: { roles: ['judge'] },
  validateSearch: (s: Record<string, unknown>): { aspectId?: number; code?: string; view?: 'mark' | 'chief' } => ({
    aspectId: optionalNumber(s.aspectId),
    code: optionalString(s.code),
    view: s.view === 'chief' ? 'chief' : s.view === 'mark' ? 'mark' : undefined,
  }),
});

/** 技术能手评选: a round's console, the tab in the address (?tab=…); each tab names its roles. */
const selectionRoundRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'selection/$id',
  component: SelectionRoundPage,
  staticData: { roles: 'any' },
  validateSearch: (s: Record<string, unknown>): { tab?: string } => ({ tab: optionalString(s.tab) }),
});

/** 培训班: a class's console, the tab in the address (?tab=…); each tab names its roles. */
const trainingClassRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'training/classes/$id',
  component: ClassPage,
  staticData: { roles: 'any' },
  validateSearch: (s: Record<string, unknown>): { tab?: string } => ({ tab: optionalString(s.tab) }),
});

/** 扫码签到: the trainee's phone opens the QR's address; the anonymous sign in first and come back. */
const checkinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/checkin',
  component: CheckinPage,
  validateSearch: (s: Record<string, unknown>): { c?: string } => ({ c: optionalString(s.c) }),
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { next: location.href } as never });
  },
});

/** Pages made for paper (score sheets, the draw list): signed in, but without the console around them. */
const printRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/print',
  component: PrintLayout,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login' });
    return { me };
  },
});

const sheetPrintRoute = createRoute({
  getParentRoute: () => printRoute,
  path: 'competitions/$id/sheet',
  component: ScoreSheetPage,
  staticData: { roles: ['admin', 'committee', 'judge'] },
  validateSearch: (s: Record<string, unknown>): { aspectId?: number; criterion?: string } => ({
    aspectId: optionalNumber(s.aspectId),
    criterion: optionalString(s.criterion),
  }),
});

const drawPrintRoute = createRoute({
  getParentRoute: () => printRoute,
  path: 'competitions/$id/draw',
  component: DrawPrintPage,
  staticData: { roles: ['admin', 'committee', 'judge'] },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  checkinRoute,
  publicResultsRoute,
  publicNoticeRoute,
  publicTrainingRoute,
  adminRoute.addChildren([
    adminIndexRoute,
    gated('campaign', STAFF, CampaignPage),
    gated('selection', 'any', SelectionRoundsPage),
    selectionRoundRoute,
    gated('training', 'any', TrainingPage),
    gated('training/plans-review', ['judge'], PlansReviewPage),
    trainingClassRoute,
    gated('training/sessions/$id/teach', ['admin', 'committee', 'unit', 'judge'], TeachPage),
    gated('training/my', ['person'], MyTrainingPage),
    gated('units', ['admin', 'committee'], UnitsPage),
    gated('trades', ['admin'], TradesPage),
    gated('people', STAFF, PeoplePage),
    gated('accounts', ['admin'], AccountsPage),
    gated('audit', ['admin'], AuditPage),
    gated('password', 'any', PasswordPage),
    gated('me', 'any', MyPage),
    gated('competitions', STAFF, CompetitionsPage),
    competitionRoute,
    gated('calendar', ['admin', 'committee'], CalendarPage),
    gated('marking', ['judge'], MarkingHomePage),
    markingRoute,
    gated('reviewing', ['judge'], ReviewingPage),
  ]),
  printRoute.addChildren([sheetPrintRoute, drawPrintRoute]),
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
