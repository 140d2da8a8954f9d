/** 待上传 N 项: what this device still has to send, the items the server refused (kept until discarded), and a way to send now. */
import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { PlainList, PlainListItem } from '../../components/PlainList';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { offlineMessages } from './messages';
import { discard, sendQueue, useQueue } from './queue';
import { useOnline } from './useOnline';

export function PendingUploads({ inspectionId }: { inspectionId?: string }) {
  const m = useMessages(offlineMessages);
  const owner = useCurrentUser().me.id;
  const online = useOnline();
  const queued = useQueue(owner).filter((i) => !inspectionId || i.inspectionId === inspectionId);
  if (!queued.length && online) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="pending-uploads" data-count={queued.length}>
      {!online && <Alert type="warning" showIcon title={m('offline')} data-testid="offline-banner" />}
      {queued.length > 0 && (
        <Alert
          type="info"
          showIcon
          icon={<CloudUploadOutlined aria-hidden />}
          title={<span data-testid="pending-count">{m('pending', { count: queued.length })}</span>}
          description={
            <>
              <Typography.Text type="secondary">{m('pendingHint')}</Typography.Text>
              <PlainList>
                {queued.map((item) => (
                  <PlainListItem key={item.key} data-testid="pending-item" data-kind={item.kind} style={{ padding: '8px 0' }}>
                    <Space wrap size={4}>
                      <Tag>{item.kind === 'save' ? m('save') : m('photo')}</Tag>
                      <Typography.Text style={{ wordBreak: 'break-all' }}>{item.kind === 'photo' ? item.fileName : item.label}</Typography.Text>
                      {item.refused && <Typography.Text type="danger">{m('refused', { reason: item.refused })}</Typography.Text>}
                      {item.refused && (
                        <Popconfirm title={m('discardConfirm')} onConfirm={() => void discard(item.key)}>
                          <Button size="small" danger>
                            {m('discard')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  </PlainListItem>
                ))}
              </PlainList>
            </>
          }
          action={
            <Button size="small" disabled={!online} onClick={() => void sendQueue(owner)} data-testid="pending-send">
              {m('sendNow')}
            </Button>
          }
        />
      )}
    </Space>
  );
}
