/** A bureau's published audit chain heads (sequence number, hash, time): what an outsider keeps to catch a cut-off trail. */
import { useQuery } from '@apollo/client/react';
import { Table, Typography } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n, useMessages } from '../../../app/i18n';
import { publicMessages } from '../messages';
import { PUBLIC_AUDIT_ANCHORS } from '../operations';

export function AuditHeadsTab({ bureauId }: { bureauId: string }) {
  const { t, lang } = useI18n();
  const m = useMessages(publicMessages);
  const { data, loading, error } = useQuery(PUBLIC_AUDIT_ANCHORS, { variables: { bureauId } });
  if (error) return <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>;
  return (
    <div>
      <Typography.Paragraph type="secondary">{m('anchorsIntro')}</Typography.Paragraph>
      <Table
        rowKey="seq"
        size="small"
        loading={loading && !data}
        pagination={false}
        locale={{ emptyText: m('noAnchors') }}
        dataSource={data?.publicAuditAnchors ?? []}
        data-testid="public-audit-heads"
        columns={[
          { key: 'seq', title: m('anchorSeq'), dataIndex: 'seq', width: 110 },
          {
            key: 'hash',
            title: m('anchorHash'),
            dataIndex: 'hash',
            render: (hash: string) => (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {hash}
              </Typography.Text>
            ),
          },
          { key: 'at', title: m('anchoredAt'), dataIndex: 'anchoredAt', width: 180, render: (at: string) => formatDateTime(at, lang) },
        ]}
      />
    </div>
  );
}
