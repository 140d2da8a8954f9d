/** On the bureau's dashboard: how many rectifications are past their deadline without the entity's report. */
import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { graphql } from '../../gql';

const OVERDUE_RECTIFICATIONS = graphql(`
  query OverdueRectificationCount {
    overdueRectificationCount
  }
`);

export function OverdueRectifications() {
  const { data } = useQuery(OVERDUE_RECTIFICATIONS, { fetchPolicy: 'cache-and-network' });
  const n = data?.overdueRectificationCount ?? 0;
  if (!n) return null;
  return <Alert type="warning" showIcon data-testid="dashboard-overdue-rectifications" title={`逾期未报告整改情况的整改 ${n} 件（已提醒分管领导）`} />;
}
