import { useEffect, useState } from 'react';

/** Server clock − screen clock, estimated each time fresh figures arrive (their `at` is the server's now). */
export function useClockOffset(serverAt: string | undefined): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (!serverAt) return;
    const at = Date.parse(serverAt);
    if (Number.isFinite(at)) setOffset(at - Date.now());
  }, [serverAt]);
  return offset;
}
