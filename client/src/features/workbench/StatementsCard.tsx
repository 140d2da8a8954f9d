/** Entity statements still waiting for the team: the bureau's (for those who oversee them) or the viewer's teams'. */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { AppLink } from '../../components/BackLink';
import { LINKS } from '../../app/navigation';
import { connectionPages } from '../../components/csv-pages';
import { workbenchMessages } from './messages';
import { WORKBENCH_STATEMENTS, type WorkbenchStatement } from './operations';
import { WorkbenchList } from './WorkbenchList';

export function StatementsCard({ mine }: { mine: boolean }) {
  const { lang } = useI18n();
  const m = useMessages(workbenchMessages);
  const client = useApolloClient();
  const pages = useCursorPages(5);
  const { data, loading, error } = useQuery(WORKBENCH_STATEMENTS, {
    variables: { mine, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.entityStatements;
  const state = (s: WorkbenchStatement) => (s.answer ? m('answered') : m('unanswered'));
  const flags = (s: WorkbenchStatement) =>
    [s.afterReportDue && m('afterReportDue'), s.afterPublication && m('afterPublication')].filter((f): f is string => !!f);

  const columns = [
    {
      key: 'entity',
      title: m('entity'),
      render: (_: unknown, s: WorkbenchStatement) =>
        s.inspection ? (
          <AppLink to={LINKS.inspection(s.inspection.id)} testId="workbench-statements-link">
            {s.inspection.entityName}
          </AppLink>
        ) : (
          '—'
        ),
    },
    {
      key: 'kind',
      title: m('kind'),
      render: (_: unknown, s: WorkbenchStatement) => <Tag color={s.kind === 'OBJECTION' ? 'volcano' : 'blue'}>{m(s.kind)}</Tag>,
    },
    {
      key: 'body',
      title: m('body'),
      render: (_: unknown, s: WorkbenchStatement) => (
        <Space direction="vertical" size={0}>
          <Typography.Text ellipsis style={{ maxWidth: 260 }}>
            {s.body}
          </Typography.Text>
          <Space size={4} wrap>
            {s.attachments.length > 0 && <Tag>{m('attachments', { count: s.attachments.length })}</Tag>}
            {flags(s).map((f) => (
              <Tag key={f} color="orange">
                {f}
              </Tag>
            ))}
          </Space>
        </Space>
      ),
    },
    { key: 'state', title: m('status'), render: (_: unknown, s: WorkbenchStatement) => <Tag color={s.answer ? 'gold' : 'red'}>{state(s)}</Tag> },
    { key: 'time', title: m('submittedAt'), render: (_: unknown, s: WorkbenchStatement) => formatDateTime(s.submittedAt, lang) },
  ];

  const exportSpec = () => ({
    fileName: m('exportStatements'),
    columns: [
      { title: m('entity'), value: (s: WorkbenchStatement) => s.inspection?.entityName ?? '' },
      { title: m('kind'), value: (s: WorkbenchStatement) => m(s.kind) },
      { title: m('body'), value: (s: WorkbenchStatement) => s.body },
      { title: m('status'), value: state },
      { title: m('flags'), value: (s: WorkbenchStatement) => flags(s).join('、') },
      { title: m('submittedAt'), value: (s: WorkbenchStatement) => s.submittedAt ?? '' },
    ],
    fetchPage: connectionPages(client, WORKBENCH_STATEMENTS, { mine }, (page) => page.entityStatements),
  });

  return (
    <WorkbenchList<WorkbenchStatement>
      title={mine ? m('myStatements') : m('statements')}
      testId="workbench-statements"
      rows={connection?.edges.map((e) => e.node) ?? []}
      totalCount={connection?.totalCount}
      pageInfo={connection?.pageInfo}
      pages={pages}
      loading={loading}
      error={error}
      columns={columns}
      empty={m('statementsEmpty')}
      exportSpec={exportSpec}
      tone="warning"
      rowAttributes={(s) => ({ 'data-kind': s.kind, 'data-entity': s.inspection?.entityName ?? '' })}
    />
  );
}
