// Placeholder until the feature lands.
export function CallPage({ callId }: { callId: string }) {
  return <p>{callId}</p>;
}
