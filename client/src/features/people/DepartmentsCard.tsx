/** 检查部门: the unit's departments, paged; new, edit (name, head) and delete (only empty, never the office). */
import { useState, type HTMLAttributes } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { useCursorPages } from '../../app/useCursorPages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { CursorPager } from '../../components/CursorPager';
import { connectionPages } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { DepartmentModal } from './DepartmentModal';
import { peopleMessages } from './messages';
import { DELETE_DEPARTMENT, DEPARTMENTS, type DepartmentRow } from './operations';

export function DepartmentsCard() {
  const { t } = useI18n();
  const m = useMessages(peopleMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const client = useApolloClient();
  const pages = useCursorPages(10);
  const { data, loading, error } = useQuery(DEPARTMENTS, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(DELETE_DEPARTMENT);
  const { busyId, run } = useRowAction();
  const [editing, setEditing] = useState<DepartmentRow | null | undefined>(undefined);
  const connection = data?.departments;

  const deleteDepartment = async (department: DepartmentRow) => {
    try {
      await remove({ variables: { id: department.id }, refetchQueries: ['Departments', 'DepartmentOptions'], awaitRefetchQueries: true });
      void message.success(m('departmentDeleted', { name: department.name }));
    } catch (e) {
      notify(e);
    }
  };

  const columns = [
    {
      key: 'name',
      title: m('departmentName'),
      render: (_: unknown, d: DepartmentRow) => (
        <span>
          {d.name}
          {d.isOffice && (
            <Tag color="gold" style={{ marginInlineStart: 8 }}>
              {m('officeTag')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'head', title: m('head'), render: (_: unknown, d: DepartmentRow) => d.head?.displayName ?? '—' },
    {
      key: 'actions',
      title: t('actions'),
      render: (_: unknown, d: DepartmentRow) => (
        <Space>
          <Button size="small" onClick={() => setEditing(d)} data-testid="department-edit">
            {t('edit')}
          </Button>
          {!d.isOffice && (
            <Popconfirm
              title={m('deleteDepartmentConfirm', { name: d.name })}
              okText={t('confirm')}
              cancelText={t('cancel')}
              onConfirm={() => run(d.id, () => deleteDepartment(d))}
            >
              <Button size="small" danger loading={busyId === d.id} data-testid="department-delete">
                {t('delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const exportSpec = () => ({
    fileName: m('departmentsTitle'),
    columns: [
      { title: m('departmentName'), value: (d: DepartmentRow) => d.name },
      { title: m('officeTag'), value: (d: DepartmentRow) => (d.isOffice ? m('yes') : m('no')) },
      { title: m('head'), value: (d: DepartmentRow) => d.head?.displayName ?? '' },
    ],
    fetchPage: connectionPages(client, DEPARTMENTS, {}, (page) => page.departments),
  });

  return (
    <Card
      title={m('departmentsTitle')}
      data-testid="departments-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} testId="departments-export" />
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)} data-testid="department-new">
            {m('newDepartment')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : (
        <>
          <Table<DepartmentRow>
            rowKey="id"
            size="small"
            loading={loading && !data}
            columns={columns}
            dataSource={connection?.edges.map((e) => e.node) ?? []}
            pagination={false}
            onRow={(d) => ({ 'data-testid': 'department-row', 'data-name': d.name }) as HTMLAttributes<HTMLElement>}
          />
          <CursorPager pages={pages} totalCount={connection?.totalCount ?? 0} pageInfo={connection?.pageInfo} loading={loading} testId="departments-pager" />
        </>
      )}
      <DepartmentModal editing={editing} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
