/**
 * 新单位开户: kind, region (cascading), parent among the visible units, name, and the first office
 * administrator. On success the caller shows the administrator's one-time code.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Divider, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { labelRule, usernameRule } from '../../app/form-rules';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { IssuedCode } from '../../components/OneTimeCodeModal';
import { COUNTRY_CODE, ONBOARDABLE_KINDS, REGION_LEVEL_OF_KIND, type OnboardableKind } from './kinds';
import { tenantMessages } from './messages';
import { ONBOARD_TENANT, TENANT_CANDIDATES, type Region } from './operations';
import { RegionPicker } from './RegionPicker';

interface OnboardForm {
  kind: OnboardableKind;
  regionCode: string;
  parentId: string;
  name: string;
  adminUsername: string;
  adminDisplayName: string;
}

const FIELDS = ['kind', 'regionCode', 'parentId', 'name', 'adminUsername', 'adminDisplayName'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  onOnboarded: (issued: IssuedCode) => void;
}

export function OnboardTenantModal({ open, onClose, onOnboarded }: Props) {
  const { t } = useI18n();
  const m = useMessages(tenantMessages);
  const [form] = Form.useForm<OnboardForm>();
  const kind = Form.useWatch('kind', form) ?? 'COUNTY_BUREAU';
  const [parentTouched, setParentTouched] = useState(false);
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const [onboard, { loading }] = useMutation(ONBOARD_TENANT);
  const { data } = useQuery(TENANT_CANDIDATES, { skip: !open, fetchPolicy: 'cache-and-network' });

  // A county bureau is nobody's parent.
  const candidates = useMemo(() => (data?.tenants.edges ?? []).map((e) => e.node).filter((tenant) => tenant.kind !== 'COUNTY_BUREAU'), [data]);

  /** Once the region is complete, the nearest visible unit above it is suggested as the parent. */
  const suggestParent = (chain: Region[]) => {
    if (parentTouched) return;
    const last = chain.at(-1);
    if (!last || last.level !== REGION_LEVEL_OF_KIND[kind]) {
      form.setFieldValue('parentId', undefined);
      return;
    }
    const above = [COUNTRY_CODE, ...chain.slice(0, -1).map((r) => r.code)].reverse();
    const nearest = above.map((code) => candidates.find((c) => c.regionCode === code)).find(Boolean);
    form.setFieldValue('parentId', nearest?.id);
  };

  // The form is destroyed when the modal closes (destroyOnHidden + preserve={false}), so it opens empty.
  const close = () => {
    setParentTouched(false);
    clear();
    onClose();
  };

  const submit = async (values: OnboardForm) => {
    clear();
    try {
      const { data: result } = await onboard({
        variables: {
          input: {
            kind: values.kind,
            regionCode: values.regionCode,
            parentId: values.parentId,
            name: values.name.trim(),
            adminUsername: values.adminUsername.trim(),
            adminDisplayName: values.adminDisplayName.trim(),
          },
        },
        refetchQueries: ['Tenants', 'TenantCandidates'],
        awaitRefetchQueries: true,
      });
      if (!result) return;
      const { tenant, admin, invitation } = result.onboardTenant;
      close();
      onOnboarded({
        username: admin.username,
        code: invitation.code,
        expiresAt: invitation.expiresAt,
        context: m('onboardedContext', { name: tenant.name, username: admin.username }),
      });
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open={open}
      title={m('onboardTitle')}
      onCancel={close}
      okText={m('onboardSubmit')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'onboard-submit' } as ButtonProps}
      mask={{ closable: false }}
      width={640}
      destroyOnHidden
    >
      <div data-testid="onboard-form">
        <ProblemAlert problem={problem} testId="onboard-error" />
        <Form<OnboardForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={loading}
          preserve={false}
          initialValues={{ kind: 'COUNTY_BUREAU' }}
          onValuesChange={(changed: Partial<OnboardForm>) => {
            if ('kind' in changed) form.setFieldsValue({ regionCode: undefined, parentId: parentTouched ? form.getFieldValue('parentId') : undefined });
          }}
        >
          <Form.Item label={m('kind')} name="kind" rules={[{ required: true, message: m('kindRequired') }]}>
            <Radio.Group optionType="button" data-testid="onboard-kind" options={ONBOARDABLE_KINDS.map((k) => ({ value: k, label: m(k) }))} />
          </Form.Item>
          <Form.Item label={m('region')} name="regionCode" rules={[{ required: true, message: m('regionRequired') }]}>
            <RegionPicker targetLevel={REGION_LEVEL_OF_KIND[kind]} onChain={suggestParent} disabled={loading} />
          </Form.Item>
          <Form.Item label={m('parent')} name="parentId" extra={m('parentHint')} rules={[{ required: true, message: m('parentRequired') }]}>
            <Select
              data-testid="onboard-parent"
              aria-label={m('parent')}
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
              onChange={() => setParentTouched(true)}
            />
          </Form.Item>
          <Form.Item label={m('name')} name="name" rules={[{ required: true, whitespace: true, message: m('nameRequired') }, labelRule(100)]}>
            <Input placeholder={m('namePlaceholder')} maxLength={100} data-testid="onboard-name" />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {m('adminSection')}
          </Divider>
          <Form.Item label={m('adminUsername')} name="adminUsername" required extra={m('adminUsernameHint')} rules={[usernameRule()]}>
            <Input placeholder={m('adminUsernamePlaceholder')} autoComplete="off" data-testid="onboard-admin-username" />
          </Form.Item>
          <Form.Item label={m('adminDisplayName')} name="adminDisplayName" required rules={[labelRule(50)]}>
            <Input maxLength={50} autoComplete="off" data-testid="onboard-admin-display-name" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
