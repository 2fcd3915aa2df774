import { useCallback, useState } from 'react';

/**
 * A request a button or form starts: busy while it runs (to disable the control), and the error it
 * failed with (to show beside it), cleared when it starts again.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
