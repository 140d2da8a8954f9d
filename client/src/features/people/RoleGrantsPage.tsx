/** 角色审批: a leader (or the operator, for units without one) decides role grants; the supervisor watches them. */
import { useCurrentUser } from '../../app/current-user';
import { RoleGrantsCard } from './RoleGrantsCard';

export function RoleGrantsPage() {
  const { me } = useCurrentUser();
  return <RoleGrantsCard showBureau={me.roles.includes('PLATFORM_OPERATOR')} />;
}
