/** 新增 / 修改执法检查人员: certificate and its validity (drawable only while valid), department, 属地, linked account. */
import { useEffect, useMemo } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { ESTABLISHMENT, GENDER, INSPECTOR_STATUS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inspectorMessages } from './messages';
import {
  CREATE_INSPECTOR,
  INSPECTOR_FORM_OPTIONS,
  UPDATE_INSPECTOR,
  type Establishment,
  type Gender,
  type InspectorRow,
  type InspectorStatus,
} from './operations';
import { DateField } from '../../components/DateField';

interface Values {
  name: string;
  gender: Gender;
  post: string;
  enforcementCategories: string[];
  certificateNo: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  establishment: Establishment;
  specialties: string[];
  status: InspectorStatus;
  departmentId: string | null;
  userId: string | null;
  regionCode: string | null;
}

const FIELDS = [
  'name',
  'gender',
  'post',
  'enforcementCategories',
  'certificateNo',
  'certificateValidFrom',
  'certificateValidTo',
  'establishment',
  'specialties',
  'status',
  'departmentId',
  'userId',
  'regionCode',
] as const;

function valuesOf(i: InspectorRow | null): Values {
  if (!i) {
    return {
      name: '',
      gender: 'MALE',
      post: '',
      enforcementCategories: [],
      certificateNo: '',
      certificateValidFrom: '',
      certificateValidTo: '',
      establishment: 'ADMINISTRATIVE',
      specialties: [],
      status: 'ACTIVE',
      departmentId: null,
      userId: null,
      regionCode: null,
    };
  }
  return {
    name: i.name,
    gender: i.gender,
    post: i.post,
    enforcementCategories: i.enforcementCategories,
    certificateNo: i.certificateNo,
    certificateValidFrom: i.certificateValidFrom,
    certificateValidTo: i.certificateValidTo,
    establishment: i.establishment,
    specialties: i.specialties,
    status: i.status,
    departmentId: i.department?.id ?? null,
    userId: i.user?.id ?? null,
    regionCode: i.regionCode,
  };
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function InspectorFormModal({ open, inspector, onClose }: { open: boolean; inspector: InspectorRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const m = useMessages(inspectorMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const choices = useQuery(INSPECTOR_FORM_OPTIONS, { variables: { regionCode: user.me.tenant.regionCode }, skip: !open });
  const [create, { loading: creating }] = useMutation(CREATE_INSPECTOR);
  const [update, { loading: updating }] = useMutation(UPDATE_INSPECTOR);
  const initial = useMemo(() => valuesOf(inspector), [inspector]);
  const area = [...(choices.data?.region ? [choices.data.region] : []), ...(choices.data?.regions ?? [])];

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
      clear();
    }
  }, [open, initial, form, clear]);

  const submit = async (values: Values) => {
    clear();
    const input = { ...values, name: values.name.trim(), post: values.post.trim(), certificateNo: values.certificateNo.trim() };
    try {
      if (inspector) {
        await update({ variables: { id: inspector.id, input }, refetchQueries: ['Inspectors'] });
        void message.success(m('saved', { name: input.name }));
      } else {
        await create({ variables: { input }, refetchQueries: ['Inspectors'] });
        void message.success(m('created', { name: input.name }));
      }
      onClose();
    } catch (error) {
      report(error);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: m('required', { field }) });
  const tags = (name: 'enforcementCategories' | 'specialties') => (
    <Form.Item label={m(name)} name={name} extra={m('tagsHint')}>
      <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} aria-label={m(name)} data-testid={`inspector-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={m(inspector ? 'editInspector' : 'newInspector')}
      width={760}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={creating || updating}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'inspector-form-submit' }}
    >
      <div data-testid="inspector-form">
        <ProblemAlert problem={problem} testId="inspector-form-error" />
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={m('name')} name="name" rules={[required(m('name')), labelRule(100)]}>
                <Input maxLength={100} data-testid="inspector-name" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={m('gender')} name="gender">
                <Select options={options(GENDER.labels)} aria-label={m('gender')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={m('establishment')} name="establishment">
                <Select options={options(ESTABLISHMENT.labels)} aria-label={m('establishment')} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={m('certificateNo')} name="certificateNo" rules={[required(m('certificateNo')), labelRule(100)]}>
                <Input maxLength={100} data-testid="inspector-certificate" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={m('validFrom')} name="certificateValidFrom" rules={[required(m('validFrom'))]}>
                <DateField style={{ width: '100%' }} data-testid="inspector-valid-from" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                label={m('validTo')}
                name="certificateValidTo"
                dependencies={['certificateValidFrom']}
                rules={[
                  required(m('validTo')),
                  ({ getFieldValue }) => ({
                    validator: (_, v: string) =>
                      !v || !getFieldValue('certificateValidFrom') || v >= getFieldValue('certificateValidFrom')
                        ? Promise.resolve()
                        : Promise.reject(new Error(m('dateOrder'))),
                  }),
                ]}
              >
                <DateField style={{ width: '100%' }} data-testid="inspector-valid-to" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={m('post')} name="post" rules={[required(m('post')), labelRule(100)]}>
                <Input maxLength={100} data-testid="inspector-post" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={m('status')} name="status">
                <Select options={options(INSPECTOR_STATUS.labels)} aria-label={m('status')} data-testid="inspector-status" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label={m('department')} name="departmentId">
                <Select
                  allowClear
                  placeholder={m('noValue')}
                  options={(choices.data?.departments.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))}
                  aria-label={m('department')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {tags('enforcementCategories')}
            </Col>
            <Col xs={24} md={12}>
              {tags('specialties')}
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={m('region')} name="regionCode" extra={m('regionHint')}>
                <Select
                  allowClear
                  placeholder={m('noValue')}
                  options={area.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                  aria-label={m('region')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={m('user')} name="userId" extra={m('userHint')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={m('noValue')}
                  options={(choices.data?.users.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.displayName}（${e.node.username}）` }))}
                  aria-label={m('user')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
