/** 部门与人员 (the office): the unit's departments above, role grants awaiting approval, its people below. */
import { Flex } from 'antd';
import { DepartmentsCard } from './DepartmentsCard';
import { RoleGrantsCard } from './RoleGrantsCard';
import { UsersCard } from './UsersCard';

export function PeoplePage() {
  return (
    <Flex vertical gap={16} style={{ width: '100%' }}>
      <DepartmentsCard />
      <RoleGrantsCard />
      <UsersCard />
    </Flex>
  );
}
