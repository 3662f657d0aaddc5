import { useParams } from 'react-router';
import { z } from 'zod';
import { CallPage } from '../features/calls/call-page';
import { useSearch } from '../lib/search-params';

const callSearch = z.object({ tenant: z.string().min(1).max(64).catch('default').default('default') });

export function CallRoute() {
  const { callId } = useParams();
  const [search] = useSearch(callSearch);
  return <CallPage callId={callId ?? ''} tenant={search.tenant} />;
}
