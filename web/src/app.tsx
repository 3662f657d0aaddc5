import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './lib/api';
import { i18n } from './lib/i18n';
import { session } from './lib/session';
import { routes } from './routes';
import './styles.css';

// Refusals (401, 403) do not change on a second try.
const retryOnce = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && (error.status === 401 || error.status === 403));
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: retryOnce, refetchOnWindowFocus: false } } });

// Before the router reads the URL: a TV's ?token= must never reach its state or the address bar again.
session.captureKioskToken();

const router = createBrowserRouter(routes);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
