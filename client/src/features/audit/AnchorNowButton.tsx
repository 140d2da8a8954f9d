/** The platform operator publishes every chain's head at once (the `audit-anchor` job does it daily). */
import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { auditMessages } from './messages';
import { ANCHOR_AUDIT_CHAINS } from './operations';

export function AnchorNowButton() {
  const m = useMessages(auditMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [anchor, { loading }] = useMutation(ANCHOR_AUDIT_CHAINS);
  const run = async () => {
    try {
      const { data } = await anchor();
      const report = data?.anchorAuditChains;
      if (!report) return;
      void message.success(m('anchorNowDone', { tenants: report.tenants, anchored: report.anchored, copied: report.copied }));
      if (report.truncated) void message.error({ content: m('anchorNowTruncated', { truncated: report.truncated }), duration: 10 });
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Popconfirm title={m('anchorNowConfirm')} onConfirm={() => void run()}>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={loading} data-testid="audit-anchor-now">
        {m('anchorNow')}
      </Button>
    </Popconfirm>
  );
}
