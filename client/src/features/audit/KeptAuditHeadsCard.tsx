/** 下级单位审计链头 (on 下级单位): the heads of the bureaus' audit chains that the province keeps (its own copy), newest first. */
import { useQuery } from '@apollo/client/react';
import { Card, Table, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { QueryState } from '../../components/QueryState';
import { auditMessages } from './messages';
import { PROVINCE_AUDIT_HEADS } from './operations';

export function KeptAuditHeadsCard() {
  const { lang } = useI18n();
  const m = useMessages(auditMessages);
  const { data, error } = useQuery(PROVINCE_AUDIT_HEADS, { fetchPolicy: 'cache-and-network' });
  if (!data) return <QueryState error={error} />;
  return (
    <Card style={{ width: '100%' }} title={m('keptTitle')} data-testid="kept-audit-heads">
      <Typography.Paragraph type="secondary">{m('keptIntro')}</Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.bureauId}:${r.seq}`}
        size="small"
        dataSource={data.provinceAuditHeads}
        locale={{ emptyText: m('keptEmpty') }}
        columns={[
          { key: 'bureau', title: m('keptBureau'), dataIndex: 'bureauName' },
          { key: 'seq', title: m('seq'), dataIndex: 'seq', width: 90 },
          {
            key: 'hash',
            title: m('keptHash'),
            dataIndex: 'hash',
            render: (hash: string) => (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {hash}
              </Typography.Text>
            ),
          },
          { key: 'at', title: m('keptAt'), dataIndex: 'anchoredAt', width: 180, render: (at: string) => formatDateTime(at, lang) },
        ]}
      />
    </Card>
  );
}
