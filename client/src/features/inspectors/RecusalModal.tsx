/**
 * 登记回避: an inspector, an entity (found by name or USCC), the reason and the period. The office
 * declares for anyone; an inspector linked to an account, for themselves only.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { useI18n, useMessages } from '../../app/i18n';
import { canDeclareAnyRecusal } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { today } from '../../app/csv';
import { inspectorMessages } from './messages';
import { DECLARE_RECUSAL, ENTITY_CHOICES, INSPECTOR_CHOICES } from './operations';
import { DateField } from '../../components/DateField';

interface Values {
  inspectorId: string;
  entityId: string;
  reason: string;
  validFrom: string;
  validTo?: string;
}

const FIELDS = ['inspectorId', 'entityId', 'reason', 'validFrom', 'validTo'] as const;

export function RecusalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const m = useMessages(inspectorMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [search, setSearch] = useState('');
  const inspectors = useQuery(INSPECTOR_CHOICES, { skip: !open });
  const entities = useQuery(ENTITY_CHOICES, { variables: { search: search || null }, skip: !open });
  const [declare, { loading }] = useMutation(DECLARE_RECUSAL);
  const any = canDeclareAnyRecusal(user);
  const choosable = (inspectors.data?.inspectors.edges ?? []).map((e) => e.node).filter((i) => any || i.user?.id === user.me.id);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ validFrom: today() });
      clear();
    }
  }, [open, form, clear]);
  useEffect(() => {
    if (open && !any && choosable.length === 1) form.setFieldsValue({ inspectorId: choosable[0]!.id });
  }, [open, any, choosable, form]);

  const submit = async (values: Values) => {
    clear();
    try {
      const { data } = await declare({
        variables: {
          input: {
            inspectorId: values.inspectorId,
            entityId: values.entityId,
            reason: values.reason.trim(),
            validFrom: values.validFrom,
            validTo: values.validTo || null,
          },
        },
        refetchQueries: ['Recusals'],
      });
      const r = data?.declareRecusal;
      void message.success(m('declared', { inspector: r?.inspector?.name ?? '', entity: r?.entity?.name ?? '' }));
      onClose();
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open={open}
      title={m('declareTitle')}
      width={640}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'recusal-submit' }}
    >
      <div data-testid="recusal-form">
        <ProblemAlert problem={problem} testId="recusal-form-error" />
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            label={m('inspector')}
            name="inspectorId"
            extra={any ? undefined : m('ownOnly')}
            rules={[{ required: true, message: m('required', { field: m('inspector') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={choosable.map((i) => ({ value: i.id, label: `${i.name}（${i.certificateNo}）` }))}
              aria-label={m('inspector')}
              data-testid="recusal-inspector"
            />
          </Form.Item>
          <Form.Item label={m('entity')} name="entityId" rules={[{ required: true, message: m('required', { field: m('entity') }) }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
              placeholder={m('entitySearch')}
              options={(entities.data?.entities.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.uscc}）` }))}
              loading={entities.loading}
              aria-label={m('entity')}
              data-testid="recusal-entity"
            />
          </Form.Item>
          <Form.Item label={m('reason')} name="reason" rules={[{ required: true, whitespace: true, message: m('required', { field: m('reason') }) }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="recusal-reason" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={m('recusalFrom')} name="validFrom" rules={[{ required: true, message: m('required', { field: m('recusalFrom') }) }]}>
                <DateField style={{ width: '100%' }} data-testid="recusal-from" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={m('recusalTo')}
                name="validTo"
                extra={m('recusalToHint')}
                dependencies={['validFrom']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: string | undefined) =>
                      !v || !getFieldValue('validFrom') || v >= getFieldValue('validFrom') ? Promise.resolve() : Promise.reject(new Error(m('dateOrder'))),
                  }),
                ]}
              >
                <DateField style={{ width: '100%' }} data-testid="recusal-to" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
