/** A record's status as a coloured tag, in the words of the shared workflow (草稿 … 已公示). */
import { Tag } from 'antd';
import { useMessages } from '../../app/i18n';
import { inspectionMessages, INSPECTION_STATUS_COLORS } from './messages';
import type { InspectionStatus } from './operations';

export function InspectionStatusTag({ status, testId = 'inspection-status' }: { status: InspectionStatus; testId?: string }) {
  const m = useMessages(inspectionMessages);
  return (
    <Tag color={INSPECTION_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {m(status)}
    </Tag>
  );
}
