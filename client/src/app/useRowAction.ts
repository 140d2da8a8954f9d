/**
 * One action at a time per table row (停用, 下线, 暂停…): the row's button shows a spinner while it
 * runs. Pop-confirms call `run` without waiting, so they close at once rather than keeping a spinner
 * of their own (antd leaves that spinner's "loading" label behind in the hidden pop-up).
 */
import { useCallback, useState } from 'react';

export function useRowAction(): { busyId: string | null; run: (id: string, action: () => Promise<void>) => void } {
  const [busyId, setBusyId] = useState<string | null>(null);
  const run = useCallback((id: string, action: () => Promise<void>) => {
    setBusyId(id);
    void action().finally(() => setBusyId((current) => (current === id ? null : current)));
  }, []);
  return { busyId, run };
}
