/** 部门与人员 (the office): the unit's departments above, its people below. */
import { Flex } from 'antd';
import { DepartmentsCard } from './DepartmentsCard';
import { UsersCard } from './UsersCard';

export function PeoplePage() {
  return (
    <Flex vertical gap={16} style={{ width: '100%' }}>
      <DepartmentsCard />
      <UsersCard />
    </Flex>
  );
}
