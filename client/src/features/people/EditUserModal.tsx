/** 编辑: a colleague's name, department and roles (never a role above one's own). */
import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import type { Role } from '@spotcheck/shared';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DepartmentSelect, RoleCheckboxes } from './fields';
import { peopleMessages } from './messages';
import { UPDATE_USER, type UserRow } from './operations';

interface EditForm {
  displayName: string;
  departmentId: string | null;
  roles: Role[];
}

const FIELDS = ['displayName', 'departmentId', 'roles'] as const;

export function EditUserModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { me } = useCurrentUser();
  const m = useMessages(peopleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [update, { loading }] = useMutation(UPDATE_USER);

  const close = () => {
    clear();
    onClose();
  };

  const submit = async (values: EditForm) => {
    if (!user) return;
    clear();
    try {
      const input = { displayName: values.displayName.trim(), departmentId: values.departmentId ?? null, roles: values.roles };
      // One's own roles are not sent: nobody changes them (the server refuses it too).
      const { data } = await update({
        variables: { id: user.id, input: user.id === me.id ? { ...input, roles: undefined } : input },
        refetchQueries: ['UserOptions', 'RoleGrants'],
      });
      const pending = data?.updateUser.pendingRoleGrant;
      if (pending) void message.info(m('grantProposed', { roles: pending.addedRoles.map((r) => ROLE_LABELS[r][lang]).join('、') }));
      else void message.success(m('userSaved', { name: input.displayName }));
      close();
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`${m('editUser')}${user ? `：${user.username}` : ''}`}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'edit-user-submit' } as ButtonProps}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid="edit-user-form">
        <ProblemAlert problem={problem} testId="edit-user-error" />
        {user && (
          <Form<EditForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            disabled={loading}
            preserve={false}
            initialValues={{ displayName: user.displayName, departmentId: user.department?.id ?? null, roles: user.roles }}
          >
            <Form.Item label={m('displayName')} name="displayName" required rules={[labelRule(50)]}>
              <Input maxLength={50} data-testid="edit-user-display-name" />
            </Form.Item>
            <Form.Item label={m('department')} name="departmentId">
              <DepartmentSelect testId="edit-user-department" ariaLabel={m('department')} />
            </Form.Item>
            <Form.Item label={m('roles')} name="roles" rules={[{ required: true, type: 'array', min: 1, message: m('rolesRequired') }]}>
              <RoleCheckboxes testId="edit-user-roles" locked={user.id === me.id} />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}
