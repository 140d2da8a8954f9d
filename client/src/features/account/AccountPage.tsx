/** 我的账号: who I am, then changing the password, my signed-in devices and my sign-in history. */
import { Flex } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { MePage } from '../me/MePage';
import { ChangePasswordCard } from './ChangePasswordCard';
import { SessionsCard } from './SessionsCard';
import { SignInHistoryCard } from './SignInHistoryCard';

export function AccountPage() {
  const { me } = useCurrentUser();
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1000 }}>
      <MePage />
      <ChangePasswordCard username={me.username} />
      <SessionsCard />
      <SignInHistoryCard />
    </Flex>
  );
}
