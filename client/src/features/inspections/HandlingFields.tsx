/** The handling's inputs (处理建议): the outcome, its basis, and what the outcome needs; used by the team's form and by the review and approval. */
import { useQuery } from '@apollo/client/react';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { HANDLING_LABELS, HANDLING_OUTCOMES, HANDLING_MAX_WORKDAYS, type HandlingOutcome } from '@spotcheck/shared';
import { OWN_HANDLING_OUTCOMES, type HandlingInput, type InspectionDetail } from './operations';

/** One of the bureau's own outcomes a leader approved: its code, its label and the standard outcome it behaves as. */
export interface OwnOutcome {
  code: string;
  label: string;
  behavesAs: HandlingOutcome;
}

/** The bureau's own outcomes in use (the form lists them after the standard ones). */
export function useOwnOutcomes(): OwnOutcome[] {
  const { data } = useQuery(OWN_HANDLING_OUTCOMES, { variables: {} });
  return (data?.ownHandlingOutcomes ?? [])
    .filter((o) => o.status === 'ACTIVE' || o.status === 'RETIRING')
    .map((o) => ({ code: o.code, label: o.label, behavesAs: o.behavesAs as HandlingOutcome }));
}

/** The standard outcome a choice behaves as: itself, or the one the bureau's own outcome follows. */
function behaviourOf(choice: string | undefined, own: OwnOutcome[]): HandlingOutcome | undefined {
  if (!choice) return undefined;
  return (HANDLING_OUTCOMES as readonly string[]).includes(choice) ? (choice as HandlingOutcome) : own.find((o) => o.code === choice)?.behavesAs;
}

export interface HandlingValues {
  /** A standard outcome, or the code of one of the bureau's own. */
  outcome?: string;
  basis?: string;
  deadlineWorkdays?: number | null;
  targetExternalName?: string | null;
  creditList?: 'BLACKLIST' | 'WATCH' | null;
  creditValidUntil?: dayjs.Dayjs | null;
}

export const HANDLING_FIELDS = ['outcome', 'basis', 'deadlineWorkdays', 'target', 'targetExternalName', 'creditList', 'creditValidUntil'] as const;

export function handlingValuesOf(record: InspectionDetail): HandlingValues {
  const h = record.handling;
  if (!h) return {};
  return {
    outcome: h.ownOutcome ?? h.outcome,
    basis: h.basis,
    deadlineWorkdays: h.deadlineWorkdays ?? null,
    targetExternalName: h.targetExternalName ?? null,
    creditList: h.creditList ?? null,
    creditValidUntil: h.creditValidUntil ? dayjs(h.creditValidUntil) : null,
  };
}

/** What the server takes; a department chosen elsewhere (another form) is kept as it was. */
export function handlingInputOf(values: HandlingValues, record: InspectionDetail, own: OwnOutcome[]): HandlingInput {
  const outcome = behaviourOf(values.outcome, own);
  const ownOutcome = outcome && outcome !== values.outcome ? values.outcome! : null;
  return {
    outcome: (outcome ?? values.outcome) as HandlingInput['outcome'],
    ownOutcome,
    basis: values.basis?.trim() ?? '',
    deadlineWorkdays: outcome === 'RECTIFY' ? (values.deadlineWorkdays ?? null) : null,
    targetExternalName: outcome === 'CASE' || outcome === 'TRANSFER' ? values.targetExternalName?.trim() || null : null,
    targetDepartmentId:
      (outcome === 'CASE' || outcome === 'TRANSFER') && !values.targetExternalName?.trim() ? (record.handling?.targetDepartmentId ?? null) : null,
    creditList: outcome === 'CREDIT' ? (values.creditList ?? null) : null,
    creditValidUntil: outcome === 'CREDIT' && values.creditValidUntil ? values.creditValidUntil.format('YYYY-MM-DD') : null,
  };
}

export function HandlingFields({ own }: { own: OwnOutcome[] }) {
  const outcome = behaviourOf(Form.useWatch('outcome') as string | undefined, own);
  const options = [
    ...HANDLING_OUTCOMES.map((o) => ({ value: o, label: HANDLING_LABELS[o], 'data-testid': `handling-outcome-${o}` })),
    ...own.map((o) => ({ value: o.code, label: o.label, title: `按“${HANDLING_LABELS[o.behavesAs]}”办理`, 'data-testid': `handling-outcome-${o.code}` })),
  ];
  return (
    <>
      <Form.Item label="处理建议" name="outcome" rules={[{ required: true, message: '请选择处理建议' }]}>
        <Radio.Group data-testid="handling-outcome" optionType="button" options={options as never} />
      </Form.Item>
      <Form.Item
        label="处理依据"
        name="basis"
        rules={[
          { required: true, whitespace: true, message: '请填写处理依据' },
          { max: 2000, message: '处理依据不超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={2000} showCount data-testid="handling-basis" />
      </Form.Item>
      {outcome === 'RECTIFY' && (
        <Form.Item label="整改期限（工作日）" name="deadlineWorkdays" rules={[{ required: true, message: '请填写整改期限' }]}>
          <InputNumber min={1} max={HANDLING_MAX_WORKDAYS} precision={0} data-testid="handling-deadline" />
        </Form.Item>
      )}
      {(outcome === 'CASE' || outcome === 'TRANSFER') && (
        <Form.Item
          label="接收机关"
          name="targetExternalName"
          extra="系统外机关填写名称；移送本系统内的部门请在“移送案件”中选择"
          rules={[{ max: 100, message: '机关名称不超过 100 字' }]}
        >
          <Input maxLength={100} data-testid="handling-target" />
        </Form.Item>
      )}
      {outcome === 'CREDIT' && (
        <>
          <Form.Item label="名单" name="creditList" rules={[{ required: true, message: '请选择名单' }]}>
            <Select
              data-testid="handling-credit-list"
              options={[
                { value: 'BLACKLIST', label: '黑名单' },
                { value: 'WATCH', label: '重点关注名单' },
              ]}
            />
          </Form.Item>
          <Form.Item label="名单期限截止日" name="creditValidUntil" rules={[{ required: true, message: '请选择期限截止日' }]}>
            <DatePicker data-testid="handling-credit-until" />
          </Form.Item>
        </>
      )}
    </>
  );
}
