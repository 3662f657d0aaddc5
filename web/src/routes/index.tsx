import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from '../components/layout';
import { LandingRedirect, PageAccess } from '../components/page-access';
import { SessionGate } from '../components/session-gate';
import type { Page } from '../lib/principal';
import { AdminRoute } from './admin';
import { CallRoute } from './call';
import { CallsRoute } from './calls';
import { CompareRoute } from './compare';
import { LoginRoute } from './login';
import { ScorecardRoute } from './scorecard';
import { SettingsRoute } from './settings';
import { TrendsRoute } from './trends';
import { WallboardRoute } from './wallboard';

const guarded = (path: string, page: Page, element: ReactElement): RouteObject => ({
  path,
  element: <PageAccess page={page}>{element}</PageAccess>,
});

/** /login is open; every other page is behind the session gate, and each one behind its roles. */
export const routes: RouteObject[] = [
  { path: 'login', element: <LoginRoute /> },
  {
    element: (
      <SessionGate>
        <Layout />
      </SessionGate>
    ),
    children: [
      { index: true, element: <LandingRedirect /> },
      guarded('wallboard', 'wallboard', <WallboardRoute />),
      guarded('compare', 'compare', <CompareRoute />),
      guarded('trends', 'trends', <TrendsRoute />),
      guarded('scorecard', 'scorecard', <ScorecardRoute />),
      guarded('calls', 'calls', <CallsRoute />),
      guarded('calls/:callId', 'calls', <CallRoute />),
      guarded('settings', 'settings', <SettingsRoute />),
      guarded('admin', 'admin', <AdminRoute />),
    ],
  },
];
