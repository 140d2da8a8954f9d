/**
 * A deadline (报告截止日 / 公示截止日 …) with its marks: 逾期 when passed while still open, 暂定 when the
 * calendar is not out yet, and once done the permanent mark: 迟 N 个工作日, or 按期.
 */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { inspectionMessages } from './messages';

interface Props {
  dueOn: string | null | undefined;
  provisional: boolean;
  overdue: boolean;
  testId: string;
  /** Working days late when it was done; null while not done (or not tracked). */
  lateDays?: number | null;
}

export function Deadline({ dueOn, provisional, overdue, testId, lateDays }: Props) {
  const m = useMessages(inspectionMessages);
  if (!dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} data-testid={testId} data-overdue={overdue} data-provisional={provisional}>
      <span>{dueOn}</span>
      {lateDays != null && lateDays > 0 && (
        <Tooltip title={m('lateHint')}>
          <Tag color="volcano" data-testid={`${testId}-late`} data-late-days={lateDays}>
            {m('lateDays', { days: lateDays })}
          </Tag>
        </Tooltip>
      )}
      {lateDays === 0 && (
        <Tag color="green" data-testid={`${testId}-on-time`}>
          {m('onTime')}
        </Tag>
      )}
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
