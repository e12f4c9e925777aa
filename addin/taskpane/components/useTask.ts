import { useCallback, useState } from 'react';

export interface Task {
  busy: boolean;
  error: Error | null;
  clearError: () => void;
  /** Runs an action; a failure is kept in `error` for the pane to show, never dropped. */
  run: (action: () => Promise<void>) => Promise<void>;
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError: useCallback(() => setError(null), []), run };
}
