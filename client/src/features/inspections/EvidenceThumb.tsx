/** A thumbnail of an image evidence file, previewed large on click (antd Image); other files show an icon. */
import { Image, Skeleton, Typography } from 'antd';
import { FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { isPreviewable } from './format';
import { inspectionMessages } from './messages';
import type { EvidenceRow } from './operations';
import { useAuthedObjectUrl } from './useAuthedObjectUrl';

const SIZE = 64;

export function EvidenceThumb({ file }: { file: Pick<EvidenceRow, 'url' | 'contentType' | 'fileName'> }) {
  if (!isPreviewable(file.contentType)) {
    const Icon = file.contentType === 'application/pdf' ? FilePdfOutlined : FileOutlined;
    return <Icon style={{ fontSize: 28, color: '#64748b' }} aria-hidden />;
  }
  return <ImageThumb file={file} />;
}

function ImageThumb({ file }: { file: Pick<EvidenceRow, 'url' | 'fileName'> }) {
  const m = useMessages(inspectionMessages);
  const { src, failed } = useAuthedObjectUrl(file.url);
  if (failed) return <Typography.Text type="danger">{m('imageFailed')}</Typography.Text>;
  if (!src) return <Skeleton.Image active style={{ width: SIZE, height: SIZE }} />;
  return <Image src={src} alt={file.fileName} width={SIZE} height={SIZE} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="evidence-thumb" />;
}
