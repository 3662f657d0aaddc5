import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Layout } from './components/layout';
import { i18n } from './lib/i18n';
import { CallRoute } from './routes/call';
import { CallsRoute } from './routes/calls';
import { CompareRoute } from './routes/compare';
import { ScorecardRoute } from './routes/scorecard';
import { SettingsRoute } from './routes/settings';
import { TrendsRoute } from './routes/trends';
import { WallboardRoute } from './routes/wallboard';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/wallboard" replace /> },
      { path: 'wallboard', element: <WallboardRoute /> },
      { path: 'compare', element: <CompareRoute /> },
      { path: 'trends', element: <TrendsRoute /> },
      { path: 'scorecard', element: <ScorecardRoute /> },
      { path: 'calls', element: <CallsRoute /> },
      { path: 'calls/:callId', element: <CallRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
    ],
  },
]);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
