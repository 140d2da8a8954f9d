/** The office proposes a referral of a record: to a department (this bureau's or another's) or to an external body by name. */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import { useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { referralMessages } from './messages';
import { PROPOSE_REFERRAL, REFERRAL_DEPARTMENTS } from './operations';

interface Values {
  kind: 'department' | 'external';
  departmentId?: string;
  externalName?: string;
  reason: string;
}

export function ReferButton({ inspectionId }: { inspectionId: string }) {
  const m = useMessages(referralMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'department';
  const { problem, report, clear } = useFormProblem(form, ['departmentId', 'externalName', 'reason'], { target: 'departmentId' });
  // The server finds one word in “bureau department”; the other words narrow the list here.
  const words = search.split(/[\s·]+/).filter(Boolean);
  const departments = useQuery(REFERRAL_DEPARTMENTS, { variables: { search: words[0] ?? null }, skip: !open });
  const [propose, { loading }] = useMutation(PROPOSE_REFERRAL);

  const submit = async () => {
    clear();
    try {
      const v = await form.validateFields();
      const target = v.kind === 'external' ? { externalName: v.externalName!.trim() } : { departmentId: v.departmentId! };
      await propose({ variables: { inspectionId, target, reason: v.reason.trim() }, refetchQueries: ['RecordReferrals'] });
      void message.success(m('proposed'));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return;
      report(error);
    }
  };

  const options = (departments.data?.jointPartnerDepartments.edges ?? [])
    .map(({ node }) => ({ value: node.id, label: `${node.bureauName} · ${node.name}` }))
    .filter((o) => words.every((w) => o.label.includes(w)));
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="referral-propose">
        {m('refer')}
      </Button>
      <Modal
        open={open}
        title={m('referTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={loading}
        okButtonProps={{ 'data-testid': 'referral-propose-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{m('referHint')}</Typography.Paragraph>
        <ProblemAlert problem={problem} testId="referral-propose-error" />
        <Form form={form} layout="vertical" initialValues={{ kind: 'department' }}>
          <Form.Item label={m('targetKind')} name="kind">
            <Radio.Group
              options={[
                { value: 'department', label: m('toDepartment') },
                { value: 'external', label: m('toExternal') },
              ]}
            />
          </Form.Item>
          {kind === 'department' ? (
            <Form.Item label={m('department')} name="departmentId" rules={[{ required: true, message: m('departmentRequired') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                options={options}
                loading={departments.loading}
                placeholder={m('departmentPlaceholder')}
                data-testid="referral-department"
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={m('externalName')}
              name="externalName"
              rules={[{ required: true, whitespace: true, message: m('externalRequired') }, { max: 100 }]}
            >
              <Input maxLength={100} data-testid="referral-external-name" />
            </Form.Item>
          )}
          <Form.Item label={m('reason')} name="reason" rules={[{ required: true, whitespace: true, message: m('reasonRequired') }, { max: 1000 }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="referral-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
