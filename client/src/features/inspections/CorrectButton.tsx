/** 更正: the office opens a correction of a published record (with the reason) and goes to the new record. */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, type ButtonProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate } from '../../app/navigation';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inspectionMessages } from './messages';
import { CORRECT_INSPECTION } from './operations';

const FIELDS = ['reason'] as const;

export function CorrectButton({ inspectionId }: { inspectionId: string }) {
  const { t } = useI18n();
  const m = useMessages(inspectionMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [correct, { loading }] = useMutation(CORRECT_INSPECTION);

  const submit = async ({ reason }: { reason: string }) => {
    clear();
    try {
      const { data } = await correct({ variables: { id: inspectionId, reason: reason.trim() }, refetchQueries: ['Inspections'] });
      void message.success(m('corrected'));
      setOpen(false);
      if (data) navigate(LINKS.inspection(data.correctInspection.id));
    } catch (error) {
      report(error);
    }
  };

  return (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="record-correct">
        {m('correct')}
      </Button>
      <Modal
        open={open}
        title={m('correctTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={m('correct')}
        cancelText={t('cancel')}
        confirmLoading={loading}
        okButtonProps={{ 'data-testid': 'record-correct-submit' } as ButtonProps}
        destroyOnHidden
      >
        <ProblemAlert problem={problem} testId="record-correct-error" />
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={m('correctHint')} />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            label={m('correctionReason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: m('correctionReasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="record-correct-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
