/** 我的账号: who I am, then changing the password, my notification settings, my signed-in devices and my sign-in history. */
import { Flex } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { MePage } from '../me/MePage';
import { ChangePasswordCard } from './ChangePasswordCard';
import { SessionsCard } from './SessionsCard';
import { SignInHistoryCard } from './SignInHistoryCard';
import { NotificationPreferencesCard } from '../notifications/NotificationPreferencesCard';

export function AccountPage() {
  const { me } = useCurrentUser();
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000 }}>
      <MePage />
      <ChangePasswordCard username={me.username} />
      <NotificationPreferencesCard />
      <SessionsCard />
      <SignInHistoryCard />
    </Flex>
  );
}
