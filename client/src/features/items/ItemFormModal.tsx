/**
 * 新增 / 修改 one item of the list, checked as typed as the server checks it. A published item changes
 * only with a reason, which goes into the new version.
 */
import { useEffect, useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { INSPECTION_METHOD } from '@spotcheck/shared';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { itemMessages } from './messages';
import { CREATE_ITEM, UPDATE_ITEM, type ItemRow } from './operations';
import { RATIO_PLACEHOLDER } from '../../app/ratio';
import { isMinRatio, itemInput, itemValues, minRatioRule, percent, type ItemFormValues } from './item-form';

const FIELDS = [
  'name',
  'departmentId',
  'category',
  'legalBasis',
  'inspectingBody',
  'content',
  'targetType',
  'minRatio',
  'frequencyPerYear',
  'methods',
  'remarks',
  'reason',
] as const;

interface Props {
  open: boolean;
  /** null: a new item. */
  item: ItemRow | null;
  departments: { id: string; name: string }[];
  /** A department head keeps their own department's items only. */
  lockedDepartmentId: string | null;
  defaultInspectingBody: string;
  onClose: () => void;
}

export function ItemFormModal({ open, item, departments, lockedDepartmentId, defaultInspectingBody, onClose }: Props) {
  const { t } = useI18n();
  const m = useMessages(itemMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [create, { loading: creating }] = useMutation(CREATE_ITEM);
  const [update, { loading: updating }] = useMutation(UPDATE_ITEM);
  const ratio = Form.useWatch('minRatio', form);
  const initial = useMemo(
    () => itemValues(item, { departmentId: lockedDepartmentId, inspectingBody: defaultInspectingBody }),
    [item, lockedDepartmentId, defaultInspectingBody],
  );
  const needsReason = item?.status === 'PUBLISHED';

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
      clear();
    }
  }, [open, initial, form, clear]);

  const submit = async (values: ItemFormValues) => {
    clear();
    const input = itemInput(values);
    const reason = values.reason?.trim() || null;
    try {
      if (item) {
        await update({ variables: { id: item.id, input, reason }, refetchQueries: ['Items'] });
        void message.success(m('saved', { name: input.name ?? '' }));
      } else {
        await create({ variables: { input, reason }, refetchQueries: ['Items'] });
        void message.success(m('created', { name: input.name ?? '' }));
      }
      onClose();
    } catch (error) {
      report(error);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: m('required', { field }) });
  return (
    <Modal
      open={open}
      title={m(item ? 'editItem' : 'newItem')}
      width={760}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={creating || updating}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'item-form-submit' }}
    >
      <div data-testid="item-form">
        <ProblemAlert problem={problem} testId="item-form-error" />
        <Form<ItemFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          <Form.Item label={m('name')} name="name" rules={[required(m('name')), labelRule(200)]}>
            <Input maxLength={200} data-testid="item-name" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={m('department')} name="departmentId">
                <Select
                  allowClear={!lockedDepartmentId}
                  disabled={!!lockedDepartmentId}
                  placeholder={m('noDepartment')}
                  options={departments.map((d) => ({ value: d.id, label: d.name }))}
                  aria-label={m('department')}
                  data-testid="item-department"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={m('category')} name="category" rules={[{ required: true, message: m('required', { field: m('category') }) }]}>
                <Select
                  options={(['GENERAL', 'KEY'] as const).map((c) => ({ value: c, label: m(c) }))}
                  aria-label={m('category')}
                  data-testid="item-category"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={m('legalBasis')} name="legalBasis" rules={[required(m('legalBasis')), labelRule(1000)]}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="item-legal-basis" />
          </Form.Item>
          <Form.Item label={m('content')} name="content" extra={m('contentHint')} rules={[required(m('content')), labelRule(2000)]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="item-content" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={m('inspectingBody')} name="inspectingBody" rules={[required(m('inspectingBody')), labelRule(200)]}>
                <Input maxLength={200} data-testid="item-inspecting-body" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={m('targetType')} name="targetType" rules={[required(m('targetType')), labelRule(200)]}>
                <Input maxLength={200} data-testid="item-target-type" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label={m('minRatio')}
                name="minRatio"
                extra={isMinRatio(ratio) ? m('ratioAtLeast', { percent: percent(ratio) }) : m('minRatioHint')}
                rules={[required(m('minRatio')), minRatioRule(m('ratioInvalid'))]}
              >
                <Input placeholder={RATIO_PLACEHOLDER} data-testid="item-min-ratio" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={m('frequency')} name="frequencyPerYear" rules={[{ required: true, message: m('required', { field: m('frequency') }) }]}>
                <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="item-frequency" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={m('methods')}
                name="methods"
                rules={[{ required: true, type: 'array', min: 1, message: m('required', { field: m('methods') }) }]}
              >
                <Select
                  mode="multiple"
                  options={Object.entries(INSPECTION_METHOD.labels).map(([value, label]) => ({ value, label }))}
                  aria-label={m('methods')}
                  data-testid="item-methods"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={m('remarks')} name="remarks">
            <Input.TextArea rows={2} maxLength={1000} data-testid="item-remarks" />
          </Form.Item>
          <Form.Item
            label={m('reason')}
            name="reason"
            extra={needsReason ? m('reasonForPublished') : undefined}
            rules={needsReason ? [{ required: true, whitespace: true, message: m('reasonRequired') }] : []}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="item-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
