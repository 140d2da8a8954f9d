/** A deadline (报告截止日 / 公示截止日) with its marks: 逾期 when passed while still open, 暂定 when the calendar is not out yet. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { inspectionMessages } from './messages';

interface Props {
  dueOn: string | null | undefined;
  provisional: boolean;
  overdue: boolean;
  testId: string;
}

export function Deadline({ dueOn, provisional, overdue, testId }: Props) {
  const m = useMessages(inspectionMessages);
  if (!dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} data-testid={testId} data-overdue={overdue} data-provisional={provisional}>
      <span>{dueOn}</span>
      {overdue && (
        <Tag color="red" data-testid={`${testId}-overdue`}>
          {m('overdue')}
        </Tag>
      )}
      {provisional && (
        <Tooltip title={m('provisionalHint')}>
          <Tag color="gold" data-testid={`${testId}-provisional`}>
            {m('provisional')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
