// State of a form's save/delete call: busy while it runs, and the failure message when it throws.
import { useState } from 'react';

export function useSaveAction() {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}
