/** New department, or renaming one / changing its head. */
import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from './fields';
import { peopleMessages } from './messages';
import { CREATE_DEPARTMENT, UPDATE_DEPARTMENT, type DepartmentRow } from './operations';

interface DepartmentForm {
  name: string;
  headUserId: string | null;
}

const FIELDS = ['name', 'headUserId'] as const;
const REFETCH = ['Departments', 'DepartmentOptions'];

/** `editing`: undefined = closed, null = new department, a row = edit that one. */
export function DepartmentModal({ editing, onClose }: { editing: DepartmentRow | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const m = useMessages(peopleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [create, { loading: creating }] = useMutation(CREATE_DEPARTMENT);
  const [update, { loading: updating }] = useMutation(UPDATE_DEPARTMENT);
  const open = editing !== undefined;
  const loading = creating || updating;

  const close = () => {
    clear();
    onClose();
  };

  const submit = async (values: DepartmentForm) => {
    clear();
    const input = { name: values.name.trim(), headUserId: values.headUserId ?? null };
    try {
      if (editing) {
        await update({ variables: { id: editing.id, input }, refetchQueries: REFETCH, awaitRefetchQueries: true });
        void message.success(m('departmentSaved', { name: input.name }));
      } else {
        await create({ variables: { input }, refetchQueries: REFETCH, awaitRefetchQueries: true });
        void message.success(m('departmentCreated', { name: input.name }));
      }
      close();
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open={open}
      title={m(editing ? 'editDepartment' : 'newDepartment')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'department-submit' } as ButtonProps}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid="department-form">
        <ProblemAlert problem={problem} testId="department-error" />
        <Form<DepartmentForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={loading}
          preserve={false}
          initialValues={{ name: editing?.name ?? '', headUserId: editing?.head?.id ?? null }}
        >
          <Form.Item
            label={m('departmentName')}
            name="name"
            rules={[{ required: true, whitespace: true, message: m('departmentNameRequired') }, labelRule(60)]}
          >
            <Input maxLength={60} placeholder={m('departmentNamePlaceholder')} data-testid="department-name" />
          </Form.Item>
          <Form.Item label={m('head')} name="headUserId">
            <UserSelect testId="department-head" ariaLabel={m('head')} placeholder={m('noHead')} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
