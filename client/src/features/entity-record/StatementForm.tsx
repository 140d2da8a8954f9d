/**
 * The entity writes a statement or an objection. Attachments hang on a draft, which is saved the first
 * time a file is added; submitting seals the draft's attachments with the text.
 */
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Progress, Radio, Typography, Upload } from 'antd';
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { acceptedName, ACCEPTED_EXTENSIONS, uploadAttachment } from './entity-files';
import { apiProblem, fileProblem, type EntityProblem } from './entity-problems';
import { EntityFiles } from './EntityFiles';
import { entityRecordMessages, MAX_ATTACHMENTS, MAX_BODY } from './messages';
import { SAVE_ENTITY_STATEMENT_DRAFT, SUBMIT_ENTITY_STATEMENT, type EntityStatementView } from './operations';

interface Values {
  kind: 'STATEMENT' | 'OBJECTION';
  body: string;
}

interface Props {
  accessCode: string;
  draft: EntityStatementView | null;
  onChanged: () => Promise<unknown>;
}

export function StatementForm({ accessCode, draft, onChanged }: Props) {
  const { t } = useI18n();
  const m = useMessages(entityRecordMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saveDraft] = useMutation(SAVE_ENTITY_STATEMENT_DRAFT);
  const [submit, { loading: submitting }] = useMutation(SUBMIT_ENTITY_STATEMENT);
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const [problem, setProblem] = useState<EntityProblem | null>(null);
  const attachments = draft?.attachments ?? [];

  const draftId = async (): Promise<string> => {
    if (draft) return draft.id;
    const { kind, body } = form.getFieldsValue();
    const { data } = await saveDraft({ variables: { accessCode, kind: kind ?? 'STATEMENT', body: (body ?? '').slice(0, MAX_BODY) } });
    return data!.saveEntityStatementDraft.id;
  };

  const attach = async (file: File) => {
    setProblem(null);
    if (attachments.length >= MAX_ATTACHMENTS)
      return setProblem({ kind: 'other', title: m('uploadFailed'), message: m('attachTooMany', { max: MAX_ATTACHMENTS }) });
    if (!acceptedName(file.name)) return setProblem({ kind: 'other', title: m('uploadFailed'), message: m('fileType') });
    setUpload({ name: file.name, percent: 0 });
    try {
      let id: string;
      try {
        id = await draftId();
      } catch (error) {
        setProblem(apiProblem(error as Error, m, t));
        return;
      }
      await uploadAttachment(id, accessCode, file, (percent) => setUpload({ name: file.name, percent }));
      await onChanged();
      void message.success(m('uploaded', { name: file.name }));
    } catch (error) {
      setProblem(fileProblem(error, m, t));
    } finally {
      setUpload(null);
    }
  };

  const onFinish = async ({ kind, body }: Values) => {
    setProblem(null);
    try {
      await submit({ variables: { accessCode, kind, body } });
      form.resetFields();
      await onChanged();
      void message.success(m('submitted'), 6);
    } catch (error) {
      setProblem(apiProblem(error as Error, m, t));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: draft?.kind ?? 'STATEMENT', body: draft?.body ?? '' }}
      onFinish={(values) => void onFinish(values)}
      data-testid="statement-form"
    >
      <Typography.Paragraph type="secondary">{m('writeIntro')}</Typography.Paragraph>
      <Form.Item name="kind" label={m('kind')}>
        <Radio.Group
          optionType="button"
          data-testid="statement-kind"
          options={[
            { value: 'STATEMENT', label: m('STATEMENT') },
            { value: 'OBJECTION', label: m('OBJECTION') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="body"
        label={m('body')}
        rules={[
          { required: true, whitespace: true, message: m('bodyRequired') },
          { max: MAX_BODY, message: m('bodyTooLong', { max: MAX_BODY }) },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={MAX_BODY} placeholder={m('bodyPlaceholder')} data-testid="statement-body" />
      </Form.Item>
      <Form.Item label={m('attachments')} extra={m('attachHint', { max: MAX_ATTACHMENTS })}>
        <Flex vertical gap={8}>
          <div>
            <Upload
              accept={ACCEPTED_EXTENSIONS.join(',')}
              showUploadList={false}
              multiple={false}
              disabled={!!upload || attachments.length >= MAX_ATTACHMENTS}
              beforeUpload={(file) => {
                void attach(file);
                return false;
              }}
              data-testid="statement-attach"
            >
              <Button icon={<PaperClipOutlined aria-hidden />} disabled={!!upload || attachments.length >= MAX_ATTACHMENTS}>
                {m('attach')}
              </Button>
            </Upload>
          </div>
          {upload && (
            <div data-testid="statement-upload-progress">
              <Typography.Text type="secondary">{m('uploading', { name: upload.name, percent: upload.percent })}</Typography.Text>
              <Progress percent={upload.percent} size="small" />
            </div>
          )}
          {attachments.length > 0 && <EntityFiles files={attachments} accessCode={accessCode} testId="statement-attachments" />}
        </Flex>
      </Form.Item>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem.title}
          description={problem.message}
          style={{ marginBottom: 16 }}
          data-testid="statement-problem"
        />
      )}
      <Popconfirm title={m('submitConfirm')} onConfirm={() => form.submit()} okText={t('confirm')} cancelText={t('cancel')}>
        <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submitting} disabled={!!upload} data-testid="statement-submit">
          {m('submit')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
