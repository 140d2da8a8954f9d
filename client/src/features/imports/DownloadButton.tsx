/** A button that downloads a signed-in-only file, with a spinner meanwhile and the server's reason on failure. */
import { useState, type ReactNode } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { importMessages } from './messages';
import { DownloadProblem, downloadWithToken } from './authed-download';

interface Props {
  url: string;
  fallbackName: string;
  children: ReactNode;
  testId: string;
  size?: 'small' | 'middle';
  type?: 'default' | 'primary' | 'link';
}

export function DownloadButton({ url, fallbackName, children, testId, size, type }: Props) {
  const m = useMessages(importMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadWithToken(url, fallbackName);
    } catch (error) {
      void message.error(error instanceof DownloadProblem && error.message ? `${m('downloadFailed')}：${error.message}` : m('downloadFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size={size} type={type} icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {children}
    </Button>
  );
}
