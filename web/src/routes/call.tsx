import { useParams } from 'react-router';
import { CallPage } from '../features/calls/call-page';

export function CallRoute() {
  const { callId } = useParams();
  return <CallPage callId={callId ?? ''} />;
}
