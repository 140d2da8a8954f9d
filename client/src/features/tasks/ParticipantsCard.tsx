/**
 * 联合抽查参与部门 (the lead's view): who was invited, their answers, items and inspectors; planners
 * invite departments of this or another bureau and withdraw invitations until the pool is frozen.
 */
import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type ButtonProps } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { loadedRows } from '../../components/csv-pages';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { JOINT_STATUS_COLORS, taskMessages } from './messages';
import { INVITE_JOINT_PARTICIPANT, JOINT_PARTNER_DEPARTMENTS, WITHDRAW_JOINT_PARTICIPANT, type Participant, type TaskDetail } from './operations';

const FIELDS = ['departmentId', 'message'] as const;

export function ParticipantsCard({ task, canManage }: { task: TaskDetail; canManage: boolean }) {
  const { t, lang } = useI18n();
  const m = useMessages(taskMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { busyId, run } = useRowAction();
  const [withdraw] = useMutation(WITHDRAW_JOINT_PARTICIPANT);
  const [inviting, setInviting] = useState(false);
  const open = canManage && task.status === 'DRAFT';
  const name = (p: Participant) => `${p.department?.bureauName ?? ''} ${p.department?.name ?? ''}`.trim();

  const withdrawOne = async (p: Participant) => {
    try {
      await withdraw({ variables: { id: p.id }, refetchQueries: ['Task'], awaitRefetchQueries: true });
      void message.success(m('withdrawn'));
    } catch (error) {
      notify(error);
    }
  };

  const columns = [
    { key: 'bureau', title: m('bureau'), render: (_: unknown, p: Participant) => p.department?.bureauName ?? '—' },
    { key: 'department', title: m('partnerDepartment'), render: (_: unknown, p: Participant) => p.department?.name ?? '—' },
    {
      key: 'status',
      title: m('partStatus'),
      render: (_: unknown, p: Participant) => (
        <Tag color={JOINT_STATUS_COLORS[p.status]} data-testid="participant-status" data-status={p.status}>
          {m(p.status)}
        </Tag>
      ),
    },
    { key: 'note', title: m('responseNote'), render: (_: unknown, p: Participant) => p.responseNote ?? '—' },
    { key: 'items', title: m('partItems'), render: (_: unknown, p: Participant) => p.items.map((i) => i.name).join('、') || '—' },
    { key: 'inspectors', title: m('partInspectors'), render: (_: unknown, p: Participant) => (p.inspectors.length ? `${p.inspectors.length} 人` : '—') },
    { key: 'respondedAt', title: m('updatedAt'), render: (_: unknown, p: Participant) => formatDateTime(p.respondedAt ?? p.createdAt, lang) },
    {
      key: 'actions',
      title: t('actions'),
      render: (_: unknown, p: Participant) =>
        open && (p.status === 'INVITED' || p.status === 'ACCEPTED') ? (
          <Popconfirm
            title={m('withdrawConfirm', { name: name(p) })}
            okText={t('confirm')}
            cancelText={t('cancel')}
            onConfirm={() => run(p.id, () => withdrawOne(p))}
          >
            <Button size="small" danger loading={busyId === p.id} data-testid="participant-withdraw">
              {m('withdraw')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const exportSpec = () => ({
    fileName: `${task.title}-${m('participants')}`,
    columns: [
      { title: m('bureau'), value: (p: Participant) => p.department?.bureauName ?? '' },
      { title: m('partnerDepartment'), value: (p: Participant) => p.department?.name ?? '' },
      { title: m('partStatus'), value: (p: Participant) => m(p.status) },
      { title: m('responseNote'), value: (p: Participant) => p.responseNote ?? '' },
      { title: m('partItems'), value: (p: Participant) => p.items.map((i) => i.name).join('、') },
      { title: m('partInspectors'), value: (p: Participant) => p.inspectors.map((i) => i.name).join('、') },
      { title: m('updatedAt'), value: (p: Participant) => formatDateTime(p.respondedAt ?? p.createdAt, lang) },
    ],
    fetchPage: loadedRows(task.participants),
  });

  return (
    <Card
      title={m('participants')}
      data-testid="participants-card"
      extra={
        <Space>
          <ExportCsvButton spec={exportSpec} disabled={!task.participants.length} testId="participants-export" />
          {open && (
            <Button icon={<UsergroupAddOutlined aria-hidden />} onClick={() => setInviting(true)} data-testid="participant-invite">
              {m('invite')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Participant>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={task.participants}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: m('noParticipants') }}
        onRow={(p) => ({ 'data-testid': 'participant-row', 'data-name': name(p) }) as HTMLAttributes<HTMLElement>}
      />
      <InviteModal taskId={task.id} open={inviting} onClose={() => setInviting(false)} />
    </Card>
  );
}

function InviteModal({ taskId, open, onClose }: { taskId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const m = useMessages(taskMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentId: string; message?: string }>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [search, setSearch] = useState('');
  // The server finds one word in “bureau department”; the other words narrow the list here.
  const words = search.split(/[\s·]+/).filter(Boolean);
  const partners = useQuery(JOINT_PARTNER_DEPARTMENTS, { variables: { search: words[0] ?? null, first: 100 }, skip: !open });
  const [invite, { loading }] = useMutation(INVITE_JOINT_PARTICIPANT);
  const options = (partners.data?.jointPartnerDepartments.edges ?? [])
    .map(({ node }) => ({ value: node.id, label: `${node.bureauName} · ${node.name}` }))
    .filter((o) => words.every((w) => o.label.includes(w)));

  const close = () => {
    clear();
    setSearch('');
    onClose();
  };

  const submit = async (values: { departmentId: string; message?: string }) => {
    clear();
    try {
      await invite({
        variables: { taskId, departmentId: values.departmentId, message: values.message?.trim() || null },
        refetchQueries: ['Task'],
        awaitRefetchQueries: true,
      });
      void message.success(m('invited', { name: options.find((o) => o.value === values.departmentId)?.label ?? '' }));
      close();
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open={open}
      title={m('inviteTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={m('inviteSubmit')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'invite-participant-submit' } as ButtonProps}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid="invite-participant-form">
        <ProblemAlert problem={problem} testId="invite-participant-error" />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item label={m('partnerDepartment')} name="departmentId" rules={[{ required: true, message: m('required', { field: m('partnerDepartment') }) }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={m('partnerSearch')}
              loading={partners.loading}
              options={options}
              aria-label={m('partnerDepartment')}
              data-testid="invite-participant-department"
            />
          </Form.Item>
          <Form.Item label={m('inviteMessage')} name="message" rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="invite-participant-message" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
