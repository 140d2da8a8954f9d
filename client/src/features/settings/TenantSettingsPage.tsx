/** 单位设置 (the office): public name, contact, and the header and footer of the unit's public pages. */
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useI18n, useMessages } from '../../app/i18n';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { settingsMessages } from './messages';
import { TENANT_SETTINGS, UPDATE_TENANT_SETTINGS, type TenantSettings } from './operations';

type SettingsForm = { [K in keyof TenantSettings]: string };

const FIELDS = ['displayName', 'contact', 'publicHeader', 'publicFooter'] as const;

export function TenantSettingsPage() {
  const { t } = useI18n();
  const m = useMessages(settingsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const { problem, report, clear } = useFormProblem(form, FIELDS);
  const { data, loading, error } = useQuery(TENANT_SETTINGS, { fetchPolicy: 'network-only' });
  const [save, { loading: saving }] = useMutation(UPDATE_TENANT_SETTINGS);
  const tenant = data?.me?.tenant;

  const submit = async (values: SettingsForm) => {
    clear();
    try {
      // Empty strings clear a setting (the server stores them as null).
      await save({ variables: { input: values } });
      void message.success(m('saved'));
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card style={{ width: '100%', maxWidth: 800 }} title={m('title')} data-testid="settings-card">
      {error ? (
        <Typography.Text type="danger">{t('loadFailed')}</Typography.Text>
      ) : loading || !tenant ? (
        <Spin>
          <div style={{ height: 120 }} aria-busy="true" />
        </Spin>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
          <ProblemAlert problem={problem} testId="settings-error" />
          <Form<SettingsForm>
            form={form}
            layout="vertical"
            onFinish={submit}
            disabled={saving}
            initialValues={{
              displayName: tenant.displayName ?? '',
              contact: tenant.contact ?? '',
              publicHeader: tenant.publicHeader ?? '',
              publicFooter: tenant.publicFooter ?? '',
            }}
          >
            <Form.Item label={m('displayName')} name="displayName" extra={m('displayNameHint', { name: tenant.name })}>
              <Input maxLength={100} showCount placeholder={tenant.name} data-testid="settings-display-name" />
            </Form.Item>
            <Form.Item label={m('contact')} name="contact">
              <Input maxLength={200} showCount placeholder={m('contactPlaceholder')} data-testid="settings-contact" />
            </Form.Item>
            <Form.Item label={m('publicHeader')} name="publicHeader">
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="settings-public-header" />
            </Form.Item>
            <Form.Item label={m('publicFooter')} name="publicFooter">
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="settings-public-footer" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-submit">
              {t('save')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
