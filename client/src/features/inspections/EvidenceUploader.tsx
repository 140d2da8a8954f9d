/**
 * Drop or choose several files: each is sent on its own with its progress bar; a refused file stays
 * listed with the reason in words (too large, unsupported type, sealed …) until dismissed.
 */
import { useCallback, useState } from 'react';
import { Alert, Button, Flex, Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { EvidenceUploadProblem, uploadEvidence } from './evidence-upload';
import { inspectionMessages } from './messages';

interface Sending {
  uid: string;
  name: string;
  percent: number;
  error: string | null;
}

export function EvidenceUploader({ inspectionId, onUploaded }: { inspectionId: string; onUploaded: () => Promise<unknown> }) {
  const { lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const [sending, setSending] = useState<Sending[]>([]);
  const update = useCallback((uid: string, patch: Partial<Sending>) => setSending((list) => list.map((s) => (s.uid === uid ? { ...s, ...patch } : s))), []);

  const reasonOf = (error: unknown): string => {
    if (!(error instanceof EvidenceUploadProblem)) return m('uploadNetwork');
    const { status, body } = error;
    const server = lang === 'zh' ? body?.message : undefined;
    if (status === 413 || body?.reason === 'FILE_TOO_LARGE') {
      return server ?? (body?.limitBytes ? m('tooLarge', { mb: Math.round((body.limitBytes / 1024 / 1024) * 10) / 10 }) : m('tooLargeNoLimit'));
    }
    if (status === 415) return server ?? m('unsupported');
    if (status === 403) return server ?? m('uploadForbidden');
    if (status === 409) return server ?? m('uploadSealed');
    if (status === 0) return m('uploadNetwork');
    return server ?? body?.message ?? m('uploadOther', { status });
  };

  const send = async (file: File & { uid: string }) => {
    setSending((list) => [...list, { uid: file.uid, name: file.name, percent: 0, error: null }]);
    try {
      await uploadEvidence(inspectionId, file, (percent) => update(file.uid, { percent }));
      update(file.uid, { percent: 100 });
      await onUploaded();
      setSending((list) => list.filter((s) => s.uid !== file.uid));
    } catch (error) {
      update(file.uid, { error: reasonOf(error) });
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Upload.Dragger multiple showUploadList={false} customRequest={({ file }) => void send(file as File & { uid: string })} data-testid="evidence-upload">
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{m('dropFiles')}</p>
        <p className="ant-upload-hint">{m('dropHint')}</p>
      </Upload.Dragger>
      {sending.map((s) =>
        s.error ? (
          <Alert
            key={s.uid}
            type="error"
            showIcon
            role="alert"
            title={m('uploadFailed', { name: s.name, reason: s.error })}
            action={
              <Button size="small" onClick={() => setSending((list) => list.filter((x) => x.uid !== s.uid))}>
                {m('dismiss')}
              </Button>
            }
            data-testid="evidence-upload-error"
          />
        ) : (
          <Flex key={s.uid} gap={12} align="center" data-testid="evidence-upload-progress" data-name={s.name}>
            <Typography.Text ellipsis style={{ width: 240 }}>
              {m('uploading')} {s.name}
            </Typography.Text>
            <Progress percent={s.percent} size="small" style={{ flex: 1 }} />
          </Flex>
        ),
      )}
    </Flex>
  );
}
