/**
 * Sends the signed-in user's queued work whenever there is a connection: at sign-in, when the browser
 * comes online, and every 30 seconds; after a pass that sent something, the pages showing data read it again.
 */
import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { onSent, reloadQueue, sendQueue } from './queue';

const EVERY_MS = 30_000;

export function OfflineSync({ owner }: { owner: string }) {
  const client = useApolloClient();
  useEffect(() => {
    const go = () => void sendQueue(owner);
    void reloadQueue().then(go);
    window.addEventListener('online', go);
    const timer = window.setInterval(go, EVERY_MS);
    const stop = onSent(() => void client.refetchQueries({ include: 'active' }));
    return () => {
      window.removeEventListener('online', go);
      window.clearInterval(timer);
      stop();
    };
  }, [owner, client]);
  return null;
}
