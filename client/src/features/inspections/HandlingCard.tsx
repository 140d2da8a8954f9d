/**
 * 处理建议 / 处理决定: what the team proposes (while the record is theirs to write), what the head's
 * review and the leader's approval changed (who, from what, to what), and the decision once approved.
 */
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Form, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { HANDLING_FIELDS, HandlingFields, handlingInputOf, handlingValuesOf, useOwnOutcomes, type HandlingValues } from './HandlingFields';
import { PROPOSE_HANDLING, type InspectionDetail } from './operations';

const STEP_LABELS: Record<string, string> = { PASS_REVIEW: '部门审核', APPROVE: '领导审批' };
const LISTS: Record<string, string> = { BLACKLIST: '黑名单', WATCH: '重点关注名单' };

function describe(h: { label: string; deadlineWorkdays?: number | null } | null | undefined): string {
  if (!h) return '（无）';
  return h.deadlineWorkdays != null ? `${h.label}（${h.deadlineWorkdays} 个工作日）` : h.label;
}

export function HandlingCard({ record, editable }: { record: InspectionDetail; editable: boolean }) {
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HandlingValues>();
  const { problem, report, clear } = useFormProblem(form, HANDLING_FIELDS);
  const [propose, { loading }] = useMutation(PROPOSE_HANDLING);
  const h = record.handling;
  const own = useOwnOutcomes();

  const save = async (values: HandlingValues) => {
    clear();
    try {
      await propose({ variables: { id: record.id, input: handlingInputOf(values, record, own) } });
      void message.success('处理建议已保存');
    } catch (error) {
      report(error);
    }
  };

  return (
    <Card
      title={h?.decided ? '处理决定' : '处理建议'}
      extra={h?.decided ? <Tag color="green">领导审批决定</Tag> : h ? <Tag>待审核、审批</Tag> : null}
      data-testid="handling-card"
      data-outcome={h?.outcome ?? ''}
    >
      {h && !editable && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="处理结果">
            <span data-testid="handling-label">{h.label}</span>
          </Descriptions.Item>
          <Descriptions.Item label="处理依据">
            <span style={{ whiteSpace: 'pre-wrap' }}>{h.basis}</span>
          </Descriptions.Item>
          {h.deadlineWorkdays != null && <Descriptions.Item label="整改期限">{h.deadlineWorkdays} 个工作日</Descriptions.Item>}
          {h.targetExternalName && <Descriptions.Item label="接收机关">{h.targetExternalName}</Descriptions.Item>}
          {h.creditList && (
            <Descriptions.Item label="信用惩戒">
              {LISTS[h.creditList]}，至 {h.creditValidUntil}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {!h && !editable && <Typography.Text type="secondary">检查组尚未提出处理建议</Typography.Text>}
      {editable && (
        <Form form={form} layout="vertical" initialValues={handlingValuesOf(record)} onFinish={save} data-testid="handling-form">
          <ProblemAlert problem={problem} testId="handling-error" />
          <HandlingFields own={own} />
          <Button type="primary" htmlType="submit" loading={loading} data-testid="handling-save">
            保存处理建议
          </Button>
        </Form>
      )}
      {record.handlingChanges.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            审核、审批中的修改
          </Typography.Title>
          <Timeline
            items={record.handlingChanges.map((c, i) => ({
              key: i,
              title: formatDateTime(c.at, lang),
              content: (
                <div data-testid="handling-change">
                  {STEP_LABELS[c.action] ?? c.action} {c.userName}：{describe(c.before)} → {describe(c.after)}
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {c.after.basis}
                  </Typography.Paragraph>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
