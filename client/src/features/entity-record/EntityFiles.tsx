/**
 * The entity's view of files (its attachments, the team's published evidence): images are fetched with
 * the access code and previewed, other files download on demand.
 */
import { useEffect, useState } from 'react';
import { App, Button, Image, List, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { saveFile } from '../../app/csv';
import { useMessages } from '../../app/i18n';
import { fetchEntityFile, formatSize } from './entity-files';
import { entityRecordMessages } from './messages';
import type { EntityFile } from './operations';

function useBlobUrl(file: EntityFile, accessCode: string, enabled: boolean): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let live = true;
    fetchEntityFile(file.url, accessCode)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        if (live) setState({ url, failed: false });
        else URL.revokeObjectURL(url);
      })
      .catch(() => live && setState({ url: null, failed: true }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file.url, accessCode, enabled]);
  return state;
}

function Thumbnail({ file, accessCode }: { file: EntityFile; accessCode: string }) {
  const m = useMessages(entityRecordMessages);
  const { url, failed } = useBlobUrl(file, accessCode, true);
  if (failed) return <FileOutlined style={{ fontSize: 32 }} aria-hidden />;
  if (!url)
    return (
      // A status names the spinner: a name on antd's bare <div> is not allowed (aria-prohibited-attr).
      <span role="status" aria-label={m('loadingFile')}>
        <Spin size="small" />
      </span>
    );
  return <Image src={url} alt={file.fileName} width={96} height={72} style={{ objectFit: 'cover' }} data-testid="entity-file-preview" />;
}

export function EntityFiles({ files, accessCode, testId }: { files: readonly EntityFile[]; accessCode: string; testId: string }) {
  const m = useMessages(entityRecordMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (file: EntityFile) => {
    setBusy(file.id);
    try {
      const blob = await fetchEntityFile(file.url, accessCode);
      saveFile(file.fileName, blob, file.contentType);
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <List<EntityFile>
      size="small"
      data-testid={testId}
      dataSource={[...files]}
      renderItem={(file) => (
        <List.Item
          data-testid="entity-file"
          data-name={file.fileName}
          actions={[
            <Button key="download" size="small" icon={<DownloadOutlined aria-hidden />} loading={busy === file.id} onClick={() => void download(file)}>
              {m('download')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={
              file.contentType.startsWith('image/') ? <Thumbnail file={file} accessCode={accessCode} /> : <FileOutlined style={{ fontSize: 32 }} aria-hidden />
            }
            title={file.fileName}
            description={
              <Space size={6} wrap>
                <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
                {file.sealed && <Tag color="green">{m('sealed')}</Tag>}
                <Typography.Text type="secondary" copyable={{ text: file.sha256 }} style={{ fontSize: 12 }}>
                  SHA-256 {file.sha256.slice(0, 12)}…
                </Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
