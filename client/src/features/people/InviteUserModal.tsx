/** 邀请用户: the account is created at once; the caller shows the one-time code for setting the password. */
import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import type { Role } from '@spotcheck/shared';
import { labelRule, usernameRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import type { IssuedCode } from '../../components/OneTimeCodeModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DepartmentSelect, RoleCheckboxes } from './fields';
import { peopleMessages } from './messages';
import { INVITE_USER } from './operations';

interface InviteForm {
  username: string;
  displayName: string;
  departmentId: string | null;
  roles: Role[];
}

const FIELDS = ['username', 'displayName', 'departmentId', 'roles'] as const;

export function InviteUserModal({ open, onClose, onInvited }: { open: boolean; onClose: () => void; onInvited: (issued: IssuedCode) => void }) {
  const { t } = useI18n();
  const m = useMessages(peopleMessages);
  const [form] = Form.useForm<InviteForm>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [invite, { loading }] = useMutation(INVITE_USER);

  const close = () => {
    clear();
    onClose();
  };

  const submit = async (values: InviteForm) => {
    clear();
    try {
      const { data } = await invite({
        variables: {
          input: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            departmentId: values.departmentId ?? null,
            roles: values.roles,
          },
        },
        refetchQueries: ['Users', 'UserOptions', 'RoleGrants'],
        awaitRefetchQueries: true,
      });
      if (!data) return;
      const { user, invitation } = data.inviteUser;
      close();
      onInvited({ username: user.username, code: invitation.code, expiresAt: invitation.expiresAt, context: m('invitedContext', { name: user.displayName }) });
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
      okButtonProps={{ 'data-testid': 'invite-submit' } as ButtonProps}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid="invite-form">
        <ProblemAlert problem={problem} testId="invite-error" />
        <Form<InviteForm> form={form} layout="vertical" onFinish={submit} disabled={loading} preserve={false} initialValues={{ roles: [], departmentId: null }}>
          <Form.Item label={m('username')} name="username" required extra={m('usernameHint')} rules={[usernameRule()]}>
            <Input placeholder={m('usernamePlaceholder')} autoComplete="off" data-testid="invite-username" />
          </Form.Item>
          <Form.Item label={m('displayName')} name="displayName" required rules={[labelRule(50)]}>
            <Input maxLength={50} autoComplete="off" data-testid="invite-display-name" />
          </Form.Item>
          <Form.Item label={m('department')} name="departmentId">
            <DepartmentSelect testId="invite-department" ariaLabel={m('department')} />
          </Form.Item>
          <Form.Item label={m('roles')} name="roles" rules={[{ required: true, type: 'array', min: 1, message: m('rolesRequired') }]}>
            <RoleCheckboxes testId="invite-roles" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
