/**
 * 批量导入, steps 1 and 2: choose what to import and the file (with the template to start from), the
 * mode and options; then the upload with its progress. Once the server has the job, its page follows
 * the processing and shows the summary.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Progress, Radio, Select, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS, queryParam } from '../../app/navigation';
import { BackLink } from '../../components/BackLink';
import { byteSize } from '../public/format';
import { DownloadButton } from './DownloadButton';
import { ImportSteps } from './ImportSteps';
import { importMessages } from './messages';
import type { ImportMode } from './operations';
import { uploadImport, UploadProblem, type UploadOptions } from './upload';

type Kind = UploadOptions['kind'];

interface Values {
  kind: Kind;
  mode: ImportMode;
  acceptChecksumWarnings: boolean;
  encoding: UploadOptions['encoding'];
}

const ACCEPT = /\.(csv|xlsx)$/i;

export function ImportWizardPage() {
  const { t } = useI18n();
  const m = useMessages(importMessages);
  const [form] = Form.useForm<Values>();
  const [initialKind] = useState<Kind>(() => (queryParam('kind') === 'inspectors' ? 'inspectors' : 'entities'));
  const kind = (Form.useWatch('kind', form) ?? initialKind) as Kind;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (values: Values) => {
    if (!file) {
      setFileError(m('fileRequired'));
      return;
    }
    setProblem(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ sent: 0, total: file.size });
    try {
      const jobId = await uploadImport(
        { ...values, acceptChecksumWarnings: values.kind === 'entities' && values.acceptChecksumWarnings, file },
        (sent, total) => setProgress({ sent, total }),
        controller.signal,
      );
      navigate(LINKS.importJob(jobId));
    } catch (error) {
      setProgress(null);
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setProblem(error instanceof UploadProblem && error.message ? error.message : t('networkError'));
    }
  };

  const uploading = progress !== null;
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 880 }}>
      <BackLink to={PATHS.imports} />
      <Card title={m('wizardTitle')} data-testid="import-wizard">
        <ImportSteps current={uploading ? 'upload' : 'choose'} />
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={m('uploadFailed')}
            description={problem}
            data-testid="import-upload-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={uploading}
          initialValues={{ kind: initialKind, mode: 'VALID_ROWS', acceptChecksumWarnings: false, encoding: 'auto' }}
          onFinish={(v) => void start(v)}
        >
          <Form.Item label={m('kind')} name="kind">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'entities', label: m('kind_ENTITIES') },
                { value: 'inspectors', label: m('kind_INSPECTORS') },
              ]}
              data-testid="import-kind"
            />
          </Form.Item>
          <Space wrap style={{ marginBottom: 8 }}>
            <DownloadButton url={`/api/templates/${kind}.xlsx`} fallbackName={`${kind}-template.xlsx`} testId="import-template-xlsx">
              {m('template')}
            </DownloadButton>
            <DownloadButton url={`/api/templates/${kind}.csv`} fallbackName={`${kind}-template.csv`} testId="import-template-csv">
              {m('templateCsv')}
            </DownloadButton>
          </Space>
          <Typography.Paragraph type="secondary">{m('templateHint')}</Typography.Paragraph>
          <Form.Item label={m('file')} required validateStatus={fileError ? 'error' : undefined} help={fileError}>
            <Upload.Dragger
              accept=".csv,.xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(chosen) => {
                if (!ACCEPT.test(chosen.name)) {
                  setFileError(m('fileType'));
                  setFile(null);
                } else {
                  setFileError(null);
                  setFile(chosen);
                }
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text" data-testid="import-file-name">
                {file ? m('fileChosen', { name: file.name, size: byteSize(file.size) }) : m('chooseFile')}
              </p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item label={m('mode')} name="mode">
            <Radio.Group
              options={(['VALID_ROWS', 'ALL_OR_NOTHING'] as const).map((mode) => ({
                value: mode,
                label: <span data-testid={`import-mode-${mode}`}>{m(`mode_${mode}`)}</span>,
              }))}
            />
          </Form.Item>
          {kind === 'entities' && (
            <Form.Item name="acceptChecksumWarnings" valuePropName="checked">
              <Checkbox data-testid="import-accept-checksum">{m('acceptChecksum')}</Checkbox>
            </Form.Item>
          )}
          {(!file || /\.csv$/i.test(file.name)) && (
            <Form.Item label={m('encoding')} name="encoding">
              <Select
                style={{ width: 280 }}
                options={[
                  { value: 'auto', label: m('encoding_auto') },
                  { value: 'utf-8', label: m('encoding_utf8') },
                  { value: 'gb18030', label: m('encoding_gb18030') },
                ]}
                aria-label={m('encoding')}
              />
            </Form.Item>
          )}
          {uploading ? (
            <Flex vertical gap={8} data-testid="import-upload-progress">
              <Progress percent={progress.total ? Math.round((progress.sent / progress.total) * 100) : 0} status="active" />
              <Space>
                <Typography.Text type="secondary">{m('uploading', { sent: byteSize(progress.sent), total: byteSize(progress.total) })}</Typography.Text>
                <Button size="small" disabled={false} onClick={() => abort.current?.abort()}>
                  {t('cancel')}
                </Button>
              </Space>
            </Flex>
          ) : (
            <Button type="primary" htmlType="submit" data-testid="import-start">
              {m('start')}
            </Button>
          )}
        </Form>
      </Card>
    </Flex>
  );
}
