/** One step of a referral's handling (接收 / 退回 / 立案 / 不予立案 / 结案) with its date: by the receiver, or by the office for an external body. */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, type ButtonProps } from 'antd';
import { beijingDate } from '@spotcheck/shared';
import { useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { referralMessages } from './messages';
import { RECORD_EXTERNAL_REFERRAL_STEP, RECORD_REFERRAL_STEP, type ReferralStep } from './operations';
import { DateField } from '../../components/DateField';

interface Values {
  on: string;
  text?: string;
  caseNo?: string;
}

export function ReferralStepButton({ id, step, external, refetch }: { id: string; step: ReferralStep; external: boolean; refetch: string[] }) {
  const m = useMessages(referralMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { problem, report, clear } = useFormProblem(form, ['on', 'text', 'caseNo']);
  const [received, a] = useMutation(RECORD_REFERRAL_STEP);
  const [externalStep, b] = useMutation(RECORD_EXTERNAL_REFERRAL_STEP);
  const needsText = step === 'RETURN' || step === 'NOT_FILE';

  const submit = async () => {
    clear();
    try {
      const values = await form.validateFields();
      const input = { step, on: values.on, text: values.text?.trim() || null, caseNo: values.caseNo?.trim() || null };
      await (external ? externalStep : received)({ variables: { id, input }, refetchQueries: refetch });
      void message.success(m('saved'));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return;
      report(error);
    }
  };

  return (
    <>
      <Button size="small" danger={needsText} onClick={() => setOpen(true)} data-testid={`referral-step-${step}`}>
        {m(step)}
      </Button>
      <Modal
        open={open}
        title={m(step)}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={a.loading || b.loading}
        okButtonProps={{ 'data-testid': 'referral-step-ok' } as ButtonProps}
        destroyOnHidden
      >
        <ProblemAlert problem={problem} testId="referral-step-error" />
        <Form form={form} layout="vertical" initialValues={{ on: beijingDate() }}>
          <Form.Item label={m('date')} name="on" rules={[{ required: true, message: m('dateRequired') }]}>
            <DateField max={beijingDate()} data-testid="referral-step-date" />
          </Form.Item>
          {step === 'FILE' && (
            <Form.Item label={m('caseNo')} name="caseNo" rules={[{ max: 60 }]}>
              <Input maxLength={60} data-testid="referral-step-case-no" />
            </Form.Item>
          )}
          {step !== 'ACCEPT' && step !== 'FILE' && (
            <Form.Item label={m('text')} name="text" rules={[{ required: needsText, whitespace: true, message: m('textRequired') }, { max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="referral-step-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
