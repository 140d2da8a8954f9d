/**
 * What a notification does when used: opening it marks it read and goes to its link; 全部已读 marks all.
 * Afterwards the unread count and every notification list on screen are asked again.
 */
import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { navigate } from '../../app/navigation';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { MARK_ALL_NOTIFICATIONS_READ, MARK_NOTIFICATIONS_READ, MY_NOTIFICATIONS, UNREAD_NOTIFICATION_COUNT, type NotificationRow } from './operations';

export function useNotificationActions() {
  const client = useApolloClient();
  const notify = useNotifyProblem();
  const [markRead] = useMutation(MARK_NOTIFICATIONS_READ);
  const [markAll, { loading: markingAll }] = useMutation(MARK_ALL_NOTIFICATIONS_READ);

  const refresh = useCallback(() => client.refetchQueries({ include: [UNREAD_NOTIFICATION_COUNT, MY_NOTIFICATIONS] }), [client]);

  const markOne = useCallback(
    async (row: Pick<NotificationRow, 'id' | 'read'>) => {
      if (row.read) return;
      try {
        await markRead({ variables: { ids: [row.id] } });
        await refresh();
      } catch (error) {
        notify(error);
      }
    },
    [markRead, refresh, notify],
  );

  const open = useCallback(
    async (row: Pick<NotificationRow, 'id' | 'read' | 'link'>) => {
      await markOne(row);
      if (row.link?.startsWith('/')) navigate(row.link);
    },
    [markOne],
  );

  const markAllRead = useCallback(async (): Promise<number | null> => {
    try {
      const { data } = await markAll();
      await refresh();
      return data?.markAllNotificationsRead ?? 0;
    } catch (error) {
      notify(error);
      return null;
    }
  }, [markAll, refresh, notify]);

  return { open, markOne, markAllRead, markingAll, refresh };
}
