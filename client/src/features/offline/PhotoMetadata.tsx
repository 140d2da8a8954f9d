/** A photo's evidence metadata on the record: when it was taken and, if recorded, where. */
import { Space, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { offlineMessages } from './messages';

interface PhotoFields {
  takenAt?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  positionAccuracy?: number | null;
}

export function PhotoMetadata({ file }: { file: PhotoFields }) {
  const { lang } = useI18n();
  const m = useMessages(offlineMessages);
  if (!file.takenAt && file.latitude == null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space
      direction="vertical"
      size={0}
      data-testid="evidence-field"
      data-taken-at={file.takenAt ?? ''}
      data-latitude={file.latitude ?? ''}
      data-longitude={file.longitude ?? ''}
    >
      {file.takenAt && <Typography.Text>{m('takenAt', { time: formatDateTime(file.takenAt, lang) })}</Typography.Text>}
      {file.latitude != null && file.longitude != null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <EnvironmentOutlined aria-hidden />{' '}
          {m('position', { lat: file.latitude.toFixed(5), lng: file.longitude.toFixed(5), acc: Math.round(file.positionAccuracy ?? 0) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m('noPosition')}
        </Typography.Text>
      )}
    </Space>
  );
}
