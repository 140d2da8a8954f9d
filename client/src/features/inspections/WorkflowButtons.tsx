/**
 * The record's next steps for this user: the server's `availableActions` (the shared workflow for the
 * user's roles and the record's state), narrowed as the server narrows them — SUBMIT only for the team,
 * the review only for the head of a department whose items the record covers. Each opens a modal with
 * the comment (required to 退回).
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, type ButtonProps } from 'antd';
import { COMMENT_REQUIRED, INSPECTION_WORKFLOW, missingForSubmit } from '@spotcheck/shared';
import { useCurrentUser, type CurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { isInTeam } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inspectionMessages } from './messages';
import { HANDLING_FIELDS, HandlingFields, handlingInputOf, handlingValuesOf, useOwnOutcomes, type HandlingValues } from './HandlingFields';
import { TRANSITION_INSPECTION, type InspectionAction, type InspectionDetail } from './operations';

const ORDER: InspectionAction[] = ['SUBMIT', 'PASS_REVIEW', 'RETURN', 'APPROVE', 'REJECT', 'PUBLISH'];
const FIELDS = ['comment', ...HANDLING_FIELDS] as const;
/** The head's review and the leader's approval may change the handling. */
const DECIDING: InspectionAction[] = ['PASS_REVIEW', 'APPROVE'];
const DANGER: InspectionAction[] = ['RETURN', 'REJECT'];

/** As the server's assertReviewer: the head of a department whose items the record covers (any, when an item has none). */
function mayReview(user: CurrentUser, record: InspectionDetail): boolean {
  const departments = record.items.map((i) => i.department?.id ?? null);
  return !departments.length || departments.includes(null) || departments.includes(user.me.department?.id ?? '');
}

export function visibleActions(user: CurrentUser, record: InspectionDetail): InspectionAction[] {
  return ORDER.filter((a) => record.availableActions.includes(a)).filter((a) => {
    if (a === 'SUBMIT') return isInTeam(user, record.team);
    if (a === 'RETURN' || a === 'PASS_REVIEW') return mayReview(user, record);
    return true;
  });
}

export function WorkflowButtons({ record, dirty }: { record: InspectionDetail; dirty: boolean }) {
  const m = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const [action, setAction] = useState<InspectionAction | null>(null);
  const actions = visibleActions(user, record);
  if (!actions.length) return null;
  return (
    <Space wrap data-testid="record-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={DANGER.includes(a) ? 'default' : 'primary'}
          danger={DANGER.includes(a)}
          onClick={() => setAction(a)}
          data-testid={`record-action-${a}`}
        >
          {m(a)}
        </Button>
      ))}
      {action && <TransitionModal record={record} action={action} dirty={dirty} onClose={() => setAction(null)} />}
    </Space>
  );
}

function TransitionModal({ record, action, dirty, onClose }: { record: InspectionDetail; action: InspectionAction; dirty: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const m = useMessages(inspectionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; change?: boolean } & HandlingValues>();
  const change = Form.useWatch('change', form) as boolean | undefined;
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [transition, { loading }] = useMutation(TRANSITION_INSPECTION);
  const required = COMMENT_REQUIRED.includes(action);
  const own = useOwnOutcomes();

  const submit = async ({ comment, change: changing, ...values }: { comment?: string; change?: boolean } & HandlingValues) => {
    clear();
    try {
      const handling = changing && DECIDING.includes(action) ? handlingInputOf(values, record, own) : null;
      await transition({
        variables: { id: record.id, action, comment: comment?.trim() || null, handling },
        // The leader's approval of a 责令整改 opens its rectification: the record's 整改 card shows it at once.
        refetchQueries: ['Inspections', 'InspectionAssignments', ...(action === 'APPROVE' ? ['InspectionRectifications'] : [])],
      });
      void message.success(m('transitioned', { action: m(action) }));
      onClose();
    } catch (error) {
      report(error);
    }
  };

  const warnings: string[] = [];
  if (action === 'SUBMIT') {
    if (dirty) warnings.push(m('unsavedBeforeSubmit'));
    const missing = missingForSubmit({
      inspectedOn: record.inspectedOn ?? null,
      place: record.place ?? null,
      siteConditions: record.siteConditions ?? null,
      findings: record.findings ?? null,
      resultCategory: record.resultCategory?.code ?? null,
      interviewNotes: record.interviewNotes ?? null,
    });
    if (missing.length) warnings.push(m('missingForSubmit', { list: missing.map((p) => p.message).join('、') }));
    const current = new Set(record.confirmations.filter((c) => c.current).map((c) => c.inspector?.id));
    const unconfirmed = record.team.filter((member) => !current.has(member.id)).map((member) => member.name);
    if (unconfirmed.length) warnings.push(m('unconfirmedBeforeSubmit', { names: unconfirmed.join('、') }));
    if (!record.handling) warnings.push('尚未填写处理建议');
  }
  const transitionLabel = INSPECTION_WORKFLOW.transitions.find((tr) => tr.action === action)?.label;

  return (
    <Modal
      open
      title={m(`${action}Title` as 'SUBMITTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={m(action)}
      cancelText={t('cancel')}
      confirmLoading={loading}
      okButtonProps={{ danger: DANGER.includes(action), 'data-testid': 'record-transition-submit' } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="record-transition-modal" data-action={action}>
        <ProblemAlert problem={problem} testId="record-transition-error" />
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={transitionLabel} description={m(`${action}Confirm` as 'SUBMITConfirm')} />
        {warnings.map((w) => (
          <Alert key={w} type="warning" showIcon style={{ marginBottom: 12 }} title={w} data-testid="record-transition-warning" />
        ))}
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={handlingValuesOf(record)}>
          {DECIDING.includes(action) && (
            <>
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={`处理建议：${record.handling?.label ?? '（未填写）'}`}
                description={action === 'APPROVE' ? '审批即作出处理决定；如需修改，勾选后填写，修改将记入办理过程' : '如需修改，勾选后填写，修改将记入办理过程'}
              />
              <Form.Item name="change" valuePropName="checked">
                <Checkbox data-testid="handling-change-toggle">修改处理建议</Checkbox>
              </Form.Item>
              {change && <HandlingFields own={own} />}
            </>
          )}
          <Form.Item
            label={required ? m('comment') : m('commentOptional')}
            name="comment"
            rules={[...(required ? [{ required: true, whitespace: true, message: m('commentRequired') }] : []), { max: 2000, message: m('commentTooLong') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="record-transition-comment" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
