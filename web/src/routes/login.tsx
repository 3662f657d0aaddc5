import { z } from 'zod';
import { LoginPage } from '../features/auth/login-page';
import { useSearch } from '../lib/search-params';

export const loginSearch = z.object({
  next: z.string().optional().catch(undefined),
});

export function LoginRoute() {
  const [search] = useSearch(loginSearch);
  return <LoginPage next={search.next} />;
}
