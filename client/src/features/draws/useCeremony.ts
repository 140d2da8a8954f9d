/**
 * The task's draw as it happens: the ceremony query, kept current by the drawCeremony subscription
 * (its events carry the draw, which lands in the cache) and, should the socket be down, by polling
 * while something can still change.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { CEREMONY, DRAW_CEREMONY_EVENTS } from './operations';

const POLL_MS = 5_000;

export function useCeremony(taskId: string, onDrawn?: () => void) {
  const query = useQuery(CEREMONY, { variables: { taskId }, fetchPolicy: 'cache-and-network' });
  const task = query.data?.node.__typename === 'Task' ? query.data.node : null;
  const draw = task?.draw ?? null;
  const open = !!task && (task.status === 'DRAFT' || draw?.status === 'COMMITTED');
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (open) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [open, startPolling, stopPolling]);

  const subscription = useSubscription(DRAW_CEREMONY_EVENTS, { variables: { drawId: draw?.id ?? '' }, skip: !draw || draw.status !== 'COMMITTED' });

  // Tell the page once when the draw turns from committed to drawn while it is open.
  const lastStatus = useRef(draw?.status);
  useEffect(() => {
    if (lastStatus.current === 'COMMITTED' && draw?.status === 'DRAWN') onDrawn?.();
    lastStatus.current = draw?.status;
  }, [draw?.status, onDrawn]);

  return { task, draw, error: query.error, live: !!draw && draw.status === 'COMMITTED' && !subscription.error, subscriptionError: subscription.error };
}
