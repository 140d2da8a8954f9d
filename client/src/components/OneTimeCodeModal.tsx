/** Shows a one-time invitation code once, with a copy button and the warning that it will not be shown again. */
import { App, Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { formatDateTime } from '../app/format';
import { useI18n } from '../app/i18n';

export interface IssuedCode {
  username: string;
  code: string;
  expiresAt: string;
  /** What the code is for, e.g. “新单位开户：叶县自然资源局”. */
  context?: string;
}

export function OneTimeCodeModal({ issued, onClose }: { issued: IssuedCode | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.code);
      void message.success(t('copied'));
    } catch {
      void message.warning(t('copyFailed'));
    }
  };

  return (
    <Modal
      open={issued !== null}
      title={t('oneTimeCodeTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-code-done">
          {t('oneTimeCodeDone')}
        </Button>
      }
    >
      {issued && (
        <div data-testid="one-time-code-modal">
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('oneTimeCodeWarning')} />
          {issued.context && <Typography.Paragraph>{issued.context}</Typography.Paragraph>}
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'username', label: t('oneTimeCodeFor'), children: <span data-testid="one-time-code-username">{issued.username}</span> },
              {
                key: 'code',
                label: t('oneTimeCodeTitle'),
                children: (
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 12 }}>
                    <Typography.Text strong style={{ fontFamily: 'ui-monospace, monospace', fontSize: 18, letterSpacing: 1 }} data-testid="one-time-code">
                      {issued.code}
                    </Typography.Text>
                    <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} data-testid="one-time-code-copy">
                      {t('copy')}
                    </Button>
                  </span>
                ),
              },
              { key: 'expires', label: t('oneTimeCodeExpires'), children: formatDateTime(issued.expiresAt, lang) },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
