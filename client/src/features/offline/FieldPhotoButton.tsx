/**
 * 拍照: the phone's camera (`capture="environment"`); each photo is resized on the device, stamped with
 * the time taken and, if the inspector agreed (asked once), the position, and put in the upload queue —
 * with or without a signal. The queue sends it with its own key, so it arrives once.
 */
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { App, Button } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { offlineMessages } from './messages';
import { currentPosition, positionConsent, rememberPositionConsent, resizePhoto } from './photo';
import { enqueue, newKey, sendQueue } from './queue';

export function FieldPhotoButton({ inspectionId, label }: { inspectionId: string; label: string }) {
  const m = useMessages(offlineMessages);
  const { modal, message } = App.useApp();
  const owner = useCurrentUser().me.id;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const askConsent = () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: m('geoTitle'),
        content: m('geoBody'),
        okText: m('geoYes'),
        cancelText: m('geoNo'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const start = async () => {
    if (positionConsent() === null) rememberPositionConsent(await askConsent());
    input.current?.click();
  };

  const taken = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    const takenAt = new Date().toISOString();
    try {
      const [blob, position] = await Promise.all([resizePhoto(file), positionConsent() ? currentPosition() : Promise.resolve(null)]);
      const name = `${file.name.replace(/\.[^.]*$/, '') || '现场照片'}.jpg`;
      await enqueue({ kind: 'photo', key: newKey(), owner, inspectionId, label, queuedAt: Date.now(), blob, fileName: name, takenAt, position });
      void message.success(m('photoQueued'));
      void sendQueue(owner);
    } catch {
      void message.error(m('photoFailed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      {/* Outside the card: the camera's input is the button's, not one of the card's file fields. */}
      {createPortal(
        <input
          ref={input}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid="field-photo-input"
          onChange={(e) => void taken(e.target.files)}
        />,
        document.body,
      )}
      <Button icon={<CameraOutlined aria-hidden />} loading={busy} onClick={() => void start()} data-testid="field-photo" size="large">
        {m('takePhoto')}
      </Button>
    </>
  );
}
