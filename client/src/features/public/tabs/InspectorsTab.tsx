/** A bureau's published inspector directory (执法检查人员名录): name, post and certificate number only. */
import type { HTMLAttributes } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Flex, Table, Typography } from 'antd';
import { useI18n, useMessages } from '../../../app/i18n';
import { useCursorPages } from '../../../app/useCursorPages';
import { CursorPager } from '../../../components/CursorPager';
import { connectionPages } from '../../../components/csv-pages';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { publicMessages } from '../messages';
import { PUBLIC_INSPECTORS } from '../operations';

interface Row {
  id: string;
  name: string;
  post: string;
  certificateNo: string;
}

export function InspectorsTab({ bureauId }: { bureauId: string }) {
  const { t } = useI18n();
  const m = useMessages(publicMessages);
  const client = useApolloClient();
  const pages = useCursorPages(20);
  const { data, loading, error } = useQuery(PUBLIC_INSPECTORS, { variables: { bureauId, first: pages.first, after: pages.after } });
  const connection = data?.publicInspectors;
  if (error) return <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>;
  const exportSpec = () => ({
    fileName: m('tabInspectors'),
    columns: [
      { title: m('inspectorName'), value: (r: Row) => r.name },
      { title: m('post'), value: (r: Row) => r.post },
      { title: m('certificateNo'), value: (r: Row) => r.certificateNo },
    ],
    fetchPage: connectionPages(client, PUBLIC_INSPECTORS, { bureauId }, (page) => page.publicInspectors),
  });
  return (
    <div>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <ExportCsvButton spec={exportSpec} testId="public-inspectors-export" />
      </Flex>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading && !data}
        columns={[
          { key: 'name', title: m('inspectorName'), dataIndex: 'name' },
          { key: 'post', title: m('post'), dataIndex: 'post' },
          { key: 'cert', title: m('certificateNo'), dataIndex: 'certificateNo' },
        ]}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: m('noInspectors') }}
        onRow={(r) => ({ 'data-testid': 'public-inspector-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
      />
      <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="public-inspectors-pager" />
    </div>
  );
}
