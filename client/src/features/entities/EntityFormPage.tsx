/**
 * 新增 / 修改检查对象. A unit has a USCC, checked as typed with the shared GB 32100-2015 check: a wrong
 * length or character is an error; a check character that does not match is a warning the office may
 * confirm after looking at the licence (recorded as such). A natural person (自然人) has an ID number
 * instead, checked with GB 11643, stored only as a hash and shown masked. 登记机关、法定代表人 and 地址
 * are required (实施细则第六条); a person needs only the address.
 */
import { useMemo } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { checkUscc, ENTITY_STATUS } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { labelRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { useFormProblem } from '../../app/useFormProblem';
import { BackLink } from '../../components/BackLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { entityInput, entityValues, idNumberRule, usccChecksumOnly, usccRule, type EntityFormValues } from './entity-form';
import { entityMessages } from './messages';
import { CREATE_ENTITY, ENTITY_DETAIL, ENTITY_FORM_OPTIONS, UPDATE_ENTITY, type EntityRow } from './operations';

const FIELDS = [
  'name',
  'uscc',
  'idNumber',
  'registrationAuthority',
  'legalRepresentative',
  'address',
  'regionCode',
  'industry',
  'targetType',
  'status',
  'creditClass',
  'riskLevel',
  'complaints',
  'violationRecord',
  'supervisingDepartmentId',
] as const;

export function EntityFormPage({ id }: { id?: string }) {
  const user = useCurrentUser();
  const options = useQuery(ENTITY_FORM_OPTIONS, { variables: { regionCode: user.me.tenant.regionCode } });
  const existing = useQuery(ENTITY_DETAIL, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const entity = existing.data?.node.__typename === 'MarketEntity' ? existing.data.node : null;
  if (!options.data || (id && !entity)) return <QueryState error={options.error ?? existing.error} />;
  const area = [...(options.data.region ? [options.data.region] : []), ...options.data.regions];
  const departments = options.data.departments.edges.map((e) => e.node);
  return <EntityForm entity={entity} area={area} departments={departments} />;
}

function EntityForm({
  entity,
  area,
  departments,
}: {
  entity: EntityRow | null;
  area: { code: string; name: string }[];
  departments: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const m = useMessages(entityMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<EntityFormValues>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [create, { loading: creating }] = useMutation(CREATE_ENTITY);
  const [update, { loading: updating }] = useMutation(UPDATE_ENTITY);
  const initial = useMemo(() => entityValues(entity, area.length === 1 ? area[0]!.code : null), [entity, area]);
  const uscc = Form.useWatch('uscc', form) ?? initial.uscc;
  const check = uscc ? checkUscc(uscc) : null;
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const person = kind === 'PERSON';
  const checksumOnly = !person && usccChecksumOnly(uscc);

  const submit = async (values: EntityFormValues) => {
    clear();
    const input = entityInput(values);
    const overrideChecksum = checksumOnly && values.confirmChecksum;
    try {
      if (entity) {
        await update({ variables: { id: entity.id, input, overrideChecksum }, refetchQueries: ['Entities', 'EntityDetail'] });
        void message.success(m('saved', { name: input.name ?? '' }));
        navigate(LINKS.entity(entity.id));
      } else {
        const { data } = await create({ variables: { input, overrideChecksum }, refetchQueries: ['Entities'] });
        void message.success(m('created', { name: input.name ?? '' }));
        if (data) navigate(LINKS.entity(data.createEntity.id));
      }
    } catch (error) {
      report(error);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: m('required', { field }) });
  const optionalText = (name: keyof EntityFormValues, max = 500, area = false, mandatory = false) => (
    <Form.Item
      label={m(name as 'address')}
      name={name}
      rules={mandatory ? [required(m(name as 'address'))] : []}
      extra={mandatory ? m('directoryFieldHint') : undefined}
    >
      {area ? <Input.TextArea rows={2} maxLength={max} data-testid={`entity-${name}`} /> : <Input maxLength={max} data-testid={`entity-${name}`} />}
    </Form.Item>
  );
  const usccHelp =
    check?.problem?.code === 'USCC_CHECKSUM'
      ? m('usccChecksumWarning', { message: check.problem.message })
      : check && !check.problem
        ? m('usccOk', { code: check.normalized })
        : m('usccHint');

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 960 }}>
      <BackLink to={entity ? LINKS.entity(entity.id) : PATHS.entities} />
      <Card title={m(entity ? 'editEntity' : 'newEntity')} data-testid="entity-form">
        <ProblemAlert problem={problem} testId="entity-form-error" />
        <Form<EntityFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={creating || updating}>
          <Form.Item label={m('kind')} name="kind">
            <Radio.Group
              disabled={!!entity}
              options={(['ORGANIZATION', 'PERSON'] as const).map((k) => ({ value: k, label: m(`kind_${k}`) }))}
              data-testid="entity-kind"
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={m(person ? 'personName' : 'name')} name="name" rules={[required(m('name')), labelRule(500)]}>
                <Input maxLength={500} data-testid="entity-name" />
              </Form.Item>
            </Col>
            {person ? (
              <Col xs={24} md={12}>
                <Form.Item
                  label={m('idNumber')}
                  name="idNumber"
                  rules={entity ? [idNumberRule] : [required(m('idNumber')), idNumberRule]}
                  extra={
                    <span data-testid="entity-id-number-help">
                      {entity?.idNumberMasked ? m('idNumberKept', { masked: entity.idNumberMasked }) : m('idNumberHint')}
                    </span>
                  }
                >
                  <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="entity-id-number" />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={24} md={12}>
                <Form.Item
                  label={m('uscc')}
                  name="uscc"
                  rules={[required(m('uscc')), usccRule]}
                  validateStatus={checksumOnly ? 'warning' : undefined}
                  extra={<span data-testid="entity-uscc-help">{usccHelp}</span>}
                >
                  <Input maxLength={40} style={{ fontFamily: 'ui-monospace, monospace' }} data-testid="entity-uscc" />
                </Form.Item>
                {checksumOnly && (
                  <Form.Item
                    name="confirmChecksum"
                    valuePropName="checked"
                    rules={[
                      {
                        validator: (_, v: boolean) =>
                          v ? Promise.resolve() : Promise.reject(new Error(m('usccChecksumWarning', { message: check?.problem?.message ?? '' }))),
                      },
                    ]}
                  >
                    <Checkbox data-testid="entity-confirm-checksum">{m('confirmChecksum')}</Checkbox>
                  </Form.Item>
                )}
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={m('region')} name="regionCode" rules={[{ required: true, message: m('required', { field: m('region') }) }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={area.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                  aria-label={m('region')}
                  data-testid="entity-region"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={m('status')} name="status" rules={[{ required: true, message: m('required', { field: m('status') }) }]}>
                <Select
                  options={Object.entries(ENTITY_STATUS.labels).map(([value, label]) => ({ value, label }))}
                  aria-label={m('status')}
                  data-testid="entity-status"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={m('supervisingDepartment')} name="supervisingDepartmentId">
                <Select
                  allowClear
                  placeholder={m('noDepartment')}
                  options={departments.map((d) => ({ value: d.id, label: d.name }))}
                  aria-label={m('supervisingDepartment')}
                  data-testid="entity-department"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={m('creditClass')} name="creditClass">
                <Select
                  allowClear
                  options={(['A', 'B', 'C', 'D'] as const).map((c) => ({ value: c, label: c }))}
                  aria-label={m('creditClass')}
                  data-testid="entity-credit-class"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={m('riskLevel')} name="riskLevel">
                <Select
                  allowClear
                  options={(['LOW', 'MEDIUM', 'HIGH'] as const).map((r) => ({ value: r, label: m(`risk_${r}`) }))}
                  aria-label={m('riskLevel')}
                  data-testid="entity-risk-level"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={m('complaints')} name="complaints">
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="entity-complaints" />
              </Form.Item>
            </Col>
          </Row>
          {!person && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                {optionalText('registrationAuthority', 500, false, true)}
              </Col>
              <Col xs={24} md={12}>
                {optionalText('legalRepresentative', 500, false, true)}
              </Col>
            </Row>
          )}
          {optionalText('address', 500, false, true)}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {optionalText('industry')}
            </Col>
            <Col xs={24} md={12}>
              {optionalText('targetType')}
            </Col>
          </Row>
          {optionalText('violationRecord', 500, true)}
          <Space>
            <Button type="primary" htmlType="submit" loading={creating || updating} data-testid="entity-submit">
              {t('save')}
            </Button>
            <Button onClick={() => navigate(entity ? LINKS.entity(entity.id) : PATHS.entities)}>{t('cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}
