/** Asks for the reason of an act that is recorded with one (公布、撤回、修改细则…); required or optional. */
import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../app/i18n';

interface Props {
  open: boolean;
  title: string;
  label: string;
  /** Shown under the field. */
  hint?: string;
  required: boolean;
  requiredMessage: string;
  busy?: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}

export function ReasonModal({ open, title, label, hint, required, requiredMessage, busy, onSubmit, onCancel, testId }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-ok` }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason?.trim() ?? '')}>
        <Form.Item name="reason" label={label} extra={hint} rules={required ? [{ required: true, whitespace: true, message: requiredMessage }] : []}>
          <Input.TextArea rows={3} maxLength={500} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
