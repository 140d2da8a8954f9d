/**
 * 检查记录 for a target a joint task's draw gave the participant's part: opens (or finds) the
 * participant's own record of it and goes there. The server lets the office, a department head or
 * the part's own inspectors of that team do this.
 */
import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { inspectionMessages } from './messages';
import { OPEN_JOINT_INSPECTION } from './operations';

export function JointRecordButton({ participationId, seq }: { participationId: string; seq: number }) {
  const m = useMessages(inspectionMessages);
  const notify = useNotifyProblem();
  const [open, { loading }] = useMutation(OPEN_JOINT_INSPECTION);
  const go = async () => {
    try {
      const { data } = await open({ variables: { participationId, seq }, refetchQueries: ['Inspections'] });
      if (data) navigate(LINKS.inspection(data.openJointInspection.id));
    } catch (error) {
      notify(error);
    }
  };
  return (
    <Button size="small" icon={<FileTextOutlined aria-hidden />} loading={loading} onClick={() => void go()} data-testid="joint-record-open">
      {m('record')}
    </Button>
  );
}
