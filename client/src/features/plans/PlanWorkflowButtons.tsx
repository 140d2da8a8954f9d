/**
 * The plan's next steps for this user, as the server lists them (`actions`, from the shared workflow):
 * 提交审批 / 公布 (office), 批准 / 退回修改 (leader). 退回 asks for a comment.
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, type ButtonProps } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { planMessages } from './messages';
import { TRANSITION_PLAN, type PlanAction, type PlanDetail } from './operations';

const ORDER: PlanAction[] = ['SUBMIT', 'APPROVE', 'RETURN', 'PUBLISH'];
const FIELDS = ['comment'] as const;

export function PlanWorkflowButtons({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const m = useMessages(planMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [transition, { loading }] = useMutation(TRANSITION_PLAN);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);

  const run = async (action: PlanAction, comment: string | null = null) => {
    await transition({ variables: { id: plan.id, action, comment }, refetchQueries: ['Plans'] });
    void message.success(m('transitioned', { action: m(action) }));
  };

  const submitReturn = async ({ comment }: { comment: string }) => {
    clear();
    try {
      await run('RETURN', comment.trim());
      setReturning(false);
    } catch (error) {
      report(error);
    }
  };

  const actions = ORDER.filter((a) => plan.actions.includes(a));
  if (!actions.length) return null;
  return (
    <Space wrap data-testid="plan-actions">
      {actions.map((action) =>
        action === 'RETURN' ? (
          <Button key={action} danger onClick={() => setReturning(true)} data-testid="plan-action-RETURN">
            {m('RETURN')}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={m(`${action}Confirm` as 'SUBMITConfirm')}
            okText={t('confirm')}
            cancelText={t('cancel')}
            onConfirm={() => void run(action).catch(notify)}
          >
            <Button type="primary" loading={loading} data-testid={`plan-action-${action}`}>
              {m(action)}
            </Button>
          </Popconfirm>
        ),
      )}
      <Modal
        open={returning}
        title={m('returnTitle')}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        okText={m('RETURN')}
        cancelText={t('cancel')}
        confirmLoading={loading}
        okButtonProps={{ danger: true, 'data-testid': 'plan-return-submit' } as ButtonProps}
        destroyOnHidden
      >
        <ProblemAlert problem={problem} testId="plan-return-error" />
        <Form form={form} layout="vertical" onFinish={submitReturn} preserve={false}>
          <Form.Item label={m('commentLabel')} name="comment" rules={[{ required: true, whitespace: true, message: m('commentRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={m('commentPlaceholder')} data-testid="plan-return-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
